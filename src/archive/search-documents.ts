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
import type { ArchiveIndex, IndexedEntity } from './archive-index.ts';
import { articleUrlPath, type Article } from './article.ts';
import { formatLong, yearOf } from './dates.ts';
import { entityUrlPath } from './entities.ts';
import { ENTITY_KINDS, KIND_LABELS } from './kinds.ts';
import { mapLimited } from './map-limited.ts';

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

/** An article's document; `body` is its sanitised HTML, kept apart from the index (article.ts). */
export function articleDocument(index: ArchiveIndex, article: Article, body: string): Omit<SearchDocument, 'url'> {
  const covers = index.entitiesOf(article.slug);
  return {
    html: page(
      h('div', [
        h('article', { dataPagefindBody: '' }, [
          h('h1', { dataPagefindMeta: 'title' }, article.title),
          h('p', { dataPagefindMeta: 'date', dataPagefindSort: `date:${article.date.date}` }, formatLong(article.date.date)),
          article.summary ? h('p', article.summary) : undefined,
          trusted(body),
        ].filter((node) => node !== undefined)),
        facet('type', 'Article'),
        facet('year', String(yearOf(article.date.date))),
        ...ENTITY_KINDS.flatMap((kind) => covers[kind].map((entity) => facet(kind, entity.name))),
      ]),
    ),
  };
}

function fact(label: string, value: string | undefined): Element | undefined {
  return value ? h('p', `${label}: ${value}`) : undefined;
}

export function entityDocument(entity: IndexedEntity): Omit<SearchDocument, 'url'> {
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
 * The search index comes in shards: one per year of articles, and one of entity profiles. A shard
 * whose documents did not change is reused from the last build, so an edit re-indexes one year,
 * and the indexer never holds more than one shard in memory. The search page searches them all.
 */
export interface SearchShard {
  /** `2023`, or `entities`. */
  name: string;
  /** The year of a shard of articles. */
  year?: number;
  /** How many documents it holds. */
  pages: number;
  /** Everything the shard's documents are made from, so a build can tell whether a shard changed
   * without making its documents (and reading its articles' bodies). */
  inputs: () => unknown;
  documents: () => Promise<SearchDocument[]>;
}

/** Where the shards read articles from: the body, and a digest standing for everything else
 * processing produced from the article's file. */
export interface ArticleSource {
  body(article: Article): Promise<string>;
  digest(article: Article): string;
}

/** The shards of an archive: years newest first, then entities. Documents are made when asked for. */
export function searchShards(index: ArchiveIndex, source: ArticleSource): SearchShard[] {
  const years: SearchShard[] = index.years.map(({ year, months }) => {
    const articles = months.flatMap((month) => month.articles);
    return {
      name: String(year),
      year,
      pages: articles.length,
      // An article's document shows its record, its body and the names of what it covers.
      inputs: () => articles.map((article) => [source.digest(article), ENTITY_KINDS.map((kind) => index.entitiesOf(article.slug)[kind].map((entity) => entity.name))]),
      documents: async () => {
        const bodies = await mapLimited(articles, 64, (article) => source.body(article));
        return articles.map((article, i) => ({ url: articleUrlPath(article.slug), ...articleDocument(index, article, bodies[i]!) }));
      },
    };
  });
  const entityDocuments = () =>
    ENTITY_KINDS.flatMap((kind) => index.entities(kind).map((entity) => ({ url: entityUrlPath(kind, entity.slug), ...entityDocument(entity) })));
  const entities: SearchShard = {
    name: 'entities',
    pages: ENTITY_KINDS.reduce((sum, kind) => sum + index.entities(kind).length, 0),
    inputs: entityDocuments,
    documents: async () => entityDocuments(),
  };
  return [...years, entities];
}
