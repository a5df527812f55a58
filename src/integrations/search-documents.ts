/**
 * What the search index reads: one small HTML document per article and per entity, made from the
 * archive index rather than from the built pages. The build can then index while it renders, and
 * the search index holds only what readers search: article text, entity profiles, and the filters
 * and sort keys of the search page. Navigation, lists and page chrome never reach it.
 *
 * The documents use Pagefind's attributes: `data-pagefind-body` marks the text, `-meta` the
 * result's title and date, `-filter` and `-sort` the facets.
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
  /** The names of what it covers, by kind, in the order the editor listed them. */
  covers: Record<EntityKind, string[]>;
  /** Stands for everything processing made of the article's file. */
  digest: string;
  /** Where its sanitised HTML is in the article cache. */
  body: BodyRef;
}

/** An article's document; `body` is its sanitised HTML, kept apart from the index (article.ts). */
export function articleDocument(article: ArticleInput, body: string): Omit<SearchDocument, 'url'> {
  return {
    html: page(
      h('div', [
        h('article', { dataPagefindBody: '' }, [
          h('h1', { dataPagefindMeta: 'title' }, article.title),
          h('p', { dataPagefindMeta: 'date', dataPagefindSort: `date:${article.date}` }, formatLong(article.date)),
          article.summary ? h('p', article.summary) : undefined,
          trusted(body),
        ].filter((node) => node !== undefined)),
        facet('type', 'Article'),
        facet('year', String(yearOf(article.date))),
        ...ENTITY_KINDS.flatMap((kind) => article.covers[kind].map((name) => facet(kind, name))),
      ]),
    ),
  };
}

function fact(label: string, value: string | undefined): Element | undefined {
  return value ? h('p', `${label}: ${value}`) : undefined;
}

export function entityDocument(entity: Entity): Omit<SearchDocument, 'url'> {
  const { facts } = entity;
  const dates = facts.start && [formatLong(facts.start.date), facts.end && facts.end.date !== facts.start.date ? formatLong(facts.end.date) : undefined].filter(Boolean).join(' – ');
  const children: (Element | ElementContent | undefined)[] = [
    h('h1', { dataPagefindMeta: 'title' }, entity.name),
    entity.aliases.length > 0 ? h('p', `Also known as: ${entity.aliases.join(', ')}`) : undefined,
    ...Object.entries(entity.names).map(([lang, name]) => h('p', { lang }, name)),
    fact('Role', facts.role),
    fact('Abbreviation', facts.abbreviation),
    fact('Dates', dates),
    fact('Location', facts.location),
    fact('Country', facts.country),
    fact('Region', facts.region),
    entity.html ? trusted(entity.html) : undefined,
  ];
  return {
    html: page(
      h('section', { dataPagefindBody: '', dataPagefindFilter: `type:${KIND_LABELS[entity.kind].singular}` },
        children.filter((node) => node !== undefined)),
    ),
  };
}

/**
 * The search index comes in shards: one per year of articles (or per run of months, in a year
 * with more than `SHARD_SIZE` articles), and one of entity profiles. A shard whose documents did
 * not change is reused from the last build, so an edit re-indexes one year or part of one, and
 * the indexer holds one shard in memory at a time: 0.9 GB for a shard of 3,300 articles, so a
 * dense year is split rather than let grow with the archive. The search page searches them all.
 *
 * A shard's plan is what its documents are made from, as plain data: the build makes the plans
 * from its one archive index and sends them to the indexing process, which makes the documents.
 */
export interface ShardPlan {
  /** `2023`, `2023-2` (the second part of 2023, counted from the newest), or `entities`. */
  name: string;
  /** The year of a shard of articles. */
  year?: number;
  articles: ArticleInput[];
  entities: Entity[];
}

export interface SearchShard {
  name: string;
  year?: number;
  /** How many documents it holds. */
  pages: number;
  /** Everything the shard's documents are made from, so a build can tell whether a shard changed
   * without making its documents (and reading its articles' bodies). */
  inputs: () => unknown;
  /** Its documents one at a time, made as they are asked for. */
  document: (at: number) => SearchDocument;
}

/** Articles a shard of a year holds at most, unless one month alone has more. */
export const SHARD_SIZE = 2000;

/** Where an article's processing left its digest and body. */
export type ArticleSource = (article: Article) => { digest: string; body: BodyRef };

/** A year's months (newest first) in runs of whole months of at most `size` articles, newest first. */
export function monthRuns<T>(months: readonly { articles: readonly T[] }[], size: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const { articles } of months) {
    if (run.length > 0 && run.length + articles.length > size) {
      runs.push(run);
      run = [];
    }
    for (const article of articles) run.push(article);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function articleInput(index: ArchiveIndex, article: Article, source: ArticleSource): ArticleInput {
  const covered = index.entitiesOf(article.slug);
  const covers = {} as Record<EntityKind, string[]>;
  for (const kind of ENTITY_KINDS) covers[kind] = covered[kind].map((entity) => entity.name);
  const { digest, body } = source(article);
  return { slug: article.slug, title: article.title, date: article.date.date, ...(article.summary ? { summary: article.summary } : {}), covers, digest, body };
}

/** An entity's profile, without its articles and quotes. */
function profileOf({ articles: _articles, quotes: _quotes, ...entity }: IndexedEntity): Entity {
  return entity;
}

/** The plans of an archive's shards: years newest first (a split year's parts newest first), then entities. */
export function searchPlans(index: ArchiveIndex, source: ArticleSource, size = SHARD_SIZE): ShardPlan[] {
  const years = index.years.flatMap(({ year, months }) =>
    monthRuns(months, size).map((articles, part, parts): ShardPlan => ({
      name: parts.length === 1 ? String(year) : `${year}-${part + 1}`,
      year,
      articles: articles.map((article) => articleInput(index, article, source)),
      entities: [],
    })),
  );
  const entities = ENTITY_KINDS.flatMap((kind) => index.entities(kind).map(profileOf));
  return [...years, { name: 'entities', articles: [], entities }];
}

/** A shard of a plan; `body` reads an article's body, only as its document is made. */
export function searchShard({ name, year, articles, entities }: ShardPlan, body: (ref: BodyRef) => string): SearchShard {
  const entityDoc = (entity: Entity): SearchDocument => ({ url: entityUrlPath(entity.kind, entity.slug), ...entityDocument(entity) });
  const shard = { name, ...(year === undefined ? {} : { year }) };
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
