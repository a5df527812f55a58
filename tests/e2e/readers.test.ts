/**
 * What readers expect of any good archive (issue: search, feeds, sitemap, structured data,
 * accessibility, small screens, both colour schemes), checked on the built example archive:
 * in Chromium where a browser is needed, on the files where it is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, type BuildResult } from '../helpers/build.ts';
import type { Served } from '../../scripts/serve.ts';
import { buildAndBrowse, openPage, type BrowsedSite } from './chromium.ts';
import { htmlPages } from './site-files.ts';
import { axeViolations, horizontalOverflow, saveScreenshot } from './page-checks.ts';

const SITE = 'https://archive.example.org';
const ARTICLE_2022 = '/articles/2022-11-21-vuong-dinh-hue-visits-cambodia/';
const ARTICLE_2023 = '/articles/2023-08-07-hun-sen-and-nguyen-phu-trong-talks/';
const PERSON = '/people/hun-sen/';

const PAGES = {
  home: '/',
  article: ARTICLE_2023,
  person: PERSON,
  connections: `${PERSON}connections/`,
  tag: '/tags/trade/',
  organisation: '/organisations/asean/',
  event: '/events/vuong-dinh-hues-visit-to-cambodia/',
  index: '/people/',
  tags: '/tags/',
  archive: '/archive/',
  year: '/archive/2023/',
  month: '/archive/2023/08/',
  search: '/search/?q=cooperation',
  notFound: '/404.html',
};

let build: BuildResult;
let server: Served;
let browser: Browser;
let site: BrowsedSite | undefined;

beforeAll(async () => {
  site = await buildAndBrowse(join(PROJECT_ROOT, 'content'), { env: { ARCHIVE_SITE: SITE } });
  ({ build, server, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

/** Waits until the search page has answered and returns its status line. */
async function searchStatus(page: Page): Promise<string> {
  await page.waitForFunction(() => /\d+ results?\.|Type some words/.test(document.querySelector('[data-status]')?.textContent ?? ''));
  return (await page.textContent('[data-status]')) ?? '';
}

describe('search', () => {
  test('"Sophalleth" finds the 2022 article, with its source, date and an excerpt, and his profile', async () => {
    const page = await openPage(site!, '/search/?q=Sophalleth');
    expect(await searchStatus(page)).toBe('2 results.');
    const links = await page.locator('[data-results] li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual([ARTICLE_2022, '/people/eang-sophalleth/']);
    const result = page.locator('[data-results] li', { has: page.locator(`a[href="${ARTICLE_2022}"]`) });
    expect(await result.locator('.meta').textContent()).toBe('The Phnom Penh Post · 21 November 2022');
    expect(await result.locator('mark').first().textContent()).toMatch(/Sophalleth/i);
    await page.close();
  });

  test('the header search box leads to results', async () => {
    const page = await openPage(site!, '/');
    await page.fill('#header-q', 'Sophalleth');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Sophalleth/);
    expect(await searchStatus(page)).toBe('2 results.');
    await page.close();
  });

  test('filtering by a person narrows the results, and the filter is kept in the address', async () => {
    const page = await openPage(site!, '/search/?q=cooperation');
    expect(await searchStatus(page)).toBe('2 results.');
    await page.selectOption('select[name=people]', 'Kin Phea');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent === '1 result.');
    expect(await page.locator('[data-results] li a').getAttribute('href')).toBe(ARTICLE_2022);
    expect(new URL(page.url()).searchParams.get('people')).toBe('Kin Phea');
    await page.close();
  });

  test('results can be sorted by date and filtered by year without words', async () => {
    const page = await openPage(site!, '/search/?q=cooperation&sort=oldest');
    expect(await searchStatus(page)).toBe('2 results.');
    expect(await page.locator('[data-results] li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([ARTICLE_2022, ARTICLE_2023]);
    await page.goto(new URL('search/?year=2023', server.url).href);
    expect(await searchStatus(page)).toBe('1 result.');
    await page.close();
  });

  test('navigation is not indexed: words only the page furniture has find nothing', async () => {
    const page = await openPage(site!, '/search/?q=Skip');
    expect(await searchStatus(page)).toBe('0 results.');
    await page.close();
  });
});

describe('accessibility', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name} page has no axe-core violations (WCAG 2.1 A and AA)`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await openPage(site!, path, { colorScheme });
        if (name === 'search') await searchStatus(page);
        const violations = await axeViolations(page);
        expect(violations, `${path} in ${colorScheme}`).toEqual([]);
        await page.close();
      }
    });
  }

  test('a skip link leads to the main content and focus is visible', async () => {
    const page = await openPage(site!, PERSON);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, href: el.getAttribute('href'), outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toEqual({ text: 'Skip to content', href: '#main', outline: 'solid' });
    await page.close();
  });
});

describe('layout', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name} page fits a 320 px phone with no horizontal scroll`, async () => {
      const page = await openPage(site!, path, { width: 320 });
      const overflow = await horizontalOverflow(page);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    });
  }

  test('screenshots of home, article, person and search with results, in both themes at 375 and 1280 px, are saved for review', async () => {
    for (const [name, path] of [['home', '/'], ['article', ARTICLE_2023], ['person', PERSON], ['search', '/search/?q=cooperation']] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [375, 1280]) {
          const page = await openPage(site!, path, { colorScheme, width });
          if (name === 'search') await searchStatus(page);
          await saveScreenshot(page, `${name}-${colorScheme}-${width}`, colorScheme);
          await page.close();
        }
      }
    }
  });

  test('Khmer names are drawn with the site’s own Khmer webfont, fetched only where Khmer text is', async () => {
    const fonts: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (/\.woff2?$/.test(request.url())) fonts.push(request.url());
    });
    await page.goto(new URL(PERSON.slice(1), server.url).href);
    const drawn = await page.locator('[lang=km]').first().evaluate(async (element) => {
      const family = getComputedStyle(element).fontFamily;
      await document.fonts.load(`40px ${family}`, element.textContent!);
      const canvas = document.createElement('canvas');
      canvas.width = 120;
      canvas.height = 80;
      const context = canvas.getContext('2d')!;
      const draw = (text: string) => {
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.font = `40px ${family}`;
        context.fillText(text, 10, 55);
        return canvas.toDataURL();
      };
      const loaded = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'Noto Sans Khmer' && face.status === 'loaded').length;
      // Without a Khmer font every letter is the same empty box ("tofu"); with one, KA and KHA differ.
      return { text: element.textContent, loaded, distinct: draw('ក') !== draw('ខ') && draw('ក') !== draw('\u{10FFFD}') };
    });
    expect(drawn).toEqual({ text: 'ហ៊ុន សែន', loaded: 1, distinct: true });
    expect(fonts.length).toBeGreaterThan(0);
    for (const url of fonts) expect(url.startsWith(server.url), url).toBe(true);
    // Pages without Khmer text fetch no font at all.
    fonts.length = 0;
    await page.goto(new URL('archive/', server.url).href);
    await page.evaluate(() => document.fonts.ready);
    expect(fonts).toEqual([]);
    await page.close();
  });

  test('the print stylesheet shows the source and the article’s own address', async () => {
    const page = await openPage(site!, ARTICLE_2023);
    expect(await page.locator('.print-only').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-only').innerText()).toBe(`First published by The Phnom Penh Post. In the archive at ${SITE}${ARTICLE_2023}`);
    await page.close();
  });

  test('the print stylesheet hides navigation and keeps the article', async () => {
    const page = await openPage(site!, ARTICLE_2023);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      masthead: getComputedStyle(document.querySelector('.masthead')!).display,
      article: getComputedStyle(document.querySelector('article')!).display,
    }));
    expect(shown).toEqual({ masthead: 'none', article: 'block' });
    await page.close();
  });

  test('the whole site ships less than 20 KB of CSS', () => {
    const css = htmlPages(build.outDir).flatMap((page) => [...page.html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!));
    const files = new Set(css);
    expect(files.size).toBeGreaterThan(0);
    const total = [...files].reduce((sum, href) => sum + readFileSync(join(build.outDir, href)).length, 0);
    expect(total).toBeLessThan(20 * 1024);
  });
});

describe('wording', () => {
  test('the 404 page offers to browse by people, organisations, … with the spaces in place', async () => {
    const page = await openPage(site!, '/404.html');
    expect(await page.locator('main').innerText()).toContain('or browse by people, organisations, events, places or tags.');
    await page.close();
  });

  test('A–Z lists set each count apart from its name', async () => {
    const page = await openPage(site!, '/people/');
    expect(await page.locator('.az-group li', { has: page.locator('a[href="/people/eang-sophalleth/"]') }).innerText()).toBe('Eang Sophalleth (1)');
    await page.close();
  });

  test('Hun Sen’s page reaches everyone who appears with him, Vuong Dinh Hue included', async () => {
    const page = await openPage(site!, PERSON);
    const box = page.locator('section', { has: page.locator('h2', { hasText: 'Appears with' }) });
    expect(await box.locator('li').count()).toBe(15);
    await box.getByRole('link', { name: /^All \d+ connections$/ }).click();
    await page.waitForURL(/\/people\/hun-sen\/connections\/$/);
    await page.getByRole('link', { name: 'Vương Đình Huệ', exact: true }).click();
    await page.waitForURL(/\/people\/vuong-dinh-hue\/$/);
    await page.close();
  });
});

describe('feeds, sitemap and robots.txt', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'sitemap' || name === 'url' });

  function parseXml(path: string) {
    const xml = build.page(path);
    expect(xml, `${path} exists`).toBeDefined();
    expect(XMLValidator.validate(xml!), `${path} is well-formed XML`).toBe(true);
    return parser.parse(xml!);
  }

  function checkFeed(path: string, expectedLinks: string[]) {
    const { rss } = parseXml(path);
    expect(rss['@_version']).toBe('2.0');
    const channel = rss.channel;
    for (const key of ['title', 'link', 'description']) expect(channel[key], `${path} channel ${key}`).toBeTruthy();
    expect(channel.link).toMatch(/^https:\/\/archive\.example\.org\//);
    const items: Record<string, string>[] = channel.item;
    expect(items.map((i) => i.link)).toEqual(expectedLinks.map((p) => `${SITE}${p}`));
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.description).toBeTruthy();
      // RFC 822: "Mon, 07 Aug 2023 00:00:00 GMT"
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/);
    }
    return items;
  }

  test('/rss.xml lists the latest articles newest first, with absolute links inside the content too', () => {
    const items = checkFeed('/rss.xml', [ARTICLE_2023, ARTICLE_2022]);
    const content = items[0]!['content:encoded']!;
    expect(content).toContain(`href="${SITE}/people/hun-sen/"`);
    expect(content).not.toMatch(/(href|src)="\//);
  });

  test('every entity has a feed, linked from its page', () => {
    checkFeed('/people/hun-sen/rss.xml', [ARTICLE_2023, ARTICLE_2022]);
    checkFeed('/people/kin-phea/rss.xml', [ARTICLE_2022]);
    checkFeed('/tags/trade/rss.xml', [ARTICLE_2023, ARTICLE_2022]);
    expect(build.page(PERSON)).toContain('<link rel="alternate" type="application/rss+xml" title="Hun Sen: latest articles" href="/people/hun-sen/rss.xml">');
  });

  test('the sitemap lists every page with absolute URLs, and robots.txt points to it', () => {
    const index = parseXml('/sitemap-index.xml');
    const sitemaps: { loc: string }[] = index.sitemapindex.sitemap;
    expect(sitemaps.length).toBeGreaterThan(0);
    const urls = sitemaps.flatMap((s) => parseXml(new URL(s.loc).pathname).urlset.url.map((u: { loc: string }) => u.loc));
    expect(urls).toContain(`${SITE}${PERSON}`);
    expect(urls).toContain(`${SITE}${ARTICLE_2022}`);
    expect(urls.every((u: string) => u.startsWith(`${SITE}/`))).toBe(true);
    expect(build.page('/robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

describe('structured data and sharing', () => {
  function jsonLd(path: string): Record<string, unknown>[] {
    const html = build.page(path)!;
    return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
  }

  test('an article has NewsArticle data with dates, publisher, about and mentions', () => {
    const article = jsonLd(ARTICLE_2023).find((d) => d['@type'] === 'NewsArticle')!;
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Hun Sen and Nguyen Phu Trong pledge deeper ties after Cambodian election',
      datePublished: '2023-08-07',
      dateModified: '2023-08-07',
      url: `${SITE}${ARTICLE_2023}`,
      publisher: { '@type': 'Organization', name: 'The Phnom Penh Post' },
    });
    const about = article['about'] as { '@type': string; name: string; url: string }[];
    expect(about).toContainEqual({ '@type': 'Person', name: 'Hun Sen', url: `${SITE}/people/hun-sen/` });
    expect(about).toContainEqual({ '@type': 'Organization', name: "Cambodian People's Party", url: `${SITE}/organisations/cambodian-peoples-party/` });
    expect(article['mentions']).toContainEqual({ '@type': 'Place', name: 'Vietnam', url: `${SITE}/places/vietnam/` });
    const crumbs = jsonLd(ARTICLE_2023).find((d) => d['@type'] === 'BreadcrumbList')!;
    expect((crumbs['itemListElement'] as unknown[]).length).toBe(4);
  });

  test('a person has Person data with names and role; an event has Event data with dates', () => {
    const person = jsonLd(PERSON).find((d) => d['@type'] === 'Person')!;
    expect(person).toMatchObject({ name: 'Hun Sen', url: `${SITE}${PERSON}` });
    expect(person['alternateName']).toEqual(expect.arrayContaining(['Samdech Hun Sen', 'ហ៊ុន សែន']));
    expect(person['jobTitle']).toMatch(/Prime Minister of Cambodia/);
    const event = jsonLd('/events/vuong-dinh-hues-visit-to-cambodia/').find((d) => d['@type'] === 'Event')!;
    expect(event).toMatchObject({ startDate: '2022-11-19', endDate: '2022-11-23', location: { '@type': 'Place', name: 'Cambodia' } });
  });

  test('pages carry Open Graph and Twitter card metadata with a share image', () => {
    const html = build.page(ARTICLE_2022)!;
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="og:title" content="Vuong Dinh Hue and Hun Sen agree to widen Cambodia-Vietnam cooperation">');
    expect(html).toContain(`<meta property="og:image" content="${SITE}/share.png">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain(`<link rel="canonical" href="${SITE}${ARTICLE_2022}">`);
    expect(build.page('/share.png')).toBeDefined();
  });
});
