/**
 * The archive index, built once per build in one pass over the articles and shared by every
 * route: articles newest first, each entity with its articles, each year and month with theirs.
 * Routes only look things up here; none of them walks all articles again.
 */
import type { Article } from './article.ts';
import { yearMonthOf, yearOf } from './dates.ts';
import type { Diagnostic } from './diagnostics.ts';
import { EntityResolver, type Entity } from './entities.ts';
import type { EntityFile } from './entity-file.ts';
import { CoOccurrence, type CompleteConnections, type Connections } from './connections.ts';
import { ENTITY_KINDS, FILE_KINDS, KIND_LABELS, type EntityKind } from './kinds.ts';
import { findNearDuplicates } from './near-duplicates.ts';
import { byName, rankByCount } from './names.ts';
import type { Quote } from './quotes/index.ts';
import { relatedScorer, type Related } from './related.ts';

export interface QuoteEntry {
  quote: Quote;
  article: Article;
}

export interface IndexedEntity extends Entity {
  /** Newest first. */
  articles: Article[];
  /** What the entity said, newest first. */
  quotes: QuoteEntry[];
}

export interface MonthGroup {
  /** `YYYY-MM` */
  key: string;
  year: number;
  month: number;
  articles: Article[];
}

export interface YearGroup {
  year: number;
  count: number;
  /** Newest month first. */
  months: MonthGroup[];
}

export interface ArchiveIndex {
  /** Published articles, newest first. */
  articles: Article[];
  article(slug: string): Article | undefined;
  /** The article before (older) and after (newer) this one. */
  neighbours(slug: string): { older?: Article; newer?: Article };
  /** Entities of a kind, A–Z by name. */
  entities(kind: EntityKind): IndexedEntity[];
  entity(kind: EntityKind, slug: string): IndexedEntity | undefined;
  /** What an article covers, by kind, in the order the editor listed them. */
  entitiesOf(articleSlug: string): Record<EntityKind, IndexedEntity[]>;
  /** People, organisations, events and places sharing the most articles with this entity (the
   * first hundred), and how many there are of each kind. */
  connections(entity: IndexedEntity): Connections<IndexedEntity>;
  /** All of an entity's connections, an article naming more than a hundred counted as one (connections.ts). */
  allConnections(entity: IndexedEntity): CompleteConnections<IndexedEntity, Article>;
  /** Up to five articles sharing the most (and the rarest) entities with this one. */
  related(articleSlug: string): Related[];
  /** Entities of a kind with the most articles, most first. */
  mostCovered(kind: EntityKind, limit: number): IndexedEntity[];
  /** Newest year first. */
  years: YearGroup[];
}

export interface BuildOptions {
  /** Drafts are left out unless asked for (the dev server shows them). */
  includeDrafts?: boolean;
}

/** Newest first; within a day by time where given; then by slug so the order is stable. */
export function compareNewestFirst(a: Article, b: Article): number {
  return (
    b.date.date.localeCompare(a.date.date) ||
    (b.date.dateTime ? Date.parse(b.date.dateTime) : 0) - (a.date.dateTime ? Date.parse(a.date.dateTime) : 0) ||
    a.slug.localeCompare(b.slug)
  );
}

export function buildArchiveIndex(
  allArticles: readonly Article[],
  entityFiles: readonly EntityFile[],
  options: BuildOptions = {},
): { index: ArchiveIndex; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const resolver = new EntityResolver(entityFiles);
  const articles = allArticles.filter((a) => options.includeDrafts || !a.draft).sort(compareNewestFirst);

  const published: Article[] = [];
  const bySlug = new Map<string, Article>();
  const position = new Map<string, number>();
  const covered = new Map<Entity, Article[]>();
  const coverage = new Map<string, Record<EntityKind, Entity[]>>();
  const allOf = new Map<Article, Entity[]>();
  const quoted = new Map<Entity, QuoteEntry[]>();
  const months = new Map<string, MonthGroup>();

  for (const article of articles) {
    const other = bySlug.get(article.slug);
    if (other) {
      diagnostics.push({
        severity: 'error',
        code: 'url-collision',
        file: article.file,
        message: `${article.file} and ${other.file} would both write /articles/${article.slug}/`,
        hint: 'rename one of the files or give it a "slug:" of its own',
      });
      continue;
    }
    bySlug.set(article.slug, article);
    position.set(article.slug, published.length);
    published.push(article);

    const mine = {} as Record<EntityKind, Entity[]>;
    for (const kind of ENTITY_KINDS) {
      const seen = new Set<Entity>();
      for (const name of article.names[kind]) {
        const entity = resolver.resolve(kind, name, article.file);
        if (!entity || seen.has(entity)) continue;
        seen.add(entity);
        const list = covered.get(entity);
        if (list) list.push(article);
        else covered.set(entity, [article]);
      }
      mine[kind] = [...seen];
    }
    coverage.set(article.slug, mine);
    allOf.set(article, ENTITY_KINDS.flatMap((kind) => mine[kind]));
    for (const quote of article.quotes) {
      const speaker = quote.speaker && mine[quote.speaker.kind].find((e) => e.slug === quote.speaker!.slug);
      if (!speaker) continue;
      const list = quoted.get(speaker);
      if (list) list.push({ quote, article });
      else quoted.set(speaker, [{ quote, article }]);
    }

    const key = yearMonthOf(article.date.date);
    const month = months.get(key);
    if (month) month.articles.push(article);
    else months.set(key, { key, year: yearOf(article.date.date), month: Number(key.slice(5)), articles: [article] });
  }
  for (const d of resolver.diagnostics) diagnostics.push(d);

  const indexed = new Map<Entity, IndexedEntity>();
  const byKind = new Map<EntityKind, IndexedEntity[]>(ENTITY_KINDS.map((kind) => [kind, []]));
  const entityBySlug = new Map<string, IndexedEntity>();
  for (const entity of resolver.entities()) {
    const entry: IndexedEntity = Object.assign(entity, { articles: covered.get(entity) ?? [], quotes: quoted.get(entity) ?? [] });
    indexed.set(entity, entry);
    byKind.get(entity.kind)!.push(entry);
    entityBySlug.set(`${entity.kind}/${entity.slug}`, entry);
  }
  for (const list of byKind.values()) list.sort((a, b) => byName.compare(a.name, b.name));
  for (const d of nearDuplicateWarnings([...indexed.values()])) diagnostics.push(d);

  const years: YearGroup[] = [];
  for (const month of months.values()) {
    // Months arrive newest first because the articles do.
    const last = years.at(-1);
    if (last?.year === month.year) {
      last.months.push(month);
      last.count += month.articles.length;
    } else {
      years.push({ year: month.year, count: month.articles.length, months: [month] });
    }
  }

  // Counted on first use: a build's pages ask, the search index and the content check do not.
  let together: CoOccurrence<Entity, Article> | undefined;
  const coOccurrence = (): CoOccurrence<Entity, Article> => {
    if (!together) {
      together = new CoOccurrence<Entity, Article>();
      for (const article of published) together.add(FILE_KINDS.flatMap((kind) => coverage.get(article.slug)![kind]), article);
    }
    return together;
  };
  const scoreRelated = relatedScorer(published, (a) => allOf.get(a) ?? [], (e) => covered.get(e) ?? []);
  const relatedCache = new Map<Article, Related[]>();
  const index: ArchiveIndex = {
    articles: published,
    article: (slug) => bySlug.get(slug),
    neighbours(slug) {
      const i = position.get(slug);
      if (i === undefined) return {};
      return { newer: published[i - 1], older: published[i + 1] };
    },
    entities: (kind) => byKind.get(kind)!,
    entity: (kind, slug) => entityBySlug.get(`${kind}/${slug}`),
    entitiesOf(slug) {
      const refs = coverage.get(slug);
      const result = {} as Record<EntityKind, IndexedEntity[]>;
      for (const kind of ENTITY_KINDS) result[kind] = (refs?.[kind] ?? []).map((e) => indexed.get(e)!);
      return result;
    },
    connections: (entity) => coOccurrence().of(entity) as Connections<IndexedEntity>,
    allConnections: (entity) => coOccurrence().complete(entity) as CompleteConnections<IndexedEntity, Article>,
    related(slug) {
      const article = bySlug.get(slug);
      if (!article) return [];
      let result = relatedCache.get(article);
      if (!result) {
        result = scoreRelated(article);
        relatedCache.set(article, result);
      }
      return result;
    },
    mostCovered: (kind, limit) =>
      rankByCount(
        byKind.get(kind)!.filter((e) => e.articles.length > 0),
        (e) => e.articles.length,
        (e) => e.name,
      ).slice(0, limit),
    years,
  };
  return { index, diagnostics };
}

/** Near-duplicate warnings listed per file; a file of generated names (`Clerk 0001` … `Clerk 9999`)
 * would otherwise give hundreds of thousands of them, and the rest are counted in one. */
export const NEAR_DUPLICATES_PER_FILE = 10;

/** Names of two different entities one letter apart: probably one entity, spelt two ways. */
function nearDuplicateWarnings(entities: readonly IndexedEntity[]): Diagnostic[] {
  const things = entities
    .filter((e) => e.kind !== 'tags')
    .map((entity) => ({ id: `${entity.kind}/${entity.slug}`, kind: entity.kind, entity, names: [entity.name, ...entity.aliases] }));
  const warnings: Diagnostic[] = [];
  const perFile = new Map<string, number>();
  for (const [a, nameA, b, nameB] of findNearDuplicates(things)) {
    if (a.kind !== b.kind) continue;
    const file = b.entity.file;
    const count = (perFile.get(file) ?? 0) + 1;
    perFile.set(file, count);
    if (count > NEAR_DUPLICATES_PER_FILE) continue;
    warnings.push({
      severity: 'warning',
      code: 'near-duplicate',
      file,
      message: `"${nameB}" (${b.entity.file}) and "${nameA}" (${a.entity.file}) are so alike they may be one ${KIND_LABELS[a.kind].singular.toLowerCase()}`,
      hint: `if they are, write one spelling, or add the other as an alias in an entity file`,
    });
  }
  for (const [file, count] of perFile) {
    if (count <= NEAR_DUPLICATES_PER_FILE) continue;
    warnings.push({
      severity: 'warning',
      code: 'near-duplicate',
      file,
      message: `${(count - NEAR_DUPLICATES_PER_FILE).toLocaleString('en')} more pairs of names of ${file} are so alike they may be one entity each, beyond the ${NEAR_DUPLICATES_PER_FILE} listed`,
      hint: 'check the names of this file: if they are different names, they are fine as they are',
    });
  }
  return warnings;
}
