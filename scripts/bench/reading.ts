/**
 * Reads a big built archive in Chromium as issue 21 asks of it, and says what it found:
 *
 * - every result of a query is reachable: under each order the search page is paged to its last
 *   numbered page, which must show the last of the counted results;
 * - an entity in thousands of articles has usable pages: at 1280 px its connections start within
 *   the first screen, its quotes are linked to pages of their own that reach its last quote, and
 *   no width scrolls sideways.
 *
 *   node scripts/bench/reading.ts <built site> [--query "words"]… [--entity people/<slug>]
 *
 * The entity is the person in the most articles (from the site's `api/people.json`) unless one is
 * named. Prints one line a check with what was measured; exits 1 when a check fails.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../serve.ts';
import { CHROMIUM_LAUNCH } from '../chromium.ts';
import { parseCommandLine, stdio } from '../cli.ts';

const SORTS = ['newest', 'oldest', 'best'] as const;
const STATUS = '[data-status]';
/** "9,922 results, 9,921–9,922 shown." */
const SHOWN = /^([\d,]+) results?(?:, ([\d,]+)–([\d,]+) shown)?\.$/;
const number = (text: string | undefined): number => Number((text ?? '').replaceAll(',', ''));

interface Check {
  ok: boolean;
  line: string;
}

/** Pages a query's results to the last numbered page under `sort`. */
async function lastResult(browser: Browser, root: string, query: string, sort: (typeof SORTS)[number]): Promise<Check> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const search = new URLSearchParams({ q: query, ...(sort === 'newest' ? {} : { sort }) });
    await page.goto(new URL(`search/?${search}`, root).href);
    const counted = (shown: string): boolean => new RegExp(shown).test(document.querySelector('[data-status]')?.textContent ?? '');
    await page.waitForFunction(counted, SHOWN.source, { timeout: 60_000 });
    const first = (await page.textContent(STATUS))!;
    const total = number(SHOWN.exec(first)![1]);
    const buttons = page.locator('[data-pages] button');
    const labels = await buttons.allTextContents();
    const last = labels.findLastIndex((label) => /^\d+$/.test(label.trim()));
    const started = Date.now();
    if (last >= 0) {
      await buttons.nth(last).click();
      await page.waitForFunction(({ before, shown }) => {
        const text = document.querySelector('[data-status]')?.textContent ?? '';
        return text !== before && new RegExp(shown).test(text);
      }, { before: first, shown: SHOWN.source }, { timeout: 60_000 });
    }
    const ms = Date.now() - started;
    const status = (await page.textContent(STATUS))!;
    const [, , from, to] = SHOWN.exec(status)!;
    const items = await page.locator('[data-results] li').count();
    const href = await page.locator('[data-results] li a').last().getAttribute('href');
    const end = to === undefined ? items : number(to);
    const ok = end === total && items === end - (from === undefined ? 0 : number(from) - 1);
    return { ok, line: `${JSON.stringify(query)} (${sort}): "${first}" → last page (${new URL(page.url()).search}) in ${ms} ms: "${status}", ${items} shown, the last ${href}` };
  } finally {
    await page.close();
  }
}

/** Where an entity page's parts start, at a width, in both themes. */
async function entityPage(browser: Browser, root: string, path: string, width: number, height: number): Promise<Check[]> {
  const checks: Check[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme });
    try {
      const response = await page.goto(new URL(path, root).href);
      const seen = await page.evaluate(() => {
        const top = (words: string): number | null => {
          const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent!.includes(words));
          return heading ? Math.round(heading.getBoundingClientRect().top + scrollY) : null;
        };
        const linked = (part: string): string | null => [...document.querySelectorAll('a')].find((a) => a.getAttribute('href')?.endsWith(part))?.textContent?.trim() ?? null;
        return {
          connections: top('Appears with'),
          years: top('by year'),
          quotes: top('quotes'),
          quotesLink: linked('/quotes/'),
          connectionsLink: linked('/connections/'),
          height: document.documentElement.scrollHeight,
          sideways: document.documentElement.scrollWidth > innerWidth,
        };
      });
      const firstScreen = width < 1280 || (seen.connections !== null && seen.connections < height);
      const ok = response?.status() === 200 && firstScreen && seen.quotesLink !== null && !seen.sideways;
      checks.push({
        ok,
        line: `${path} at ${width} px (${colorScheme}): status ${response?.status()}; "Appears with" at ${seen.connections} px, the years at ${seen.years} px, the latest quotes at ${seen.quotes} px, of ${seen.height} px; links "${seen.connectionsLink}", "${seen.quotesLink}"; ${seen.sideways ? 'scrolls sideways' : 'no sideways scroll'}`,
      });
    } finally {
      await page.close();
    }
  }
  return checks;
}

/** The entity's quotes pages: the first says how many pages there are; the last, opened by that
 * number, holds the rest of the quotes and no link further. */
async function quotePages(browser: Browser, root: string, path: string): Promise<Check> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(new URL(`${path}quotes/`, root).href);
    const pager = (await page.textContent('nav.pager .meta')) ?? '';
    const pages = number(/of ([\d,]+)/.exec(pager)?.[1]);
    const total = number(/^([\d,]+) quotes?/.exec((await page.textContent('main p.meta')) ?? '')?.[1]);
    const firstShown = await page.locator('main blockquote').count();
    const response = await page.goto(new URL(`${path}quotes/${pages > 1 ? `${pages}/` : ''}`, root).href);
    const lastShown = await page.locator('main blockquote').count();
    const further = await page.locator('nav.pager a[rel="next"]').count();
    const ok = response?.status() === 200 && total > 0 && firstShown * (pages - 1) + lastShown === total && further === 0;
    return { ok, line: `${path}quotes/: ${total.toLocaleString('en')} quotes on ${pages} pages ("${pager}"), ${firstShown} on the first, ${lastShown} on the last (status ${response?.status()}), ${further === 0 ? 'no link past it' : 'a link past the last'}` };
  } finally {
    await page.close();
  }
}

/** The person in the most articles. */
async function biggestPerson(site: string): Promise<string> {
  const people = JSON.parse(await readFile(join(site, 'api', 'people.json'), 'utf8')) as { slug: string; articles: number }[];
  const [top] = [...people].sort((a, b) => b.articles - a.articles);
  if (!top) throw new Error(`${site}/api/people.json lists nobody`);
  return `people/${top.slug}`;
}

const USAGE = 'usage: node scripts/bench/reading.ts <built site> [--query "words"]… [--entity people/<slug>]';
const parsed = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      query: { type: 'string', multiple: true },
      entity: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
  stdio,
);
if (typeof parsed === 'number') process.exit(parsed);
const { values, positionals } = parsed;
const site = positionals[0];
if (!site) {
  stdio.err(USAGE);
  process.exit(2);
}
const entity = values.entity ?? (await biggestPerson(site));
const files = await serve(site);
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const checks: Check[] = [];
try {
  for (const query of values.query ?? ['ferry']) for (const sort of SORTS) checks.push(await lastResult(browser, files.url, query, sort));
  for (const [width, height] of [[1280, 900], [375, 800], [320, 640]] as const) checks.push(...(await entityPage(browser, files.url, `/${entity}/`, width, height)));
  checks.push(await quotePages(browser, files.url, `/${entity}/`));
} finally {
  await browser.close();
  await files.close();
}
for (const { ok, line } of checks) process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${line}\n`);
process.exitCode = checks.every((check) => check.ok) ? 0 : 1;
