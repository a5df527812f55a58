/**
 * What the feeds-and-API worker (data-worker.ts) is handed of the build's archive index, so that
 * the index is built once a build, as the search worker is handed its shards' plans: plain,
 * compact data, each article named by its place in the article list the worker reads from the
 * article cache, each entity by its place in the plan. The worker counts who appears with whom
 * itself, beside the page rendering rather than before it.
 */
import type { Article } from '../archive/article.ts';
import type { IndexedEntity } from '../archive/archive-index.ts';
import { CoOccurrence } from '../archive/connections.ts';
import { ENTITY_KINDS, FILE_KINDS } from '../archive/kinds.ts';
import type { DataEntity, DataSource } from '../lib/data-files.ts';
import type { SyncedArchive } from '../lib/synced-archive.ts';

interface PlannedEntity extends Omit<DataEntity, 'articles' | 'quotes'> {
  /** Its articles' places in the article list, newest first. */
  articles: number[];
  /** What it said, newest first: the place of the quote's article, and of the quote among the article's quotes. */
  quotes: [number, number][];
}

export interface DataPlan {
  /** Kind by kind, A–Z within a kind, as the index lists them. */
  entities: PlannedEntity[];
  /** Each published article naming two or more entities other than tags, newest first: its place
   * in the article list, and theirs in `entities`, in the index's order. */
  together: { at: number; named: number[] }[];
}

/** The plan of the synced archive, made in the build process. */
export function dataPlan({ index, at }: SyncedArchive): DataPlan {
  const place = (article: Article): number => at.get(article)!;
  const numbers = new Map<IndexedEntity, number>();
  const entities: PlannedEntity[] = [];
  for (const kind of ENTITY_KINDS) {
    for (const entity of index.entities(kind)) {
      numbers.set(entity, entities.length);
      const { slug, name, aliases, names, wikidata, facts } = entity;
      entities.push({
        kind,
        slug,
        name,
        aliases,
        names,
        wikidata,
        facts,
        articles: entity.articles.map(place),
        quotes: entity.quotes.map(({ quote, article }) => [place(article), article.quotes.indexOf(quote)]),
      });
    }
  }
  const together: DataPlan['together'] = [];
  for (const article of index.articles) {
    const covers = index.entitiesOf(article.slug);
    const named = FILE_KINDS.flatMap((kind) => covers[kind]);
    if (named.length > 1) together.push({ at: place(article), named: named.map((entity) => numbers.get(entity)!) });
  }
  return { entities, together };
}

/** The archive the plan stands for, over the article list the worker read: the data files read it
 * as they would the index. */
export function plannedArchive(plan: DataPlan, articles: readonly Article[]): DataSource {
  const entities: DataEntity[] = plan.entities.map(({ articles: places, quotes, ...entity }) => ({
    ...entity,
    articles: places.map((i) => articles[i]!),
    quotes: quotes.map(([i, q]) => ({ quote: articles[i]!.quotes[q]!, article: articles[i]! })),
  }));
  const together = new CoOccurrence<DataEntity, Article>();
  for (const { at, named } of plan.together) together.add(named.map((n) => entities[n]!), articles[at]!);
  const byKind = new Map(ENTITY_KINDS.map((kind) => [kind, entities.filter((entity) => entity.kind === kind)]));
  return {
    entities: (kind) => byKind.get(kind)!,
    allConnections: (entity) => together.complete(entity),
  };
}
