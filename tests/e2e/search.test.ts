/**
 * The search page at the size where a reader can get stuck: an archive written for the test with
 * more results than a page holds, words in Khmer and Vietnamese, and entity profiles. Built with
 * the real `astro build`, served over HTTP and used in Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Served } from '../../scripts/serve.ts';
import { SEARCH_FAILED } from '../../src/client/search.ts';
import { buildAndBrowse, openPage, type BrowsedSite } from './chromium.ts';

/** Articles about the harbour: more than two pages of results. */
const HARBOUR = 47;
/** Of them, those that also mention a storm, by year. */
const STORMS = { 2023: 4, 2024: 3 };
const KHMER_WORD = 'អង្គរវត្ត';
const VIETNAMESE_WORD = 'Phước';
const HOSTILE_IMG = `<img src=x onerror="document.title='pwned'">`;

function harbourArticle(i: number): { path: string; text: string; slug: string } {
  const year = i < 30 ? 2023 : 2024;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String(Math.floor(i / 28) + 1).padStart(2, '0');
  const slug = `${year}-${month}-${day}-harbour-report-${i}`;
  const storm = (year === 2023 ? i < STORMS[2023] : i - 30 < STORMS[2024]) ? ' A storm closed the quay for a day.' : '';
  const text = [
    '---',
    `title: "Report number ${i}"`,
    `date: ${year}-${month}-${day}`,
    'source: "The Port Ellery Courier"',
    'people: [Mara Quillfeather]',
    '---',
    `The harbour board met again, for the ${i}th time this season.${storm} Ships waited outside the breakwater.`,
    '',
  ].join('\n');
  return { path: join('articles', String(year), `${slug}.md`), text, slug };
}

const FILES: { path: string; text: string }[] = [
  ...Array.from({ length: HARBOUR }, (_, i) => harbourArticle(i)),
  {
    path: 'articles/2022/2022-05-01-temple-visit.md',
    text: `---\ntitle: "A visit to the temple"\ndate: 2022-05-01\nsource: "Kampuchea Today"\nplaces: [Siem Reap]\n---\nVisitors crowded ${KHMER_WORD} at dawn, and the guides spoke of repairs.\n`,
  },
  {
    path: 'articles/2022/2022-06-01-delta-market.md',
    text: `---\ntitle: "Market day in the delta"\ndate: 2022-06-01\nsource: "Delta Weekly"\nplaces: [Can Tho]\n---\nTraders from ${VIETNAMESE_WORD} Long brought rice and fish downriver.\n`,
  },
  {
    path: 'articles/2023/2023-03-01-quillfeather-retires.md',
    text: `---\ntitle: "A farewell on the quay"\ndate: 2023-03-01\nsource: "The Port Ellery Courier"\npeople: [Mara Quillfeather]\n---\nMara Quillfeather said she would leave the port at the end of the season.\n`,
  },
  {
    // Markup an editor quotes is text in the article, and must stay text in a search excerpt.
    path: 'articles/2022/2022-06-02-glossary-markup.md',
    text: `---\ntitle: "Notes on markup"\ndate: 2022-06-02\nsource: "Delta Weekly"\n---\nThe glossary quotes \`${HOSTILE_IMG}\` and &lt;script&gt;document.title='pwned'&lt;/script&gt; as examples.\n`,
  },
  {
    path: 'people/mara-quillfeather.md',
    text: '---\nname: Mara Quillfeather\nrole: Harbour master of Port Ellery\n---\nShe has run the harbour since 2019.\n',
  },
];

let dir: string;
let site: BrowsedSite | undefined;
let server: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'news-archive-search-'));
  for (const { path, text } of FILES) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Twenty articles a search shard: each month of harbour reports (28 a month) is a shard of its
  // own, so every search here merges several.
  site = await buildAndBrowse(dir, { env: { ARCHIVE_SEARCH_SHARD: '20' } });
  ({ server, browser } = site);
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function status(page: Page): Promise<string> {
  await page.waitForFunction(() => /\d+ results?|Type some words/.test(document.querySelector('[data-status]')?.textContent ?? ''));
  return (await page.textContent('[data-status]')) ?? '';
}

const hrefs = (page: Page) => page.locator('[data-results] li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

describe('every result is reachable', () => {
  test('"Newest first" (the default) and "Oldest first" order every result by date across the shards', async () => {
    const slugs = Array.from({ length: HARBOUR }, (_, i) => `/articles/${harbourArticle(i).slug}/`).sort();
    for (const [sort, expected] of [['', [...slugs].reverse()], ['oldest', slugs]] as const) {
      const page = await openPage(site!, `/search/?q=harbour${sort ? `&sort=${sort}` : ''}`);
      expect(await status(page)).toBe(`${HARBOUR + 1} results, 1–20 shown.`);
      const seen = [...(await hrefs(page))];
      for (let at = 2; at <= Math.ceil((HARBOUR + 1) / 20); at++) {
        await page.getByRole('button', { name: `Page ${at}` }).click();
        await page.waitForFunction((text) => document.querySelector('[data-status]')?.textContent?.includes(text), `${(at - 1) * 20 + 1}–`);
        seen.push(...(await hrefs(page)));
      }
      // The harbour master's profile, with no date and no "harbour" in her name, comes after the
      // articles in either order.
      expect(seen, sort).toEqual([...expected, '/people/mara-quillfeather/']);
      await page.context().close();
    }
  });

  test('by date, an entity whose name the words match comes first', async () => {
    for (const sort of ['', 'oldest']) {
      const page = await openPage(site!, `/search/?q=Quillfeather${sort ? `&sort=${sort}` : ''}`);
      expect(await status(page), sort).toBe('2 results.');
      expect(await hrefs(page), sort).toEqual(['/people/mara-quillfeather/', '/articles/2023-03-01-quillfeather-retires/']);
      await page.close();
    }
  });

  /** A page whose requests for the oldest run of months (the temple and market articles of
   * 2022) are held until `release`. */
  async function holdingOldest(path: string): Promise<{ page: Page; held: () => number; release: () => void }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { shards } = (await (await fetch(new URL('pagefind/shards.json', server.url))).json()) as { shards: { name: string; dir: string }[] };
    const oldest = shards.at(-2)!;
    expect(oldest.name).toBe('2022-05');
    const held: (() => void)[] = [];
    let holding = true;
    await context.route(`**/pagefind/${oldest.dir}/**`, (route) => (holding ? held.push(() => void route.continue()) : route.continue()));
    const page = await context.newPage();
    await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
    return {
      page,
      held: () => held.length,
      release: () => {
        holding = false;
        for (const go of held.splice(0)) go();
      },
    };
  }

  test('a date order shows its first page from the shards it needs, before the others have answered', async () => {
    // The newest 21 results are in the newer shards, so the first page does not wait for the oldest.
    const { page, held, release } = await holdingOldest('/search/?q=harbour');
    await page.waitForFunction(() => document.querySelectorAll('[data-results] li').length === 20);
    expect(await page.textContent('[data-status]')).toBe('Results 1–20 shown; counting the rest…');
    expect(await page.getByRole('button', { name: /Next page/ }).isVisible()).toBe(true);
    // The total needs the held shard: the page goes on to ask it once the first page is shown.
    await expect.poll(held).toBeGreaterThan(0);
    expect(await page.textContent('[data-status]')).toBe('Results 1–20 shown; counting the rest…');
    release();
    expect(await status(page)).toBe(`${HARBOUR + 1} results, 1–20 shown.`);
    expect(await page.getByRole('button', { name: 'Page 3' }).isVisible()).toBe(true);
    await page.context().close();
  });

  test('each result is shown as its excerpt comes, in order, without waiting for the rest of the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const held: (() => void)[] = [];
    let letThrough = 1;
    await context.route('**/pagefind/*/fragment/**', (route) => (letThrough-- > 0 ? route.continue() : held.push(() => void route.continue())));
    const page = await context.newPage();
    await page.goto(new URL('search/?q=harbour', server.url).href);
    await page.waitForFunction(() => document.querySelectorAll('[data-results] li').length > 0);
    await expect.poll(() => held.length).toBeGreaterThan(0);
    expect(await page.locator('[data-results] li').count()).toBe(1);
    const newest = `/articles/${harbourArticle(HARBOUR - 1).slug}/`;
    expect(await hrefs(page)).toEqual([newest]);
    expect(await page.textContent('[data-status]')).toBe('Searching…');
    letThrough = Infinity;
    for (const go of held.splice(0)) go();
    expect(await status(page)).toBe(`${HARBOUR + 1} results, 1–20 shown.`);
    expect((await hrefs(page))[0]).toBe(newest);
    expect(await page.locator('[data-results] li').count()).toBe(20);
    await context.close();
  });

  test('a part of the index that cannot be loaded is told in the status line, and no failure goes unheard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // A deployment replaced the index after the page was opened: every excerpt after the first is gone.
    let letThrough = 1;
    await context.route('**/pagefind/*/fragment/**', (route) => (letThrough-- > 0 ? route.continue() : route.fulfill({ status: 404, body: 'gone' })));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('search/?q=harbour', server.url).href);
    await page.waitForFunction((text) => document.querySelector('[data-status]')?.textContent === text, SEARCH_FAILED);
    expect(await page.locator('[data-results] li').count()).toBe(1);
    // The other nineteen excerpts fail too, after the first failure was shown.
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a search page whose index is missing says so', async () => {
    const context = await browser.newContext();
    await context.route('**/pagefind/shards.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('search/?q=harbour', server.url).href);
    await page.waitForFunction((text) => document.querySelector('[data-status]')?.textContent === text, SEARCH_FAILED);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a date order shows the results it has while older shards are still to answer', async () => {
    // Fewer results than a page: every shard is asked before the page is full, and the newer
    // shards' results are shown meanwhile, in their places.
    const { page, held, release } = await holdingOldest('/search/?q=storm');
    const storms = STORMS[2023] + STORMS[2024];
    await page.waitForFunction((count) => document.querySelectorAll('[data-results] li').length === count, storms);
    await expect.poll(held).toBeGreaterThan(0);
    expect(await page.textContent('[data-status]')).toBe(`Results 1–${storms} shown; counting the rest…`);
    release();
    expect(await status(page)).toBe(`${storms} results.`);
    await page.context().close();
  });

  test('a query with more results than a page shows them a page at a time, up to the last, by best match', async () => {
    const page = await openPage(site!, '/search/?q=harbour&sort=best');
    // The harbour articles and the harbour master's profile.
    const total = HARBOUR + 1;
    expect(await status(page)).toBe(`${total} results, 1–20 shown.`);
    const seen = new Set(await hrefs(page));
    expect(seen.size).toBe(20);
    await page.getByRole('button', { name: 'Page 3' }).click();
    await page.waitForFunction((text) => document.querySelector('[data-status]')?.textContent === text, `${total} results, 41–${total} shown.`);
    expect(new URL(page.url()).searchParams.get('page')).toBe('3');
    for (const href of await hrefs(page)) seen.add(href);
    await page.getByRole('button', { name: /Previous page/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent?.includes('21–40 shown'));
    for (const href of await hrefs(page)) seen.add(href);
    // Every result once, the last included.
    expect(seen.size).toBe(total);
    expect(seen.has('/people/mara-quillfeather/')).toBe(true);
    expect(seen.has(`/articles/${harbourArticle(HARBOUR - 1).slug}/`)).toBe(true);
    await page.close();
  });

  test('a page in the address opens at that page', async () => {
    const page = await openPage(site!, '/search/?q=harbour&page=2');
    expect(await status(page)).toBe(`${HARBOUR + 1} results, 21–40 shown.`);
    expect(await page.locator('[data-pages] [aria-current="page"]').textContent()).toBe('2');
    await page.close();
  });
});

describe('results', () => {
  test('filter counts follow the query', async () => {
    const page = await openPage(site!, '/search/?q=storm');
    expect(await status(page)).toBe(`${STORMS[2023] + STORMS[2024]} results.`);
    const year = page.locator('select[name=year]');
    await page.waitForFunction(() => document.querySelectorAll('select[name=year] option').length > 1);
    expect(await year.locator('option').allTextContents()).toEqual(['Any', `2024 (${STORMS[2024]})`, `2023 (${STORMS[2023]})`]);
    await page.fill('#search-q', 'harbour');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => document.querySelector('select[name=year] option[value="2024"]')?.textContent === '2024 (17)');
    await page.selectOption('select[name=year]', '2024');
    expect(await status(page)).toBe('17 results.');
    await page.close();
  });

  test('an entity result says what it is; an article result gives its source and date; excerpts do not repeat them', async () => {
    const page = await openPage(site!, '/search/?q=Quillfeather');
    await status(page);
    const profile = page.locator('[data-results] li', { has: page.locator('a[href="/people/mara-quillfeather/"]') });
    expect(await profile.locator('.kind').textContent()).toBe('Person');
    await page.goto(new URL('search/?q=temple', server.url).href);
    expect(await status(page)).toBe('1 result.');
    const result = page.locator('[data-results] li').first();
    expect(await result.locator('h2').textContent()).toBe('A visit to the temple');
    expect(await result.locator('.meta').textContent()).toBe('Kampuchea Today · 1 May 2022');
    const excerpt = (await result.locator('p:not(.meta)').textContent()) ?? '';
    expect(excerpt).toContain('Visitors crowded');
    expect(excerpt).not.toContain('A visit to the temple');
    expect(excerpt).not.toContain('2022');
    await page.close();
  });

  test('markup quoted in an article is shown as text in its excerpt, and runs nothing', async () => {
    const page = await openPage(site!, '/search/?q=glossary');
    expect(await status(page)).toBe('1 result.');
    const excerpt = page.locator('[data-results] li p:not(.meta)');
    expect(await excerpt.textContent()).toContain('<script>');
    expect(await excerpt.locator('*').evaluateAll((nodes) => nodes.map((node) => node.localName))).toEqual(expect.not.arrayContaining(['img', 'script']));
    expect(await page.locator('[data-results] img, [data-results] script').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });

  test('finds a Khmer word and a Vietnamese one, with and without its diacritics', async () => {
    for (const [query, article] of [
      [KHMER_WORD, '/articles/2022-05-01-temple-visit/'],
      [VIETNAMESE_WORD, '/articles/2022-06-01-delta-market/'],
      ['Phuoc', '/articles/2022-06-01-delta-market/'],
    ] as const) {
      const page = await openPage(site!, `/search/?q=${encodeURIComponent(query)}`);
      expect(await status(page), query).toBe('1 result.');
      expect(await hrefs(page), query).toEqual([article]);
      await page.close();
    }
  });
});

describe('small screens', () => {
  test('at 375 px the filters are folded away and the first result is on the first screen', async () => {
    const page = await openPage(site!, '/search/?q=harbour', { width: 375, height: 667 });
    await status(page);
    expect(await page.locator('[data-filters]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    const box = await page.locator('[data-results] li').first().boundingBox();
    expect(box!.y).toBeLessThan(667);
    await page.locator('[data-filters] summary').click();
    await expect.poll(() => page.locator('select[name=year]').isVisible()).toBe(true);
    await page.close();
  });

  test('the filters open without JavaScript', async () => {
    const page = await openPage(site!, '/search/', { width: 375, height: 667, javaScript: false });
    expect(await page.locator('select[name=year]').isVisible()).toBe(false);
    await page.locator('[data-filters] summary').click();
    expect(await page.locator('select[name=year]').isVisible()).toBe(true);
    await page.close();
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [375, 1280]) {
      test(`a page of results has no axe-core violations (${colorScheme}, ${width} px)`, async () => {
        const page = await openPage(site!, '/search/?q=harbour&page=2', { width, colorScheme });
        await status(page);
        await page.addScriptTag({ content: axe.source });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations).toEqual([]);
        await page.close();
      });
    }
  }
});
