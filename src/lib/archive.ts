/**
 * The one archive index of a build, shared by every route: the one the content sync built
 * (synced-archive.ts). The dev server's sync makes a new one after every edit, and a route takes
 * it on its next request, so edits show without a restart. Article bodies stay in the build cache
 * until a page needs one.
 */
import type { Article } from '../archive/article.ts';
import type { ArchiveIndex, IndexedEntity } from '../archive/archive-index.ts';
import { BodyReader, type ListedArticle } from '../archive/article-cache.ts';
import { ENTITY_KINDS, type EntityKind } from '../archive/kinds.ts';
import { syncedArchive, type SyncedArchive } from './synced-archive.ts';

/** The archive in use, and a reader of its bodies. */
let current: { archive: SyncedArchive; bodies: BodyReader } | undefined;

function use(): NonNullable<typeof current> {
  const archive = syncedArchive();
  if (current?.archive !== archive) {
    // A new sync may have replaced the segments the last reader had open.
    current?.bodies.close();
    current = { archive, bodies: new BodyReader(archive.dir) };
  }
  return current;
}

export async function getArchive(): Promise<ArchiveIndex> {
  return use().archive.index;
}

function entryOf(article: Article): ListedArticle {
  const { entries, at } = use().archive;
  const entry = entries[at.get(article) ?? -1];
  if (!entry) throw new Error(`${article.file} is not in the archive index of this build`);
  return entry;
}

/** An article's body as sanitised HTML, read from the build cache. */
export function articleBody(article: Article): string {
  return use().bodies.read(entryOf(article).body);
}

/** The digest of everything an article's processing read (its source, the engine, the names it links). */
export function articleDigest(article: Article): string {
  return entryOf(article).digest;
}

/** One route per entity of every kind, for entity feeds and API files under `astro dev`. */
export async function entityRoutes(): Promise<{ params: { kind: EntityKind; slug: string } }[]> {
  const archive = await getArchive();
  return ENTITY_KINDS.flatMap((kind) => archive.entities(kind).map((entity) => ({ params: { kind, slug: entity.slug } })));
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
