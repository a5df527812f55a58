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
import type { ArchiveIndex, IndexedEntity } from '../archive/archive-index.ts';
import type { BodyRef } from '../archive/article-cache.ts';
import { articleUrlPath, type Article } from '../archive/article.ts';
import { formatLong, yearOf } from '../archive/dates.ts';
import { entityUrlPath, type Entity } from '../archive/entities.ts';
import { ENTITY_KINDS, KIND_LABELS, type EntityKind } from '../archive/kinds.ts';

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

/** What an article's document is made from: plain data, which the build sends to the process
 * that indexes it. */
export interface ArticleInput {
  slug: string;
  title: string;
  /** `YYYY-MM-DD` */
  date: string;
  summary?: string;
  source?: string;
  /** The names of what it covers, by kind, in the order the editor listed them. */
  covers: Record<EntityKind, string[]>;
  /** Stands for everything processing made of the article's file. */
  digest: string;
  /** Where its sanitised HTML is in the article cache. */
  body: BodyRef;
}

/** A result's field, shown with it but not searched text and not in its excerpt. */
function meta(name: string, value: string, extra: Record<string, string> = {}): Element {
  return h('p', { dataPagefindMeta: name, ...extra }, value);
}

/** An article's document; `body` is its sanitised HTML, kept apart from the index (article.ts).
 * The title, date and source are the result's fields, outside the searched body, so an excerpt
 * never repeats them; Pagefind still matches and ranks the title as metadata. */
export function articleDocument(article: ArticleInput, body: string): Omit<SearchDocument, 'url'> {
  return {
    html: page(
      h('div', [
        meta('title', article.title),
        meta('date', formatLong(article.date), { dataPagefindSort: `date:${article.date}` }),
        article.source ? meta('source', article.source) : undefined,
        h('article', { dataPagefindBody: '' }, [article.summary ? h('p', article.summary) : undefined, trusted(body)].filter((node) => node !== undefined)),
        facet('type', 'Article'),
        facet('year', String(yearOf(article.date))),
        ...ENTITY_KINDS.flatMap((kind) => article.covers[kind].map((name) => facet(kind, name))),
      ].filter((node) => node !== undefined)),
    ),
  };
}

function fact(label: string, value: string | undefined): Element | undefined {
  return value ? h('p', `${label}: ${value}`) : undefined;
}

/** An entity's document: its name and kind are the result's fields; the body is its profile, or
 * only its kind when it has none (Pagefind keeps no page without body text). */
export function entityDocument(entity: Entity): Omit<SearchDocument, 'url'> {
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
 * The search index comes in shards: runs of whole months of articles, each of at most
 * `SHARD_SIZE`, and one of entity profiles. A shard whose documents did not change is reused from
 * the last build, so an edit re-indexes one shard, and the indexer holds one shard in memory at a
 * time (as one index of 10,000 articles Pagefind peaked at 2.4 GB). The search page loads one
 * Pagefind and merges shards into it as a search needs them (src/client/search.ts): each shard a
 * query reads costs its metadata and a chunk per word, and by date a first page reads the
 * entities and the newest (or oldest) runs only.
 *
 * A shard's plan is what its documents are made from, as plain data: the build makes the plans
 * from its one archive index and sends them to the indexing process, which makes the documents.
 */
export interface ShardPlan {
  /** `2021-03`, the oldest month of a run of articles, or `entities`. */
  name: string;
  articles: ArticleInput[];
  entities: Entity[];
}

export interface SearchShard {
  name: string;
  /** How many documents it holds. */
  pages: number;
  /** Everything the shard's documents are made from, so a build can tell whether a shard changed
   * without making its documents (and reading its articles' bodies). */
  inputs: () => unknown;
  /** Its documents one at a time, made as they are asked for. */
  document: (at: number) => SearchDocument;
}

/** Articles a shard holds at most, unless one month alone has more. Measured at 10,000 articles
 * (README, "How it is built"): small enough that an edit re-indexes a fifth of the archive at most
 * and Pagefind's memory stays bounded; larger shards make a search that reads every shard (best
 * match, or fewer results than a page) lighter. */
export const SHARD_SIZE = 2000;

/** Where an article's processing left its digest and body. */
export type ArticleSource = (article: Article) => { digest: string; body: BodyRef };

/** Months (newest first) in runs of whole months of at most `size` articles, unless one month
 * alone has more; newest first. The runs are counted from the oldest month, so new articles
 * change only the newest run and every older run keeps its months. */
export function monthRuns<M extends { articles: readonly unknown[] }>(months: readonly M[], size: number): M[][] {
  const runs: M[][] = [];
  let run: M[] = [];
  let count = 0;
  for (let at = months.length - 1; at >= 0; at--) {
    const month = months[at]!;
    if (run.length > 0 && count + month.articles.length > size) {
      runs.push(run.reverse());
      run = [];
      count = 0;
    }
    run.push(month);
    count += month.articles.length;
  }
  if (run.length > 0) runs.push(run.reverse());
  return runs.reverse();
}

function articleInput(index: ArchiveIndex, article: Article, source: ArticleSource): ArticleInput {
  const covered = index.entitiesOf(article.slug);
  const covers = {} as Record<EntityKind, string[]>;
  for (const kind of ENTITY_KINDS) covers[kind] = covered[kind].map((entity) => entity.name);
  const { digest, body } = source(article);
  return { slug: article.slug, title: article.title, date: article.date.date, ...(article.summary ? { summary: article.summary } : {}), ...(article.source ? { source: article.source } : {}), covers, digest, body };
}

/** An entity's profile, without its articles and quotes. */
function profileOf({ articles: _articles, quotes: _quotes, ...entity }: IndexedEntity): Entity {
  return entity;
}

/** The plans of an archive's shards: runs of months newest first, then entities. */
export function searchPlans(index: ArchiveIndex, source: ArticleSource, size = SHARD_SIZE): ShardPlan[] {
  const runs = monthRuns(index.years.flatMap((year) => year.months), size).map((months): ShardPlan => ({
    name: months.at(-1)!.key,
    articles: months.flatMap((month) => month.articles.map((article) => articleInput(index, article, source))),
    entities: [],
  }));
  const entities = ENTITY_KINDS.flatMap((kind) => index.entities(kind).map(profileOf));
  return [...runs, { name: 'entities', articles: [], entities }];
}

/** A shard of a plan; `body` reads an article's body, only as its document is made. */
export function searchShard({ name, articles, entities }: ShardPlan, body: (ref: BodyRef) => string): SearchShard {
  const entityDoc = (entity: Entity): SearchDocument => ({ url: entityUrlPath(entity.kind, entity.slug), ...entityDocument(entity) });
  const shard = { name };
  if (articles.length === 0) return { ...shard, pages: entities.length, inputs: () => entities.map(entityDoc), document: (at) => entityDoc(entities[at]!) };
  return {
    ...shard,
    pages: articles.length,
    // An article's document shows its record, its body and the names of what it covers.
    inputs: () => articles.map((article) => [article.digest, ENTITY_KINDS.map((kind) => article.covers[kind])]),
    document: (at) => {
      const article = articles[at]!;
      return { url: articleUrlPath(article.slug), ...articleDocument(article, body(article.body)) };
    },
  };
}
