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
  it('come in shards: a year of articles each, newest first, then the entities', () => {
    expect(shards.map(({ name, year }) => [name, year])).toEqual([['2023', 2023], ['2022', 2022], ['entities', undefined]]);
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

  it('marks the article text, title, date and sort key, and keeps the body HTML with its headings', () => {
    const tree = byUrl.get('/articles/2023-08-07-talks/')!;
    const body = selectAll('[data-pagefind-body]', tree);
    expect(body).toHaveLength(1);
    expect(toString(body[0]!)).toContain('Border talks resumed.');
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

  it('indexes an entity profile: name, aliases, other languages, facts and description', () => {
    const tree = byUrl.get('/people/hun-sen/')!;
    const [body] = selectAll('[data-pagefind-body]', tree);
    expect(body!.properties.dataPagefindFilter).toBe('type:Person');
    const text = toString(body!);
    for (const part of ['Hun Sen', 'Samdech Hun Sen', 'ហ៊ុន សែន', 'Prime Minister', 'Led the government.']) expect(text).toContain(part);
    expect(attr(tree, '[lang="km"]', 'x')).toEqual(['ហ៊ុន សែន']);
    expect(attr(tree, '[data-pagefind-meta="title"]', 'x')).toEqual(['Hun Sen']);
  });
});

describe('search shards', () => {
  it('split a year into runs of whole months, newest first, none over the size unless one month is', () => {
    const months = [3, 2, 2, 6, 1].map((n, m) => ({ articles: Array.from({ length: n }, (_, i) => `m${m}a${i}`) }));
    const runs = monthRuns(months, 5);
    expect(runs.map((r) => r.length)).toEqual([5, 2, 6, 1]);
    expect(runs.flat()).toEqual(months.flatMap((m) => m.articles));
    expect(monthRuns(months, 100)).toEqual([months.flatMap((m) => m.articles)]);
    expect(monthRuns([], 5)).toEqual([]);
  });

  it('name the parts of a split year from the newest, and each holds its own articles', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      article(`2023-0${i + 1}-01-item`, `2023-0${i + 1}-01`, `Item ${i}`, ['Hun Sen'], `<p>Item ${i}.</p>`),
    );
    const { index: split } = buildArchiveIndex(many, [PERSON]);
    const parts = shardsOf(split, { size: 2 });
    expect(parts.map(({ name, year, pages }) => [name, year, pages])).toEqual([
      ['2023-1', 2023, 2],
      ['2023-2', 2023, 2],
      ['2023-3', 2023, 1],
      ['entities', undefined, 3],
    ]);
    expect(parts[0]!.document(1).url).toBe('/articles/2023-04-01-item/');
    expect(parts[2]!.document(0).url).toBe('/articles/2023-01-01-item/');
  });

  it('tell a changed shard by its inputs, without reading bodies', () => {
    const read: string[] = [];
    const tracked = shardsOf(index, { read: (slug) => (read.push(slug), ''), digest: (a) => `${a.slug}@1` });
    const again = shardsOf(index, { read: () => '', digest: (a) => (a.slug.startsWith('2022') ? `${a.slug}@2` : `${a.slug}@1`) });
    const inputs = (list: typeof tracked) => list.map((shard) => JSON.stringify(shard.inputs()));
    expect(inputs(again).map((x, i) => x === inputs(tracked)[i])).toEqual([true, false, true]);
    expect(read).toEqual([]);
  });
});
