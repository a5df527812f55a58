/**
 * The archive of the last content sync, indexed once and shared by everything that reads it in
 * this process: the content loaders make it, the routes and the search integration read it.
 * Astro runs the loaders from its own copy of the modules and the routes from the bundle Vite
 * made of them, so a variable of this module would be one per copy: the archive is kept in one
 * slot of the process instead.
 */
import type { Article } from '../archive/article.ts';
import type { ArchiveIndex } from '../archive/archive-index.ts';
import type { ListedArticle } from '../archive/article-cache.ts';

export interface SyncedArchive {
  /** The article cache folder its bodies are read from. */
  dir: string;
  /** The article list, as the sync wrote it to the article cache. */
  entries: readonly ListedArticle[];
  /** Where each article's entry is in `entries`. */
  at: ReadonlyMap<Article, number>;
  index: ArchiveIndex;
}

interface Slot {
  archive?: SyncedArchive;
  /** Whether the index holds drafts, as the Astro command decided (archive-mode.ts). */
  includeDrafts?: boolean;
  /** Whether this is the dev server, which serves the feeds and API files a build writes beside the pages. */
  live?: boolean;
}

const SLOT = Symbol.for('news-archive.synced-archive');

function slot(): Slot {
  const global = globalThis as { [SLOT]?: Slot };
  global[SLOT] ??= {};
  return global[SLOT];
}

export function setArchiveMode(mode: { includeDrafts: boolean; live: boolean }): void {
  Object.assign(slot(), mode);
}

export function includesDrafts(): boolean {
  return slot().includeDrafts ?? false;
}

export function isLive(): boolean {
  return slot().live ?? false;
}

/** Replaces the archive of the last sync; the dev server's routes take the new one on their next request. */
export function publishArchive(archive: Omit<SyncedArchive, 'at'>): void {
  slot().archive = { ...archive, at: new Map(archive.entries.map((entry, i) => [entry.article, i])) };
}

export function syncedArchive(): SyncedArchive {
  const { archive } = slot();
  if (!archive) throw new Error('the archive has not been loaded in this process: the content sync runs before any page or the search index');
  return archive;
}
