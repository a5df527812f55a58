/**
 * Processed articles in the build cache, one JSON file per article file, so Astro's content
 * store only holds each article's digest and where its file is. After every content sync the
 * article list (one JSON line per article: its record without the body, its digest and its cache
 * file) is written beside them: the pages and the search index read that one file, and an
 * article's body only when they need it, so a build never holds every body in memory.
 *
 * Why not the store itself: Astro bundles the store into the build as one JavaScript string
 * literal, and V8 compiles a large literal holding non-ASCII text superlinearly. The 68 MB store of
 * 10,000 articles took 52 s to import (1 MB takes 40 ms), and 50,000 articles would come close to
 * V8's limit on the length of a string. One small file per article costs about 0.1 ms to read.
 */
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, ProcessedArticle } from '../archive/article.ts';
import type { Diagnostic } from '../archive/diagnostics.ts';

/** What the cache keeps of an article: the result of processing it, and the digest it was made from. */
export interface CachedArticle {
  digest: string;
  article: ProcessedArticle;
  /** Findings of processing, reported again on every build while the file is unchanged. */
  findings: Diagnostic[];
}

/** The data of an article's entry in Astro's store. */
export interface ArticleRef {
  cacheFile: string;
}

/** An entry of the article list. */
export interface ListedArticle {
  digest: string;
  cacheFile: string;
  article: Article;
  findings: Diagnostic[];
}

export function articleCacheDir(cacheDir: string): string {
  return join(cacheDir, 'news-archive', 'articles');
}

export function articleListFile(cacheDir: string): string {
  return join(cacheDir, 'news-archive', 'articles.jsonl');
}

/** The cache file of an article file (a path relative to the project). */
export function articleCacheFile(dir: string, file: string): string {
  return join(dir, `${createHash('sha1').update(file).digest('hex')}.json`);
}

/** The cached article when the file exists and parses. */
export async function readCachedArticle(path: string): Promise<CachedArticle | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CachedArticle;
  } catch {
    return undefined;
  }
}

/** Written aside and renamed, so a build stopped half-way never leaves half a file. Synchronous:
 * the content sync writes each article as its batch comes back from the workers. */
export function writeCachedArticle(path: string, cached: CachedArticle): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(cached));
  renameSync(temporary, path);
}

/** An article's body, from its processed copy made from `digest`. */
export async function readArticleBody(cacheFile: string, digest: string): Promise<string> {
  const cached = await readCachedArticle(cacheFile);
  if (cached?.digest !== digest) throw new Error(`the processed copy of an article, ${cacheFile}, is missing from the build cache or out of date: build again (delete the cache folder if this repeats)`);
  return cached.article.html;
}

/** Lines written at once: one string for all of them could pass V8's limit on a string's length. */
const LINES_PER_WRITE = 1000;

/** Written aside and renamed, like each article. */
export async function writeArticleList(path: string, entries: readonly ListedArticle[]): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w');
  try {
    for (let start = 0; start < entries.length; start += LINES_PER_WRITE) {
      await file.write(entries.slice(start, start + LINES_PER_WRITE).map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    }
  } finally {
    await file.close();
  }
  await rename(temporary, path);
}

/** The article list of the last content sync; read line by line from bytes, for the same reason. */
export async function readArticleList(path: string): Promise<ListedArticle[]> {
  const bytes = await readFile(path).catch(() => {
    throw new Error(`the article list ${path} is missing from the build cache: build again (delete the cache folder if this repeats)`);
  });
  const entries: ListedArticle[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    if (stop > start) entries.push(JSON.parse(bytes.toString('utf8', start, stop)) as ListedArticle);
    start = stop + 1;
  }
  return entries;
}

/** Deletes the files of `names` (what the folder held before the sync) that no current article uses:
 * articles deleted or renamed since, and what an interrupted build left half-written. */
export async function pruneArticleCache(dir: string, names: readonly string[], keep: ReadonlySet<string>): Promise<void> {
  await Promise.all(names.map((name) => join(dir, name)).filter((path) => !keep.has(path)).map((path) => rm(path, { force: true })));
}
