/**
 * The example archive built for a sub-folder (ARCHIVE_BASE=/news) and served only under /news/,
 * as a host that puts the archive beside other things would: every link, stylesheet and icon
 * must carry the base, or the reader lands outside the site.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROJECT_ROOT, type BuildResult } from '../helpers/build.ts';
import type { Served } from '../../scripts/serve.ts';
import { buildAndBrowse, type BrowsedSite } from './chromium.ts';
import { checkInternalLinks, formatProblems } from './site-files.ts';

const BASE = '/news';

let build: BuildResult;
let server: Served;
let browser: Browser;
let site: BrowsedSite | undefined;

beforeAll(async () => {
  site = await buildAndBrowse(join(PROJECT_ROOT, 'content'), { env: { ARCHIVE_BASE: BASE } }, { base: BASE });
  ({ build, server, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

test('every internal link carries the base and resolves', () => {
  const report = checkInternalLinks(build.outDir, BASE);
  expect(report.pagesChecked, 'the link checker should find the built pages').toBeGreaterThan(30);
  expect(report.linksChecked).toBeGreaterThan(report.pagesChecked * 10);
  expect(report.problems, `broken internal links under ${BASE}/:\n${formatProblems(report.problems)}`).toEqual([]);
});

test('a reader can browse home → article → person under the base', async () => {
  const page: Page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()} (${m.location().url})`)));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  page.on('response', (r) => void (r.status() >= 400 && errors.push(`${r.status()} for ${r.url()}`)));
  try {
    expect((await page.goto(server.url))?.status()).toBe(200);
    expect(await page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0))).toBeGreaterThan(0);

    const article = page.locator(`main a[href^="${BASE}/articles/"]`).first();
    const href = await article.getAttribute('href');
    const title = (await article.textContent())?.trim();
    await article.click();
    await page.waitForURL(new URL(href!, server.origin).href);
    expect((await page.locator('h1').first().textContent())?.trim()).toBe(title);

    await page.locator(`main a[href="${BASE}/people/hun-sen/"]`).first().click();
    await page.waitForURL(new URL(`${BASE}/people/hun-sen/`, server.origin).href);
    expect(await page.locator(`main a[href^="${BASE}/articles/"]`).count()).toBeGreaterThanOrEqual(2);

    // The site title leads back to the base, not to the host's root.
    await page.locator(`header a[href="${BASE}/"]`).first().click();
    await page.waitForURL(server.url);
    expect(errors, errors.join('\n')).toEqual([]);
  } finally {
    await page.close();
  }
});
