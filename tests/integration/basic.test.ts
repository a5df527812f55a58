/**
 * Builds the `basic` fixture once with the real `astro build` and checks the site a reader gets:
 * the whole URL map, entity resolution (aliases, diacritics, case), ordering, drafts, escaping.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, type BuildResult, buildArchive } from '../helpers/build.ts';
import {
  A,
  ARTICLE_ENTITIES,
  DRAFT,
  ENTITY_ARTICLES,
  ENTITY_SLUGS,
  MONTHS,
  NEWEST_FIRST,
  SHOWN_DATE,
  TITLES,
  YEARS,
} from './basic-fixture.ts';
import {
  anchors,
  decodeEntities,
  h1Of,
  htmlPages,
  linkedArticles,
  links,
  mainOf,
  markupOnly,
  plain,
  
  scripts,
  sectionSlugs,
  textOf,
  times,
  visibleMarkup,
 } from './support.ts';

const CONTENT = join(fixturePath('basic'), 'content');

let build: BuildResult;
let pages: string[];

function page(path: string): string {
  const html = build.page(path);
  if (html === undefined) throw new Error(`no page was built at ${path}`);
  return html;
}

beforeAll(() => {
  build = buildArchive(CONTENT);
  if (!build.ok) console.error(build.output);
  pages = htmlPages(build.outDir);
});

describe('basic archive build', () => {
  it('succeeds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('writes every page of the URL map', () => {
    const expected = [
      '/',
      '/404.html',
      '/archive/',
      ...Object.keys(YEARS),
      ...Object.keys(MONTHS),
      ...NEWEST_FIRST.map((slug) => `/articles/${slug}/`),
      ...Object.entries(ENTITY_SLUGS).flatMap(([kind, slugs]) => [`/${kind}/`, ...slugs.map((s) => `/${kind}/${s}/`)]),
    ];
    const missing = expected.filter((path) => !pages.includes(path));
    expect(missing).toEqual([]);
    expect(page('/404.html')).toMatch(/not found/i);
  });

  it('writes exactly one page per published article, entity, year and month (no extras)', () => {
    expect(sectionSlugs(pages, 'articles')).toEqual([...NEWEST_FIRST].sort());
    for (const [kind, slugs] of Object.entries(ENTITY_SLUGS)) {
      expect(sectionSlugs(pages, kind), kind).toEqual(slugs);
    }
    const archivePages = pages.filter((p) => p.startsWith('/archive/') && p !== '/archive/');
    expect(archivePages.sort()).toEqual([...Object.keys(YEARS), ...Object.keys(MONTHS)].sort());
  });

  it('leaves the draft out: no page, no link, no mention, no entity only it names', () => {
    expect(build.page(`/articles/${DRAFT.slug}/`)).toBeUndefined();
    expect(build.page(`/people/${DRAFT.person}/`)).toBeUndefined();
    expect(build.page(`/tags/${DRAFT.tag}/`)).toBeUndefined();
    expect(build.page('/archive/2023/03/')).toBeUndefined();
    for (const path of pages) {
      const html = page(path);
      expect(html, path).not.toContain(DRAFT.slug);
      expect(html, path).not.toContain(DRAFT.title);
      expect(html, path).not.toMatch(/draftonly/i);
    }
  });

  it('links only to pages that exist (every internal href and src resolves to a built file)', () => {
    const broken: string[] = [];
    for (const path of pages) {
      for (const link of links(page(path))) {
        if (!link.startsWith('/') || link.startsWith('//')) continue;
        const target = decodeURI(link.replace(/[#?].*$/, ''));
        const file = join(build.outDir, target, target.endsWith('/') ? 'index.html' : '');
        if (!existsSync(file)) broken.push(`${path} → ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists every published article on the home page, newest first, with summaries', () => {
    const main = mainOf(page('/'));
    expect(linkedArticles(main)).toEqual(NEWEST_FIRST);
    const text = textOf(main);
    expect(text).toContain('The Order of the Lantern lit the first harbour lamps late on the first evening of March.');
    expect(text).toContain('The keepers met just after midnight, before the fishing boats went out.');
    expect(text).toContain('A travelling puppet show came to the quay & stayed a "whole" week.');
    // No summary in the frontmatter: the first paragraph stands in, and only the first.
    expect(text).toContain('Thousands gathered on the quay as Lantern Night 2022 began, and Tomas Vendrell handed out lamps with Ilsa Brennock.');
    expect(text).not.toContain('The second paragraph is not part of the summary.');
  });

  it('lists the right articles on every entity page, newest first', () => {
    for (const [path, expected] of Object.entries(ENTITY_ARTICLES)) {
      const main = mainOf(page(path));
      expect(linkedArticles(main), path).toEqual(expected);
      // The titles appear in the same order as the links.
      const text = textOf(main);
      const positions = expected.map((slug) => text.indexOf(TITLES[slug]!));
      expect(positions.every((p) => p >= 0), `${path} shows every title`).toBe(true);
      expect([...positions].sort((a, b) => a - b), `${path} titles newest first`).toEqual(positions);
    }
  });

  it('links each entity index page to each of its entities', () => {
    for (const [kind, slugs] of Object.entries(ENTITY_SLUGS)) {
      const hrefs = anchors(mainOf(page(`/${kind}/`))).map((a) => a.href);
      for (const slug of slugs) expect(hrefs, `/${kind}/ → ${slug}`).toContain(`/${kind}/${slug}/`);
    }
  });

  it('puts an alias and its canonical name on one page, with no page for the alias', () => {
    expect(h1Of(page('/people/mara-quillfeather/'))).toBe('Mara Quillfeather');
    expect(build.page('/people/captain-quillfeather/')).toBeUndefined();
    expect(linkedArticles(mainOf(page('/people/mara-quillfeather/')))).toContain(A.council);
    expect(h1Of(page('/organisations/order-of-the-lantern/'))).toBe('Order of the Lantern');
    expect(build.page('/organisations/lantern-order/')).toBeUndefined();
    expect(linkedArticles(mainOf(page('/organisations/order-of-the-lantern/')))).toContain(A.interview);
  });

  it('puts a Vietnamese name written with and without diacritics on one page under its full spelling', () => {
    const html = page('/people/nguyen-van-thu/');
    expect(h1Of(html)).toBe('Nguyễn Văn Thử');
    expect(linkedArticles(mainOf(html))).toEqual([A.interview, A.festival]);
    // The article that wrote "Nguyen Van Thu" links to the one page and lists him under the full
    // name (a link in the body text may keep the spelling the body uses).
    const festival = anchors(page(`/articles/${A.festival}/`)).filter((a) => a.href === '/people/nguyen-van-thu/');
    expect(festival.map((a) => a.text)).toContain('Nguyễn Văn Thử');
    const hrefs = anchors(page(`/articles/${A.festival}/`)).map((a) => a.href).filter((h) => /^\/people\/.*nguy/i.test(h));
    expect([...new Set(hrefs)]).toEqual(['/people/nguyen-van-thu/']);
    const people = pages.filter((p) => p.startsWith('/people/') && /nguy/i.test(p));
    expect(people).toEqual(['/people/nguyen-van-thu/']);
  });

  it('matches names case- and whitespace-insensitively and shows the canonical name', () => {
    const interview = page(`/articles/${A.interview}/`);
    const texts = anchors(interview).filter((a) => a.href === '/people/tomas-vendrell/').map((a) => a.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t === 'Tomas Vendrell'), texts.join(' | ')).toBe(true);
    expect(interview).not.toContain('VENDRELL');
    expect(h1Of(page('/people/tomas-vendrell/'))).toBe('Tomas Vendrell');
  });

  it('gives an entity named only in articles a page of its own', () => {
    expect(h1Of(page('/people/ilsa-brennock/'))).toBe('Ilsa Brennock');
    expect(h1Of(page('/organisations/ellery-harbour-council/'))).toBe('Ellery Harbour Council');
    expect(h1Of(page('/organisations/salt-tide-company/'))).toBe('Salt & Tide Company');
  });

  it('links each article page to each of its entities', () => {
    for (const [slug, expected] of Object.entries(ARTICLE_ENTITIES)) {
      const hrefs = anchors(mainOf(page(`/articles/${slug}/`))).map((a) => a.href);
      for (const href of expected) expect(hrefs, `${slug} → ${href}`).toContain(href);
      // Nothing it does not cover.
      const entityLinks = hrefs.filter((h) => /^\/(people|organisations|events|places|tags)\/[^/]+\/$/.test(h));
      expect([...new Set(entityLinks)].sort(), slug).toEqual([...expected].sort());
    }
  });

  it('links each article page to the next older and newer article', () => {
    NEWEST_FIRST.forEach((slug, i) => {
      const html = page(`/articles/${slug}/`);
      expect(h1Of(html)).toBe(TITLES[slug]);
      const pager = anchors(mainOf(html)).filter((a) => /\b(prev|next)\b/.test(a.rel));
      const expected = [NEWEST_FIRST[i + 1], NEWEST_FIRST[i - 1]].filter(Boolean).map((s) => `/articles/${s}/`);
      expect(pager.map((a) => a.href).sort(), slug).toEqual(expected.sort());
      const older = NEWEST_FIRST[i + 1];
      const newer = NEWEST_FIRST[i - 1];
      if (older) expect(pager.find((a) => a.href === `/articles/${older}/`)?.text, `${slug} older`).toContain(TITLES[older]);
      if (newer) expect(pager.find((a) => a.href === `/articles/${newer}/`)?.text, `${slug} newer`).toContain(TITLES[newer]);
    });
  });

  it('shows each article under its calendar day, date-times in their own offset', () => {
    for (const [slug, shown] of Object.entries(SHOWN_DATE)) {
      const first = times(mainOf(page(`/articles/${slug}/`)))[0];
      expect(first?.text, slug).toBe(shown.text);
      expect(first?.datetime.startsWith(shown.datetimeStartsWith), `${slug} datetime ${first?.datetime}`).toBe(true);
    }
  });

  it('lists the right articles on each month and year page, newest first', () => {
    for (const [path, expected] of Object.entries({ ...MONTHS, ...YEARS })) {
      expect(linkedArticles(mainOf(page(path))), path).toEqual(expected);
    }
  });

  it('links the archive page to every year and month that has articles', () => {
    const hrefs = anchors(mainOf(page('/archive/'))).map((a) => a.href);
    for (const path of [...Object.keys(YEARS), ...Object.keys(MONTHS)]) expect(hrefs, path).toContain(path);
    expect(hrefs.filter((h) => /^\/archive\/\d/.test(h)).sort()).toEqual([...Object.keys(YEARS), ...Object.keys(MONTHS)].sort());
  });

  it('warns about an unknown frontmatter key with a did-you-mean, and ignores what it holds', () => {
    const output = plain(build.output);
    const warning = output.split('\n').filter((l) => l.includes(`content/articles/2021/${A.council}.md`) && l.includes('peple'));
    expect(warning.length, output).toBeGreaterThan(0);
    expect(warning.join('\n')).toMatch(/warn/i);
    expect(warning.join('\n')).toMatch(/\bpeople\b/);
    expect(build.page('/people/orrin-typoweather/')).toBeUndefined();
    expect(pages.filter((p) => page(p).includes('Typoweather'))).toEqual([]);
  });

  it('escapes titles and names: no markup from content reaches a page', () => {
    for (const path of pages) {
      const html = page(path);
      // Markup and text, not attribute values (where `<script>` is inert text).
      const markup = markupOnly(html);
      expect(markup, path).not.toContain('<script>alert');
      expect(markup, path).not.toMatch(/<img\b[^>]*\sonerror\b/i);
      for (const script of scripts(html)) {
        // A title inside a script (JSON-LD, say) must not be able to end it or start another.
        expect(script, `${path}: a script element`).not.toMatch(/<\/?script|<!--/i);
        expect(script.trim(), `${path}: a script element runs content`).not.toMatch(/^alert\(/);
      }
    }
    const title = TITLES[A.tomJerry]!;
    // The text reads exactly as the editor wrote it, everywhere the title is shown.
    const article = page(`/articles/${A.tomJerry}/`);
    expect(h1Of(article)).toBe(title);
    expect(article).toContain('Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; at the port');
    expect(decodeEntities(/<title>([\s\S]*?)<\/title>/.exec(article)?.[1] ?? '')).toContain(title);
    for (const path of ['/', '/people/mara-quillfeather/', '/archive/2022/', '/archive/2022/06/', `/articles/${A.newYear}/`]) {
      expect(textOf(mainOf(page(path))), path).toContain(title);
    }
    // An attribute keeps its quotes inside.
    const description = /<meta\s+name="description"\s+content="([^"]*)"/.exec(article)?.[1];
    expect(decodeEntities(description ?? '')).toBe('A travelling puppet show came to the quay & stayed a "whole" week.');
    // A name with an ampersand.
    for (const path of ['/organisations/salt-tide-company/', '/organisations/', `/articles/${A.tomJerry}/`]) {
      const html = page(path);
      expect(textOf(mainOf(html)), path).toContain('Salt & Tide Company');
      // Escaped in text (inside a script, JSON-LD say, a bare `&` is correct).
      expect(visibleMarkup(html), path).not.toContain('Salt & Tide');
    }
  });
});

/** Builds the same archive on machines in other time zones: every date shown must stay the same. */
describe.each([['America/Los_Angeles'], ['Pacific/Kiritimati']])('basic archive built with TZ=%s', (zone) => {
  let other: BuildResult;
  let otherPages: string[];

  beforeAll(() => {
    other = buildArchive(CONTENT, { env: { TZ: zone } });
    if (!other.ok) console.error(other.output);
    otherPages = htmlPages(other.outDir);
  });

  it('succeeds and writes the same pages as the default build', () => {
    expect(other.ok, other.output).toBe(true);
    expect(otherPages).toEqual(pages);
  });

  it('shows each article under the same calendar day as the default build', () => {
    for (const [slug, shown] of Object.entries(SHOWN_DATE)) {
      const path = `/articles/${slug}/`;
      const here = times(other.page(path) ?? '');
      expect(here, path).toEqual(times(page(path)));
      expect(here[0]?.text, `${path} in ${zone}`).toBe(shown.text);
    }
  });

  it('writes identical <time> elements (text and datetime) on every page', () => {
    const differences: string[] = [];
    for (const path of pages) {
      const mine = JSON.stringify(times(page(path)));
      const theirs = JSON.stringify(times(other.page(path) ?? ''));
      if (mine !== theirs) differences.push(`${path}: ${mine} ≠ ${theirs}`);
    }
    expect(differences).toEqual([]);
  });

  it('files each article under the same year and month', () => {
    for (const [path, expected] of Object.entries({ ...MONTHS, ...YEARS })) {
      expect(linkedArticles(mainOf(other.page(path) ?? '')), `${path} in ${zone}`).toEqual(expected);
    }
  });
});

/**
 * `npm test` runs builds with NODE_ENV=test, and CI shells often export NODE_ENV; `astro build` is
 * still the production build and must leave drafts out.
 */
describe('basic archive built with NODE_ENV=test', () => {
  let other: BuildResult;

  beforeAll(() => {
    other = buildArchive(CONTENT, { env: { NODE_ENV: 'test' } });
    if (!other.ok) console.error(other.output);
  });

  it('succeeds', () => {
    expect(other.ok, other.output).toBe(true);
  });

  it('still leaves the draft out', () => {
    expect(other.page(`/articles/${DRAFT.slug}/`)).toBeUndefined();
    expect(other.page(`/people/${DRAFT.person}/`)).toBeUndefined();
    const leaks = htmlPages(other.outDir).filter((path) => (other.page(path) ?? '').includes(DRAFT.slug));
    expect(leaks).toEqual([]);
    expect(linkedArticles(mainOf(other.page('/') ?? ''))).toEqual(NEWEST_FIRST);
  });
});
