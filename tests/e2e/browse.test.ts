/**
 * The example archive, built with the real `astro build`, served over HTTP and read like a
 * reader would: in Chromium, by clicking links. Plus checks over every built page that need no
 * browser: internal links resolve, no page ships a <script>.
 *
 * Chromium comes from the system (/usr/bin/chromium or CHROMIUM_PATH; `npm test` installs or asks
 * for it first). A missing browser fails these tests; they are never skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, type BuildResult } from '../helpers/build.ts';
import type { Served } from '../../scripts/serve.ts';
import { buildAndBrowse, type BrowsedSite } from './chromium.ts';
import { checkInternalLinks, formatProblems, htmlPages, isExecutableScriptType, scriptTags } from './site-files.ts';

const CONTENT = join(PROJECT_ROOT, 'content');
const PERSON_PATH = '/people/hun-sen/';
/**
 * Pages allowed to ship executable JavaScript. The archive is plain HTML; add a page here only as
 * a deliberate decision (and give it a browser test of its own): search runs on Pagefind in the browser.
 */
const PAGES_ALLOWED_CLIENT_JS: string[] = ['/search/'];

/** The example archive's articles as the source files give them: slug → title. */
function sourceArticles(): Map<string, string> {
  const articles = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|markdown)$/i.test(entry.name)) {
        const raw = readFileSync(full, 'utf8');
        const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(raw)?.[1] ?? '';
        const data = loadYaml(frontmatter) as { title?: unknown };
        articles.set(entry.name.replace(/\.(md|markdown)$/i, ''), String(data.title));
      }
    }
  };
  walk(join(CONTENT, 'articles'));
  return articles;
}

let build: BuildResult;
let server: Served;
let browser: Browser;
let site: BrowsedSite | undefined;

beforeAll(async () => {
  site = await buildAndBrowse(CONTENT);
  ({ build, server, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

/**
 * Console errors, uncaught page errors, failed requests and 4xx/5xx sub-resources of a page.
 * `expected404` is a document URL whose own 404 Chromium may log (the 404 test asks for it).
 */
function watchForErrors(page: Page, expected404?: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (expected404 && message.location().url === expected404 && /status of 404/.test(message.text())) return;
    errors.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught error on ${page.url()}: ${error.message}`));
  // ERR_ABORTED is a request the browser itself cancelled as a click left the page (a favicon still
  // loading, under load); a missing or refused resource fails otherwise, or answers 4xx below.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    const isDocument = response.request().resourceType() === 'document';
    if (!isDocument && response.status() >= 400) errors.push(`${response.status()} for ${response.url()}`);
  });
  return errors;
}

/** The page's scripts that would run (JSON-LD and other data blocks do not), by src or type. */
async function executableScripts(page: Page): Promise<string[]> {
  const scripts = await page.locator('script').evaluateAll((els) =>
    els.map((el) => ({ type: el.getAttribute('type'), src: el.getAttribute('src') })),
  );
  return scripts.filter((s) => isExecutableScriptType(s.type)).map((s) => s.src ?? `inline ${s.type ?? 'script'}`);
}

/** CSS rules the page's stylesheets hold: 0 when a stylesheet failed to load or is not CSS. */
function cssRuleCount(page: Page): Promise<number> {
  return page.evaluate(() => [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0));
}

describe('reading the example archive in a browser', () => {
  let page: Page;
  let errors: string[];

  afterEach(async () => {
    await page?.close();
  });

  test('home → article → person → the other article, by clicking links', async () => {
    const articles = sourceArticles();
    expect(articles.size, 'the example archive should have two articles').toBe(2);

    page = await browser.newPage();
    errors = watchForErrors(page);

    // Home page.
    const home = await page.goto(server.url);
    expect(home?.status()).toBe(200);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    expect(await executableScripts(page), 'the site ships no client JS').toEqual([]);
    // The stylesheet really loaded (a broken CSS link would also show as an error).
    expect(await cssRuleCount(page), 'the page should be styled').toBeGreaterThan(0);

    // Follow the first article link, like a reader.
    const articleLink = page.locator('main a[href^="/articles/"]').first();
    const firstHref = await articleLink.getAttribute('href');
    const firstText = (await articleLink.textContent())?.trim();
    expect(firstHref).toMatch(/^\/articles\/[^/]+\/$/);
    const firstSlug = firstHref!.split('/')[2]!;
    expect(articles.has(firstSlug), `home links to an article that is not in content/: ${firstHref}`).toBe(true);
    await articleLink.click();
    await page.waitForURL(new URL(firstHref!, server.url).href);
    expect((await page.locator('h1').first().textContent())?.trim()).toBe(articles.get(firstSlug));
    expect(firstText).toBe(articles.get(firstSlug));

    // From the article to Hun Sen's page.
    const personLink = page.locator(`main a[href="${PERSON_PATH}"]`).first();
    expect(await personLink.count(), `the article should link to ${PERSON_PATH}`).toBe(1);
    await personLink.click();
    await page.waitForURL(new URL(PERSON_PATH, server.url).href);
    expect((await page.locator('h1').first().textContent())?.trim()).toContain('Hun Sen');

    // Hun Sen is in both articles: his page lists both.
    const listed = await page
      .locator('main a[href^="/articles/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const listedSlugs = new Set(listed.map((href) => href?.split('/')[2]));
    expect([...listedSlugs].sort()).toEqual([...articles.keys()].sort());

    // Click through to the article we did not come from.
    const [otherSlug] = [...articles.keys()].filter((slug) => slug !== firstSlug);
    const otherHref = `/articles/${otherSlug}/`;
    await page.locator(`main a[href="${otherHref}"]`).first().click();
    await page.waitForURL(new URL(otherHref, server.url).href);
    const otherTitle = articles.get(otherSlug!)!;
    expect((await page.locator('h1').first().textContent())?.trim()).toBe(otherTitle);
    expect(await page.title()).toContain(otherTitle);
    expect(await executableScripts(page), 'the site ships no client JS').toEqual([]);

    expect(errors, errors.join('\n')).toEqual([]);
  });

  test('an unknown URL gets the 404 page with status 404', async () => {
    const missing = new URL('/no-such-page/anywhere/', server.url).href;
    page = await browser.newPage();
    errors = watchForErrors(page, missing);
    const response = await page.goto(missing);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toMatch(/not found/i);
    // The 404 page is a real page of the site: styled, with a way back home.
    expect(await cssRuleCount(page), 'the 404 page should be styled').toBeGreaterThan(0);
    await page.locator('a[href="/"]').first().click();
    await page.waitForURL(server.url);
    expect((await page.locator('h1').first().textContent())?.trim()).toBeTruthy();
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

describe('the built pages', () => {
  test('every internal link resolves to a page or file the build wrote', () => {
    const report = checkInternalLinks(build.outDir);
    expect(report.pagesChecked, 'the link checker should find the built pages').toBeGreaterThan(30);
    expect(report.linksChecked).toBeGreaterThan(report.pagesChecked * 10);
    expect(report.problems, `broken internal links:\n${formatProblems(report.problems)}`).toEqual([]);
    // The pages the browser test walks through are linked from somewhere.
    for (const slug of sourceArticles().keys()) expect(report.linkedPaths).toContain(`/articles/${slug}/`);
    expect(report.linkedPaths).toContain(PERSON_PATH);
  });

  test('no page ships client JS (JSON-LD data blocks are allowed, and must parse)', () => {
    const pages = htmlPages(build.outDir);
    expect(pages.length).toBeGreaterThan(30);
    const executable: string[] = [];
    const badData: string[] = [];
    for (const page of pages) {
      // Every <script …> opening tag must be accounted for by a complete element.
      const scripts = scriptTags(page.html);
      expect(scripts.length, `${page.path}: unparsed <script> tags`).toBe((page.html.match(/<script\b/gi) ?? []).length);
      for (const script of scripts) {
        if (isExecutableScriptType(script.type)) {
          if (!PAGES_ALLOWED_CLIENT_JS.includes(page.path)) executable.push(`${page.path} (${script.src ?? `inline ${script.type || 'script'}`})`);
        } else if (/json/i.test(script.type)) {
          try {
            JSON.parse(script.body);
          } catch (error) {
            badData.push(`${page.path}: ${script.type} does not parse: ${String(error)}`);
          }
        }
      }
    }
    expect(executable, `pages with executable <script> tags:\n  ${executable.join('\n  ')}`).toEqual([]);
    expect(badData, badData.join('\n')).toEqual([]);
  });

  test('the 404 page is written and served for missing paths, status 404', async () => {
    expect(build.page('/404.html'), '404.html should be in the build').toBeDefined();
    const response = await fetch(new URL('/articles/no-such-article/', server.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(build.page('/404.html'));
  });
});
