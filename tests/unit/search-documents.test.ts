import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { hunSen } from '../helpers/entity-files.ts';
import { buildArchiveIndex, type ArchiveIndex } from '../../src/archive/archive-index.ts';
import type { Article, ProcessedArticle } from '../../src/archive/article.ts';
import { parseDate } from '../../src/archive/dates.ts';
import { monthRuns, searchPlans, searchShard, type SearchShard } from '../../src/integrations/search-documents.ts';

/** Bodies by slug, kept apart from the index as the build keeps them in its cache. */
const bodies = new Map<string, string>();

function article(slug: string, date: string, title: string, people: string[], html: string): ProcessedArticle {
  bodies.set(slug, html);
  const parsed = parseDate(date);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    file: `content/articles/${slug}.md`,
    slug,
    title,
    date: parsed.value,
    summary: 'The summary.',
    summaryFromBody: false,
    source: 'The Phnom Penh Post',
    draft: false,
    names: { people, organisations: ['Council of Ministers, Cambodia'], events: [], places: [], tags: ['diplomacy'] },
    html,
    headings: [],
    wordCount: 3,
    quotes: [],
  };
}

const PERSON = hunSen({ names: { km: 'ហ៊ុន សែន' }, html: '<p>Led the government.</p>' });

const { index } = buildArchiveIndex(
  [
    article('2023-08-07-talks', '2023-08-07', 'Talks <script>alert(1)</script> in Hanoi', ['Hun Sen'], '<h2 id="why">Why</h2><p>Border talks resumed.</p>'),
    article('2022-01-02-visit', '2022-01-02', 'A visit', ['Samdech Hun Sen'], '<p>A visit.</p>'),
  ],
  [PERSON],
);
/** The shards of an archive, as the search worker makes them from the build's plans; a body's
 * place in the cache names its article here. */
interface ShardOptions {
  digest?: (a: Article) => string;
  read?: (slug: string) => string;
  size?: number;
}

function shardsOf(archive: ArchiveIndex, { digest = (a) => a.slug, read = (slug) => bodies.get(slug)!, size }: ShardOptions = {}): SearchShard[] {
  const plans = searchPlans(archive, (a) => ({ digest: digest(a), body: { segment: a.slug, offset: 0, length: 0 } }), size);
  return plans.map((plan) => searchShard(structuredClone(plan), (ref) => read(ref.segment)));
}

const shards = shardsOf(index);
const documents = shards.flatMap((shard) => Array.from({ length: shard.pages }, (_, at) => shard.document(at)));
const byUrl = new Map(documents.map((d) => [d.url, fromHtml(d.html)]));

function attr(tree: ReturnType<typeof fromHtml>, selector: string, name: string): string[] {
  return selectAll(selector, tree).map((el) => String(el.properties[name] ?? toString(el)));
}

describe('search documents', () => {
  it('come in shards: runs of months of articles, named for their oldest month, then the entities', () => {
    expect(shards.map(({ name, pages }) => [name, pages])).toEqual([['2022-01', 2], ['entities', 3]]);
  });

  it('gives every article and entity one document at its page (the search page adds the base path)', () => {
    expect(documents.map((d) => d.url)).toEqual([
      '/articles/2023-08-07-talks/',
      '/articles/2022-01-02-visit/',
      '/people/hun-sen/',
      '/organisations/council-of-ministers-cambodia/',
      '/tags/diplomacy/',
    ]);
  });

  it('marks the article text, title, date, source and sort key, and keeps the body HTML with its headings', () => {
    const tree = byUrl.get('/articles/2023-08-07-talks/')!;
    const body = selectAll('[data-pagefind-body]', tree);
    expect(body).toHaveLength(1);
    expect(toString(body[0]!)).toContain('Border talks resumed.');
    // The result shows its title, date and source; the excerpt, made from the body, repeats none.
    for (const shown of ['Talks', 'August', 'Phnom Penh Post']) expect(toString(body[0]!)).not.toContain(shown);
    expect(attr(tree, '[data-pagefind-meta="source"]', 'x')).toEqual(['The Phnom Penh Post']);
    expect(selectAll('[data-pagefind-body] h2#why', tree)).toHaveLength(1);
    expect(attr(tree, '[data-pagefind-meta="title"]', 'x')).toEqual(['Talks <script>alert(1)</script> in Hanoi']);
    expect(selectAll('script', tree)).toHaveLength(0);
    expect(attr(tree, '[data-pagefind-meta="date"]', 'x')).toEqual(['7 August 2023']);
    expect(attr(tree, '[data-pagefind-sort]', 'dataPagefindSort')).toEqual(['date:2023-08-07']);
  });

  it('puts the facets outside the searched text, names whole even with a comma', () => {
    const tree = byUrl.get('/articles/2022-01-02-visit/')!;
    const facets = selectAll('[data-pagefind-filter]', tree).map((el) => [String(el.properties.dataPagefindFilter), toString(el)]);
    expect(facets).toEqual([
      ['type', 'Article'],
      ['year', '2022'],
      ['people', 'Hun Sen'],
      ['organisations', 'Council of Ministers, Cambodia'],
      ['tags', 'diplomacy'],
    ]);
    expect(selectAll('[data-pagefind-body] [data-pagefind-filter]', tree)).toHaveLength(0);
  });

  it('indexes an entity profile: aliases, other languages, facts and description, with its name and kind as fields', () => {
    const tree = byUrl.get('/people/hun-sen/')!;
    const [body] = selectAll('[data-pagefind-body]', tree);
    const text = toString(body!);
    for (const part of ['Samdech Hun Sen', 'ហ៊ុន សែន', 'Prime Minister', 'Led the government.']) expect(text).toContain(part);
    expect(text).not.toMatch(/^Hun Sen/);
    expect(attr(tree, '[lang="km"]', 'x')).toEqual(['ហ៊ុន សែន']);
    expect(attr(tree, '[data-pagefind-meta="title"]', 'x')).toEqual(['Hun Sen']);
    expect(attr(tree, '[data-pagefind-meta="kind"]', 'x')).toEqual(['Person']);
    expect(selectAll('[data-pagefind-filter]', tree).map((el) => [String(el.properties.dataPagefindFilter), toString(el)])).toEqual([['type', 'Person']]);
  });

  it('gives an entity with no profile its kind as body text, since Pagefind keeps no page without any', () => {
    const tree = byUrl.get('/tags/diplomacy/')!;
    expect(selectAll('[data-pagefind-body]', tree).map((el) => toString(el))).toEqual(['Tag']);
    expect(attr(tree, '[data-pagefind-meta="title"]', 'x')).toEqual(['diplomacy']);
  });
});

describe('search shards', () => {
  it('make runs of whole months, newest first, none over the size unless one month is, counted from the oldest', () => {
    const monthsOf = (sizes: number[]) => sizes.map((n, m) => ({ key: `m${m}`, articles: Array.from({ length: n }, (_, i) => `m${m}a${i}`) }));
    const months = monthsOf([3, 2, 2, 6, 1]);
    const runs = monthRuns(months, 5);
    expect(runs.map((run) => run.map((month) => month.key))).toEqual([['m0'], ['m1', 'm2'], ['m3'], ['m4']]);
    expect(runs.flat()).toEqual(months);
    expect(monthRuns(months, 100)).toEqual([months]);
    expect(monthRuns([], 5)).toEqual([]);
    // A new month at the newest end changes only the newest run.
    const grown = monthRuns([{ key: 'new', articles: ['n'] }, ...months], 5);
    expect(grown.slice(1)).toEqual(runs.slice(1));
  });

  it('hold their own articles, newest first, the shard named for its oldest month', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      article(`2023-0${i + 1}-01-item`, `2023-0${i + 1}-01`, `Item ${i}`, ['Hun Sen'], `<p>Item ${i}.</p>`),
    );
    const { index: split } = buildArchiveIndex(many, [PERSON]);
    const parts = shardsOf(split, { size: 2 });
    expect(parts.map(({ name, pages }) => [name, pages])).toEqual([
      ['2023-05', 1],
      ['2023-03', 2],
      ['2023-01', 2],
      ['entities', 3],
    ]);
    expect(parts[1]!.document(0).url).toBe('/articles/2023-04-01-item/');
    expect(parts[2]!.document(1).url).toBe('/articles/2023-01-01-item/');
  });

  it('tell a changed shard by its inputs, without reading bodies', () => {
    const read: string[] = [];
    const tracked = shardsOf(index, { read: (slug) => (read.push(slug), ''), digest: (a) => `${a.slug}@1`, size: 1 });
    const again = shardsOf(index, { read: () => '', digest: (a) => (a.slug.startsWith('2022') ? `${a.slug}@2` : `${a.slug}@1`), size: 1 });
    const inputs = (list: typeof tracked) => list.map((shard) => JSON.stringify(shard.inputs()));
    expect(inputs(again).map((x, i) => x === inputs(tracked)[i])).toEqual([true, false, true]);
    expect(read).toEqual([]);
  });
});
