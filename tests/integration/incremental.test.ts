/**
 * Editors add, change and delete articles between builds, and the build cache (ARCHIVE_CACHE)
 * survives between them. A rebuild with the same cache must show exactly the archive as it now is:
 * new pages for new articles and entities, nothing left over from deleted ones.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, type BuildResult, buildArchive } from '../helpers/build.ts';
import { A, ENTITY_ARTICLES, NEWEST_FIRST, TITLES } from './basic-fixture.ts';
import { anchors, articlesLine, feedsLine, filesUnder, h1Of, htmlPages, linkedArticles, mainOf, pagesLine, searchLine } from './support.ts';
import { tempDir } from '../helpers/temp.ts';

const NEW_SLUG = '2024-05-01-wren-halloway-joins-the-order';
const NEW_TITLE = 'Wren Halloway joins the Order of the Lantern';
const NEW_ARTICLE = `---
title: "${NEW_TITLE}"
date: 2024-05-01
summary: "A newcomer to Port Ellery takes the lantern oath."
people: [Wren Halloway, Tomas Vendrell]
organisations: [Order of the Lantern]
tags: [festivals]
---
Wren Halloway took the oath before Tomas Vendrell and the keepers.
`;
const EDITED_TITLE = 'Harbour council approves the new breakwater';
const DELETED = A.interview;

let work: string;
let content: string;
let cache: string;
let first: BuildResult;
let second: BuildResult;
let third: BuildResult;

/** Two articles a search shard, so the basic archive has several: runs of months counted from the
 * oldest, 2021-03 and 2021-11, 2022-01 and 2022-06, then 2023-02 (two articles). */
const SHARDS = { ARCHIVE_SEARCH_SHARD: '2' };


function mustPage(build: BuildResult, path: string): string {
  const html = build.page(path);
  if (html === undefined) throw new Error(`no page was built at ${path}`);
  return html;
}

beforeAll(() => {
  work = tempDir('news-archive-incremental');
  content = join(work, 'content');
  cache = join(work, 'cache');
  cpSync(join(fixturePath('basic'), 'content'), content, { recursive: true });

  // What an earlier version kept in the cache: search shards, which now go straight to the output.
  mkdirSync(join(cache, 'news-archive', 'search', '2023-0123456789abcdef'), { recursive: true });
  writeFileSync(join(cache, 'news-archive', 'search', '2023-0123456789abcdef', 'pagefind.js'), '');
  first = buildArchive(content, { env: { ...SHARDS, ARCHIVE_CACHE: cache } });

  // Add an article naming a new person and an existing one; retitle an existing article.
  mkdirSync(join(content, 'articles', '2024'));
  writeFileSync(join(content, 'articles', '2024', `${NEW_SLUG}.md`), NEW_ARTICLE);
  const councilFile = join(content, 'articles', '2021', `${A.council}.md`);
  const council = `---
title: "${EDITED_TITLE}"
date: 2021-11-15
summary: "The Ellery Harbour Council approved the breakwater after a long evening of debate."
people: [Captain Quillfeather, Tomas Vendrell]
organisations: [Ellery Harbour Council]
places: [Port Ellery]
tags: [politics]
---
Captain Quillfeather spoke for the fishing crews; Tomas Vendrell spoke for the merchants.
`;
  writeFileSync(councilFile, council);
  second = buildArchive(content, { env: { ...SHARDS, ARCHIVE_CACHE: cache } });

  // Delete an article, and (as a disk clean-up might) the oldest segment of bodies in the cache,
  // which holds the bodies of the articles that have not changed since the first build.
  rmSync(join(content, 'articles', '2023', `${DELETED}.md`));
  rmSync(join(cache, 'news-archive', 'articles', 'bodies-1.html'));
  third = buildArchive(content, { env: { ...SHARDS, ARCHIVE_CACHE: cache } });
}, 600_000);

describe('the first build of a copy of the basic archive', () => {
  it('succeeds and fills the cache folder it was given', () => {
    expect(first.ok, first.output).toBe(true);
    expect(existsSync(cache) && readdirSync(cache).length > 0, `cache at ${cache}`).toBe(true);
    expect(linkedArticles(mainOf(mustPage(first, '/')))).toEqual(NEWEST_FIRST);
  });

  it('builds the archive index once, for the loaders, the pages and the search index alike', () => {
    for (const build of [first, second, third]) expect(build.output.match(/index of \d+ articles built in/g)).toHaveLength(1);
  });

  it('removes the search shards an earlier version kept in the cache', () => {
    expect(readdirSync(join(cache, 'news-archive')).sort()).toEqual(['articles', 'data-files.json', 'pages.json']);
  });
});

describe('after adding an article and retitling another, rebuilt with the same cache', () => {
  it('succeeds', () => {
    expect(second.ok, second.output).toBe(true);
  });

  it('writes the new article page, linked to both people', () => {
    const html = mustPage(second, `/articles/${NEW_SLUG}/`);
    expect(h1Of(html)).toBe(NEW_TITLE);
    const hrefs = anchors(html).map((a) => a.href);
    expect(hrefs).toContain('/people/wren-halloway/');
    expect(hrefs).toContain('/people/tomas-vendrell/');
  });

  it('gives the brand-new person a page listing the article', () => {
    const html = mustPage(second, '/people/wren-halloway/');
    expect(h1Of(html)).toBe('Wren Halloway');
    expect(linkedArticles(mainOf(html))).toEqual([NEW_SLUG]);
    expect(anchors(mainOf(mustPage(second, '/people/'))).map((a) => a.href)).toContain('/people/wren-halloway/');
  });

  it('lists the new article first on the existing person, organisation and tag pages', () => {
    expect(linkedArticles(mainOf(mustPage(second, '/people/tomas-vendrell/')))).toEqual([NEW_SLUG, ...ENTITY_ARTICLES['/people/tomas-vendrell/']!]);
    expect(linkedArticles(mainOf(mustPage(second, '/organisations/order-of-the-lantern/')))).toEqual([
      NEW_SLUG,
      ...ENTITY_ARTICLES['/organisations/order-of-the-lantern/']!,
    ]);
    expect(linkedArticles(mainOf(mustPage(second, '/tags/festivals/')))).toEqual([NEW_SLUG, ...ENTITY_ARTICLES['/tags/festivals/']!]);
  });

  it('adds the new year and month, the home page entry and the neighbour links', () => {
    expect(linkedArticles(mainOf(mustPage(second, '/archive/2024/05/')))).toEqual([NEW_SLUG]);
    expect(linkedArticles(mainOf(mustPage(second, '/archive/2024/')))).toEqual([NEW_SLUG]);
    expect(linkedArticles(mainOf(mustPage(second, '/')))).toEqual([NEW_SLUG, ...NEWEST_FIRST]);
    const pager = anchors(mainOf(mustPage(second, `/articles/${A.keepers}/`))).filter((a) => /\b(prev|next)\b/.test(a.rel));
    expect(pager.map((a) => a.href)).toContain(`/articles/${NEW_SLUG}/`);
  });

  it('shows the changed title everywhere, and the old one nowhere', () => {
    const oldTitle = TITLES[A.council]!;
    expect(h1Of(mustPage(second, `/articles/${A.council}/`))).toBe(EDITED_TITLE);
    for (const path of ['/', '/people/mara-quillfeather/', '/people/tomas-vendrell/', '/places/port-ellery/', '/archive/2021/11/']) {
      const html = mustPage(second, path);
      expect(html, path).toContain(EDITED_TITLE);
      expect(html, path).not.toContain(oldTitle);
    }
  });
});

describe('the search index, in shards', () => {
  const listOf = (build: BuildResult) => (JSON.parse(readFileSync(join(build.outDir, 'pagefind', 'shards.json'), 'utf8')) as { shards: { name: string; dir: string }[] }).shards;
  const shardsOf = (build: BuildResult) => listOf(build).map((s) => s.name);

  it('has shards of runs of months named for their oldest, newest first, then the entities, each in a folder named for its contents', () => {
    expect(shardsOf(first)).toEqual(['2023-02', '2022-01', '2021-03', 'entities']);
    expect(searchLine(first)).toEqual([4, 0]);
    // The new article's month would make the newest run three articles: it starts a run.
    expect(shardsOf(second)).toEqual(['2024-05', '2023-02', '2022-01', '2021-03', 'entities']);
    for (const { name, dir } of listOf(second)) {
      expect(dir).toMatch(new RegExp(`^${name}-[0-9a-f]{16}$`));
      expect(existsSync(join(second.outDir, 'pagefind', dir, 'pagefind.js')), dir).toBe(true);
    }
  });

  it('gives a shard a new folder exactly when its documents change', () => {
    // 2024-05 is new, 2021-03 has the retitled article, the entities have a new person; the others are as they were.
    const before = new Map(listOf(first).map((s) => [s.name, s.dir]));
    const changed = listOf(second).filter((s) => before.get(s.name) !== s.dir).map((s) => s.name);
    expect(changed).toEqual(['2024-05', '2021-03', 'entities']);
  });

  it('holds no shard but the current ones in the output', () => {
    const folders = readdirSync(join(third.outDir, 'pagefind')).filter((name) => name !== 'shards.json').sort();
    expect(folders).toEqual(listOf(third).map((s) => s.dir).sort());
  });
});

describe('after deleting an article, rebuilt with the same cache', () => {
  it('succeeds', () => {
    expect(third.ok, third.output).toBe(true);
  });

  it('processes again the articles whose bodies left the cache, and no other', () => {
    expect(articlesLine(second)).toEqual([8, 2, 6]);
    expect(articlesLine(third)).toEqual([7, 5, 2]);
    expect(readdirSync(join(cache, 'news-archive', 'articles')).sort()).toEqual(['bodies-2.html', 'bodies-3.html', 'list.jsonl']);
  });

  it('no longer writes its page', () => {
    expect(third.page(`/articles/${DELETED}/`)).toBeUndefined();
  });

  it('no page lists or links it any more', () => {
    const pages = htmlPages(third.outDir);
    const leftovers = pages.filter((path) => {
      const html = mustPage(third, path);
      return html.includes(`/articles/${DELETED}/`) || html.includes(TITLES[DELETED]!);
    });
    expect(leftovers).toEqual([]);
  });

  it('takes it off the pages of every entity it named', () => {
    const expectations: Record<string, string[]> = {
      '/people/tomas-vendrell/': [NEW_SLUG, A.newYear, A.council],
      '/people/nguyen-van-thu/': [A.festival],
      '/people/ilsa-brennock/': [A.newYear],
      '/organisations/order-of-the-lantern/': [NEW_SLUG, A.keepers, A.festival],
    };
    for (const [path, expected] of Object.entries(expectations)) {
      expect(linkedArticles(mainOf(mustPage(third, path))), path).toEqual(expected);
    }
  });

  it('drops a tag only it used, and keeps month pages consistent', () => {
    expect(third.page('/tags/interviews/')).toBeUndefined();
    expect(linkedArticles(mainOf(mustPage(third, '/archive/2023/02/')))).toEqual([A.keepers]);
    expect(linkedArticles(mainOf(mustPage(third, '/')))).toEqual([NEW_SLUG, ...NEWEST_FIRST.filter((s) => s !== DELETED)]);
  });

  it('joins its neighbours to each other', () => {
    const pager = anchors(mainOf(mustPage(third, `/articles/${A.tomJerry}/`))).filter((a) => /\b(prev|next)\b/.test(a.rel));
    expect(pager.map((a) => a.href).sort()).toEqual([`/articles/${A.keepers}/`, `/articles/${A.newYear}/`].sort());
  });
});

describe('a rebuild into the same output folder', () => {
  let site: string;
  let rebuilt: BuildResult;
  let fresh: BuildResult;
  let rebuiltAt: number;

  beforeAll(() => {
    const root = tempDir('news-archive-same-out');
    const archive = join(root, 'content');
    cpSync(join(fixturePath('basic'), 'content'), archive, { recursive: true });
    site = join(root, 'site');
    const once = buildArchive(archive, { env: { ...SHARDS, ARCHIVE_CACHE: join(root, 'cache'), ARCHIVE_OUT: site } });
    expect(once.ok, once.output).toBe(true);
    // Something of the last build that this one will not write, and an article deleted since.
    writeFileSync(join(site, 'left-over.txt'), 'from an older build');
    rmSync(join(archive, 'articles', '2023', `${DELETED}.md`));
    rebuiltAt = Date.now();
    rebuilt = buildArchive(archive, { env: { ...SHARDS, ARCHIVE_CACHE: join(root, 'cache'), ARCHIVE_OUT: site } });
    fresh = buildArchive(archive, { env: SHARDS });
  }, 600_000);

  it('leaves exactly the files a fresh build of the same archive writes', () => {
    expect(rebuilt.ok, rebuilt.output).toBe(true);
    expect(fresh.ok, fresh.output).toBe(true);
    const mine = filesUnder(site);
    expect(mine).not.toContain('/left-over.txt');
    expect(mine.filter((file) => file.includes(DELETED))).toEqual([]);
    expect(mine).toEqual(filesUnder(fresh.outDir));
  });

  it('with the same pages, the sitemap and the feeds', () => {
    const differ = filesUnder(site).filter((file) => !file.startsWith('/pagefind/') && readFileSync(join(site, file), 'utf8') !== readFileSync(join(fresh.outDir, file), 'utf8'));
    expect(differ).toEqual([]);
  });

  it('leaves the pages the deletion did not change as they were, without rendering them', () => {
    const [render, total, unchanged] = pagesLine(rebuilt)!;
    expect(unchanged).toBeGreaterThan(0);
    expect(render! + unchanged!).toBe(total);
    const untouched = filesUnder(site).filter((file) => file.endsWith('.html') && statSync(join(site, file)).mtimeMs < rebuiltAt);
    expect(untouched.length).toBeGreaterThan(0);
    expect(untouched.length).toBeLessThanOrEqual(unchanged!);
  });

  it('writes again only the feeds and API files whose text changed', () => {
    const [all, written, unchanged] = feedsLine(rebuilt)!;
    expect(written).toBeGreaterThan(0);
    expect(unchanged).toBeGreaterThan(0);
    expect(written! + unchanged!).toBe(all);
    const data = filesUnder(site).filter((file) => file.endsWith('/rss.xml') || file.startsWith('/api/'));
    const untouched = data.filter((file) => file !== '/rss.xml' && statSync(join(site, file)).mtimeMs < rebuiltAt);
    expect(untouched.length).toBe(unchanged);
  });

  it('re-indexes only the search shards whose documents changed: 2023-02 and the entities (a tag only it used)', () => {
    expect(searchLine(rebuilt)).toEqual([4, 2]);
  });
});
