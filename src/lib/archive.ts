/**
 * The one archive index of a build, shared by every route. Built from the article list the
 * content sync wrote (article-cache.ts) on first use and kept for the rest of the build; the dev
 * server rebuilds it whenever the list has been written again, so edits show without a restart.
 * Article bodies stay in the build cache until a page needs one.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { stat } from 'node:fs/promises';
import type { Article } from '../archive/article.ts';
import { buildArchiveIndex, type ArchiveIndex, type IndexedEntity } from '../archive/archive-index.ts';
import { assertNoErrors } from '../archive/diagnostics.ts';
import { ENTITY_KINDS, type EntityKind } from '../archive/kinds.ts';
import type { EntityFile } from '../archive/entity-file.ts';
import { BodyReader, articleCacheDir, articleListFile, requireArticleList, type ListedArticle } from '../loaders/article-cache.ts';

const DIR = articleCacheDir(__ARCHIVE_CACHE_DIR__);

/** Where each listed article's body is, and the digest of the source it was made from. */
let listed = new WeakMap<Article, ListedArticle>();
let bodies = new BodyReader(DIR);
let built: { version: string; index: Promise<ArchiveIndex> } | undefined;

async function build(entityEntries: CollectionEntry<'entities'>[]): Promise<ArchiveIndex> {
  const entries = await requireArticleList(DIR);
  listed = new WeakMap(entries.map((entry) => [entry.article, entry]));
  // A new sync may have replaced the segments the last reader had open.
  bodies.close();
  bodies = new BodyReader(DIR);
  const entityFiles = entityEntries.map((entry) => entry.data as EntityFile);
  const started = performance.now();
  const { index, diagnostics } = buildArchiveIndex(
    entries.map((entry) => entry.article),
    entityFiles,
    { includeDrafts: __ARCHIVE_DRAFTS__ },
  );
  // The benchmark reads this line for its "index" stage.
  if (!__ARCHIVE_LIVE__) console.info(`[archive] index of ${index.articles.length} articles built in ${Math.round(performance.now() - started)}ms`);
  assertNoErrors(diagnostics);
  return index;
}

export async function getArchive(): Promise<ArchiveIndex> {
  // In a build the list is written once, before any page. Under the dev server the loaders write
  // the list and the entity store again after every edit.
  if (!__ARCHIVE_LIVE__) {
    built ??= { version: 'build', index: getCollection('entities').then(build) };
    return built.index;
  }
  const [entities, list] = await Promise.all([getCollection('entities'), stat(articleListFile(DIR))]);
  const version = `${list.mtimeMs}:${list.size}:${entities.map((entry) => entry.digest).join()}`;
  if (built?.version !== version) built = { version, index: build(entities) };
  return built.index;
}

function entryOf(article: Article): ListedArticle {
  const entry = listed.get(article);
  if (!entry) throw new Error(`${article.file} is not in the archive index of this build`);
  return entry;
}

/** An article's body as sanitised HTML, read from the build cache. */
export function articleBody(article: Article): string {
  return bodies.read(entryOf(article).body);
}

/** The digest of everything an article's processing read (its source, the engine, the names it links). */
export function articleDigest(article: Article): string {
  return entryOf(article).digest;
}

/** One route per entity of every kind, for entity feeds and API files, keyed for incremental builds. */
export async function entityRoutes(
  cacheKey: (archive: ArchiveIndex, entity: IndexedEntity) => string,
): Promise<{ params: { kind: EntityKind; slug: string }; cacheKey: string }[]> {
  const archive = await getArchive();
  return ENTITY_KINDS.flatMap((kind) =>
    archive.entities(kind).map((entity) => ({ params: { kind, slug: entity.slug }, cacheKey: cacheKey(archive, entity) })),
  );
}

/** One route per page of every entity that has pages of this sort, the first without a number:
 * `keys` gives the cache key of each of an entity's pages, first page first (none: no pages). */
export async function entityPageRoutes(
  keys: (archive: ArchiveIndex, entity: IndexedEntity) => string[],
): Promise<{ params: { kind: EntityKind; slug: string; page: string | undefined }; cacheKey: string }[]> {
  const archive = await getArchive();
  return ENTITY_KINDS.flatMap((kind) =>
    archive.entities(kind).flatMap((entity) =>
      keys(archive, entity).map((cacheKey, i) => ({ params: { kind, slug: entity.slug, page: i === 0 ? undefined : String(i + 1) }, cacheKey })),
    ),
  );
}
