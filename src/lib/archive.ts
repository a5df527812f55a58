/**
 * The one archive index of a build, shared by every route. Built from the content collections on
 * first use and kept for the rest of the build; the dev server rebuilds it on every request so
 * edits show without a restart.
 */
import { getCollection } from 'astro:content';
import type { Article } from '../archive/article.ts';
import { buildArchiveIndex, type ArchiveIndex, type IndexedEntity } from '../archive/archive-index.ts';
import { assertNoErrors } from '../archive/diagnostics.ts';
import { ENTITY_KINDS, type EntityKind } from '../archive/kinds.ts';
import type { EntityFile } from '../archive/entity-file.ts';
import { mapLimited } from '../archive/map-limited.ts';
import { readCachedArticle, type ArticleRef } from '../loaders/article-cache.ts';

let cached: Promise<ArchiveIndex> | undefined;

/** Articles read from the build cache, by cache file, with the digest they were read at: the dev
 * server rebuilds the index on every request and re-reads only what changed. */
const readArticles = new Map<string, { digest: string | number | undefined; article: Article }>();

async function loadArticles(): Promise<Article[]> {
  const entries = await getCollection('articles');
  if (__ARCHIVE_LIVE__) {
    const current = new Set(entries.map((entry) => (entry.data as ArticleRef).cacheFile));
    for (const file of readArticles.keys()) if (!current.has(file)) readArticles.delete(file);
  }
  return mapLimited(entries, 64, async (entry) => {
    const { cacheFile } = entry.data as ArticleRef;
    const known = readArticles.get(cacheFile);
    if (known && known.digest === entry.digest) return known.article;
    const cached = await readCachedArticle(cacheFile);
    if (!cached) throw new Error(`${entry.id}: its processed copy ${cacheFile} is missing from the build cache; delete the cache folder and build again`);
    if (__ARCHIVE_LIVE__) readArticles.set(cacheFile, { digest: entry.digest, article: cached.article });
    return cached.article;
  });
}

async function build(): Promise<ArchiveIndex> {
  const [articles, entityEntries] = await Promise.all([loadArticles(), getCollection('entities')]);
  const entityFiles = entityEntries.map((entry) => entry.data as EntityFile);
  const started = performance.now();
  const { index, diagnostics } = buildArchiveIndex(articles, entityFiles, { includeDrafts: __ARCHIVE_DRAFTS__ });
  // The benchmark reads this line for its "index" stage.
  if (!__ARCHIVE_LIVE__) console.info(`[archive] index of ${index.articles.length} articles built in ${Math.round(performance.now() - started)}ms`);
  assertNoErrors(diagnostics);
  return index;
}

export function getArchive(): Promise<ArchiveIndex> {
  if (__ARCHIVE_LIVE__) return build();
  cached ??= build();
  return cached;
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
