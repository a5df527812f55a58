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
import type { StoredArticle } from '../loaders/archive-loaders.ts';

let cached: Promise<ArchiveIndex> | undefined;

async function build(): Promise<ArchiveIndex> {
  const [articleEntries, entityEntries] = await Promise.all([getCollection('articles'), getCollection('entities')]);
  const articles: Article[] = articleEntries.map((entry) => {
    const { findings: _reported, ...article } = entry.data as StoredArticle;
    return { ...article, html: entry.rendered?.html ?? '' };
  });
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
