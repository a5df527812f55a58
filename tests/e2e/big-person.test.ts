/**
 * A person in a large share of a generated archive (the benchmark's generator, 300 articles: the
 * most covered person is in 140), read in Chromium: connections in the first screen at 1280 px and
 * close to the top on a phone, quotes on pages of their own, axe-clean in both themes, no
 * horizontal scroll at 320 px, and screenshots for review.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { buildArchive, type BuildResult } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { openPage, serveInChromium, type ServedSite } from './chromium.ts';
import { axeViolations, horizontalOverflow, saveScreenshot } from './page-checks.ts';

let build: BuildResult;
let site: ServedSite;
let person: string;
let articles: number;

beforeAll(async () => {
  const generated = generateArchive(tempDir('news-archive-big-person'), { articles: 300 });
  articles = generated.topPerson.articles;
  build = buildArchive(generated.contentDir);
  expect(build.ok, build.output).toBe(true);
  const api = JSON.parse(build.page('/api/people.json')!) as { name: string; url: string }[];
  person = new URL(api.find((p) => p.name === generated.topPerson.name)!.url).pathname;
  site = await serveInChromium(build.outDir);
});

afterAll(async () => {
  await site?.close();
});

/** Where the top of the "Appears with" heading is, from the top of the page, in CSS pixels. */
async function appearsWithTop(page: Page): Promise<number> {
  return page.getByRole('heading', { name: 'Appears with' }).evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
}

describe('the most covered person', () => {
  test('is in over a hundred articles, with pages of articles and of quotes', () => {
    expect(articles).toBeGreaterThan(100);
    expect(build.page(`${person}3/`)).toBeDefined();
    expect(build.page(`${person}quotes/2/`)).toBeDefined();
  });

  test('"Appears with" is in the first screen at 1280 px and within two phone screens at 375 px', async () => {
    const wide = await openPage(site, person, { width: 1280 });
    expect(await appearsWithTop(wide)).toBeLessThan(800);
    await wide.close();
    const phone = await openPage(site, person, { width: 375 });
    expect(await appearsWithTop(phone)).toBeLessThan(1600);
    await phone.close();
  });

  test('the quotes link on the first page leads to the quotes, paged with their own labels', async () => {
    const page = await openPage(site, person);
    await page.getByRole('link', { name: /^All [\d,]+ quotes$/ }).click();
    await page.waitForURL(new RegExp(`${person}quotes/$`));
    expect(await page.locator('.quote-list > li').count()).toBe(50);
    expect(await page.locator('.pager a[rel=next]').innerText()).toBe('Older quotes →');
    await page.close();
  });

  const PAGES = (): Record<string, string> => ({ first: person, second: `${person}2/`, quotes: `${person}quotes/`, connections: `${person}connections/` });
  for (const name of ['first', 'second', 'quotes', 'connections']) {
    test(`its ${name} page has no axe-core violations in either theme and no horizontal scroll at 320 px`, async () => {
      const path = PAGES()[name]!;
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await openPage(site, path, { colorScheme });
        expect(await axeViolations(page), `${path} in ${colorScheme}`).toEqual([]);
        await page.close();
      }
      const narrow = await openPage(site, path, { width: 320 });
      expect(await horizontalOverflow(narrow), path).toBeLessThanOrEqual(0);
      await narrow.close();
    });
  }

  test('screenshots of the page in both themes at 375 and 1280 px are saved for review', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [375, 1280]) {
        const page = await openPage(site, person, { colorScheme, width });
        await saveScreenshot(page, `big-person-${colorScheme}-${width}`, colorScheme);
        await page.close();
      }
    }
  });
});
