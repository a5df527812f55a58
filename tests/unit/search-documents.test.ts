import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { hunSen } from '../helpers/entity-files.ts';
import { buildArchiveIndex } from '../../src/archive/archive-index.ts';
import type { Article, ProcessedArticle } from '../../src/archive/article.ts';
import { parseDate } from '../../src/archive/dates.ts';
import { searchIndexSource } from '../../src/archive/search-documents.ts';

function article(slug: string, date: string, title: string, people: string[], html: string): ProcessedArticle {
  const parsed = parseDate(date);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    file: `content/articles/${slug}.md`,
    slug,
    title,
    date: parsed.value,
    summary: 'The summary.',
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
// Bodies are kept apart from the index, as the build keeps them in its cache.
const source = { body: (a: Article) => (a as ProcessedArticle).html, digest: (a: Article) => a.slug };
const all = searchIndexSource(index, source);
const documents = Array.from({ length: all.pages }, (_, at) => all.document(at));
const byUrl = new Map(documents.map((d) => [d.url, fromHtml(d.html)]));

function attr(tree: ReturnType<typeof fromHtml>, selector: string, name: string): string[] {
  return selectAll(selector, tree).map((el) => String(el.properties[name] ?? toString(el)));
}

describe('search documents', () => {
  it('gives every article (newest first) and then every entity one document at its page (the search page adds the base path)', () => {
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

describe('the search index', () => {
  it('tells a change in its documents by its inputs, without reading bodies', () => {
    const read: string[] = [];
    const tracked = searchIndexSource(index, { body: (a: Article) => (read.push(a.slug), ''), digest: (a: Article) => `${a.slug}@1` });
    const same = searchIndexSource(index, { body: () => '', digest: (a: Article) => `${a.slug}@1` });
    const edited = searchIndexSource(index, { body: () => '', digest: (a: Article) => (a.slug.startsWith('2022') ? `${a.slug}@2` : `${a.slug}@1`) });
    const inputs = (documents: typeof tracked) => JSON.stringify(documents.inputs());
    expect(inputs(same)).toBe(inputs(tracked));
    expect(inputs(edited)).not.toBe(inputs(tracked));
    expect(read).toEqual([]);
  });
});
