/**
 * Processed articles in the build cache, one JSON file per article file, so Astro's content
 * store only holds each article's digest and where its file is.
 *
 * Why not the store itself: Astro bundles the store into the build as one JavaScript string
 * literal, and V8 compiles a large literal holding non-ASCII text superlinearly. The 68 MB store of
 * 10,000 articles took 52 s to import (1 MB takes 40 ms), and 50,000 articles would come close to
 * V8's limit on the length of a string. One small file per article costs about 0.1 ms to read.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../archive/article.ts';
import type { Diagnostic } from '../archive/diagnostics.ts';
import { mapLimited } from '../archive/map-limited.ts';

/** What the cache keeps of an article: the result of processing it, and the digest it was made from. */
export interface CachedArticle {
  digest: string;
  article: Article;
  /** Findings of processing, reported again on every build while the file is unchanged. */
  findings: Diagnostic[];
}

/** The data of an article's entry in Astro's store. */
export interface ArticleRef {
  cacheFile: string;
}

export function articleCacheDir(cacheDir: string): string {
  return join(cacheDir, 'news-archive', 'articles');
}

/** The cache file of an article file (a path relative to the project). */
export function articleCacheFile(dir: string, file: string): string {
  return join(dir, `${createHash('sha1').update(file).digest('hex')}.json`);
}

/** The cached article when the file exists, parses and was made from this digest. */
export async function readCachedArticle(path: string, digest?: string): Promise<CachedArticle | undefined> {
  let cached: CachedArticle;
  try {
    cached = JSON.parse(await readFile(path, 'utf8')) as CachedArticle;
  } catch {
    return undefined;
  }
  return digest === undefined || cached.digest === digest ? cached : undefined;
}

export async function writeCachedArticle(path: string, cached: CachedArticle): Promise<void> {
  // Written aside and renamed, so a build stopped half-way never leaves half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(cached));
  await rename(temporary, path);
}

/** Deletes cache files no current article uses (articles deleted or renamed since). */
export async function pruneArticleCache(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.map((name) => join(dir, name)).filter((path) => !keep.has(path)).map((path) => rm(path, { force: true })));
}

/** Every article in the cache: after the content sync, exactly the archive's articles. */
export async function readArticleCache(dir: string): Promise<Article[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  const read = await mapLimited(names, 64, (name) => readCachedArticle(join(dir, name)));
  return read.filter((cached) => cached !== undefined).map((cached) => cached.article);
}
