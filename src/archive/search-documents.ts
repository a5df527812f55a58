/**
 * What the search index reads: one small HTML document per article and per entity, made from the
 * archive index rather than from the built pages. The build can then index while it renders, and
 * the search index holds only what readers search: article text, entity profiles, and the filters
 * and sort keys of the search page. Navigation, lists and page chrome never reach it.
 *
 * The documents use Pagefind's attributes: `data-pagefind-body` marks the text, `-meta` the
 * result's title, date, source and kind, `-filter` and `-sort` the facets.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { ArchiveIndex, IndexedEntity } from './archive-index.ts';
import { articleUrlPath, type Article } from './article.ts';
import { formatLong, yearOf } from './dates.ts';
import { entityUrlPath } from './entities.ts';
import { ENTITY_KINDS, KIND_LABELS } from './kinds.ts';

export interface SearchDocument {
  /** The page's address from the site's root; the search page adds the base path. */
  url: string;
  html: string;
}

/** Already sanitised HTML (article bodies, entity descriptions), kept as it is. */
function trusted(html: string): ElementContent {
  return { type: 'raw', value: html } as unknown as ElementContent;
}

function page(body: Element): string {
  const tree: Root = { type: 'root', children: [h('html', { lang: 'en' }, [h('body', [body])])] };
  return toHtml(tree, { allowDangerousHtml: true });
}

/** A filter value; outside the body, so it is a facet and not searched text. A name goes in the
 * element's text, where no comma or colon in it can be read as filter syntax. */
function facet(name: string, value: string): Element {
  return h('span', { dataPagefindFilter: name }, value);
}

/** A result's field, shown with it but not searched text and not in its excerpt. */
function meta(name: string, value: string, extra: Record<string, string> = {}): Element {
  return h('p', { dataPagefindMeta: name, ...extra }, value);
}

/** An article's document; `body` is its sanitised HTML, kept apart from the index (article.ts).
 * The title, date and source are the result's fields, outside the searched body, so an excerpt
 * never repeats them; Pagefind still matches and ranks the title as metadata. */
export function articleDocument(index: ArchiveIndex, article: Article, body: string): Omit<SearchDocument, 'url'> {
  const covers = index.entitiesOf(article.slug);
  return {
    html: page(
      h('div', [
        meta('title', article.title),
        meta('date', formatLong(article.date.date), { dataPagefindSort: `date:${article.date.date}` }),
        article.source ? meta('source', article.source) : undefined,
        h('article', { dataPagefindBody: '' }, [article.summary ? h('p', article.summary) : undefined, trusted(body)].filter((node) => node !== undefined)),
        facet('type', 'Article'),
        facet('year', String(yearOf(article.date.date))),
        ...ENTITY_KINDS.flatMap((kind) => covers[kind].map((entity) => facet(kind, entity.name))),
      ].filter((node) => node !== undefined)),
    ),
  };
}

function fact(label: string, value: string | undefined): Element | undefined {
  return value ? h('p', `${label}: ${value}`) : undefined;
}

/** An entity's document: its name and kind are the result's fields; the body is its profile, or
 * only its kind when it has none (Pagefind keeps no page without body text). */
export function entityDocument(entity: IndexedEntity): Omit<SearchDocument, 'url'> {
  const { facts } = entity;
  const kind = KIND_LABELS[entity.kind].singular;
  const dates = facts.start && [formatLong(facts.start.date), facts.end && facts.end.date !== facts.start.date ? formatLong(facts.end.date) : undefined].filter(Boolean).join(' – ');
  const profile = [
    entity.aliases.length > 0 ? h('p', `Also known as: ${entity.aliases.join(', ')}`) : undefined,
    ...Object.entries(entity.names).map(([lang, name]) => h('p', { lang }, name)),
    fact('Role', facts.role),
    fact('Abbreviation', facts.abbreviation),
    fact('Dates', dates),
    fact('Location', facts.location),
    fact('Country', facts.country),
    fact('Region', facts.region),
    entity.html ? trusted(entity.html) : undefined,
  ].filter((node) => node !== undefined);
  return {
    html: page(
      h('div', [
        meta('title', entity.name),
        meta('kind', kind),
        h('section', { dataPagefindBody: '' }, profile.length > 0 ? profile : [h('p', kind)]),
        facet('type', kind),
      ]),
    ),
  };
}

/**
 * The search index is one Pagefind index of every article (newest first) and entity. Measured
 * in Chromium at 10,000 articles (scripts/bench/search.ts), a first query reads the index's
 * metadata and one chunk per word: in shards, every shard's metadata and a chunk per word in
 * each, so a year per shard cost 2.6–3 MB and 220–250 requests before the first result, and
 * fewer, larger shards still load each word once per shard. One index costs the least, and
 * sorts, filters and counts over the whole archive without merging answers in the browser.
 */
export interface SearchIndexSource {
  /** How many documents it holds. */
  pages: number;
  /** Everything its documents are made from, so a build can tell whether the index changed
   * without making its documents (and reading the articles' bodies). */
  inputs: () => unknown;
  /** Its documents one at a time, made as they are asked for. */
  document: (at: number) => SearchDocument;
}

/** Where the index reads articles from: the body, and a digest standing for everything else
 * processing produced from the article's file. */
export interface ArticleSource {
  body(article: Article): string;
  digest(article: Article): string;
}

/** The documents of an archive: its articles newest first, then its entities. */
export function searchIndexSource(index: ArchiveIndex, source: ArticleSource): SearchIndexSource {
  const articles = index.articles;
  const entities = ENTITY_KINDS.flatMap((kind) => index.entities(kind));
  const entityDoc = (entity: IndexedEntity): SearchDocument => ({ url: entityUrlPath(entity.kind, entity.slug), ...entityDocument(entity) });
  return {
    pages: articles.length + entities.length,
    // An article's document shows its record, its body and the names of what it covers.
    inputs: () => [
      articles.map((article) => [source.digest(article), ENTITY_KINDS.map((kind) => index.entitiesOf(article.slug)[kind].map((entity) => entity.name))]),
      entities.map(entityDoc),
    ],
    document: (at) => {
      if (at >= articles.length) return entityDoc(entities[at - articles.length]!);
      const article = articles[at]!;
      return { url: articleUrlPath(article.slug), ...articleDocument(index, article, source.body(article)) };
    },
  };
}
