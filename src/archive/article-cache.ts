/**
 * Processed articles in the build cache (`<cacheDir>/news-archive/articles/`), in two parts:
 *
 * - the article list, `list.jsonl`: one JSON line per article with everything processing made of
 *   it but its body (its record, its findings), and the digest it was made from. The pages and
 *   the search index read this one file; the next content sync reuses every entry whose digest
 *   still matches, without processing or reading anything else;
 * - the bodies, as sanitised HTML in segment files (`bodies-<n>.html`): each sync appends the
 *   bodies it made to a new segment, and a list entry says where its body is (segment, byte
 *   offset, byte length). A page reads its article's body with one positioned read.
 *
 * Why not one file per article: a file is several system calls to write and as many to read, and
 * on this machine's disk each costs a tenth of a millisecond or more: 40,000 of them at 10,000
 * articles. Why not Astro's content store: Astro bundles the store into the build as one
 * JavaScript string literal, and V8 compiles a large literal holding non-ASCII text
 * superlinearly (a 68 MB store of 10,000 articles took 52 s to import).
 *
 * The list is written aside and renamed into place once its segment is complete, so a build
 * stopped half-way leaves the last complete list. Segments no list entry uses are deleted, and
 * when more than half of all segment bytes are bodies no entry uses any more, the live bodies are
 * copied into one new segment.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from './article.ts';
import type { Diagnostic } from './diagnostics.ts';

/** Where an article's body is: a segment file of the cache folder, and its bytes in it. */
export interface BodyRef {
  segment: string;
  offset: number;
  length: number;
}

/** An entry of the article list. */
export interface ListedArticle {
  /** The digest of everything processing read: the source, the engine, the names it links. */
  digest: string;
  body: BodyRef;
  article: Article;
  /** Findings of processing, reported again on every build while the file is unchanged. */
  findings: Diagnostic[];
}

export function articleCacheDir(cacheDir: string): string {
  return join(cacheDir, 'news-archive', 'articles');
}

const LIST = 'list.jsonl';
const SEGMENT = /^bodies-(\d+)\.html$/;

/** The list's path: the dev server watches it for a new sync. */
export function articleListFile(dir: string): string {
  return join(dir, LIST);
}

/** Appends bodies to a new segment, synchronously: the content sync writes each article's body
 * as its batch comes back from the workers. */
export class BodyWriter {
  readonly segment: string;
  private readonly dir: string;
  private readonly fd: number;
  private offset = 0;

  /** `existing`: the folder's file names, so the new segment gets a number of its own. */
  constructor(dir: string, existing: readonly string[]) {
    this.dir = dir;
    const last = Math.max(0, ...existing.map((name) => Number(SEGMENT.exec(name)?.[1] ?? 0)));
    this.segment = `bodies-${last + 1}.html`;
    this.fd = openSync(join(dir, this.segment), 'w');
  }

  append(html: string): BodyRef {
    const bytes = Buffer.from(html, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.offset + written);
    const ref = { segment: this.segment, offset: this.offset, length: bytes.length };
    this.offset += bytes.length;
    return ref;
  }

  /** Closes the segment; an empty one is deleted (and its name given back). */
  async close(): Promise<void> {
    closeSync(this.fd);
    if (this.offset === 0) await rm(join(this.dir, this.segment), { force: true });
  }
}

/** Reads bodies with one positioned read each, keeping each segment open until `close()`.
 * Synchronously: a body is a few kilobytes the system has cached, and an asynchronous read hands
 * each one to another thread and back, which cost three times the CPU time of reading it here
 * (10,000 bodies: 0.38 s against 0.11 s), twice per article (its page and its search document). */
export class BodyReader {
  private readonly dir: string;
  private readonly fds = new Map<string, number>();

  constructor(dir: string) {
    this.dir = dir;
  }

  read({ segment, offset, length }: BodyRef): string {
    const path = join(this.dir, segment);
    let fd = this.fds.get(segment);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      this.fds.set(segment, fd);
    }
    const buffer = Buffer.allocUnsafe(length);
    if (readSync(fd, buffer, 0, length, offset) !== length) throw new Error(`an article body is missing from ${path}: build again (delete the cache folder if this repeats)`);
    return buffer.toString('utf8');
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** Lines written at once: one string for all of them could pass V8's limit on a string's length. */
const LINES_PER_WRITE = 1000;

/** Writes the list aside and renames it into place. */
export async function writeArticleList(dir: string, entries: readonly ListedArticle[]): Promise<void> {
  const path = articleListFile(dir);
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

/**
 * The article list of the last content sync, or none. Read line by line from bytes, for the same
 * reason as it is written in parts; `keep` may drop what a reader has no use for from each entry
 * as it is read, so the whole list is never in memory at once.
 */
export async function readArticleList(dir: string, keep: (entry: ListedArticle) => ListedArticle = (entry) => entry): Promise<ListedArticle[] | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, LIST));
  } catch {
    return undefined;
  }
  const entries: ListedArticle[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    if (stop > start) entries.push(keep(JSON.parse(bytes.toString('utf8', start, stop)) as ListedArticle));
    start = stop + 1;
  }
  return entries;
}

/** The article list, which a build must have: the content sync writes it before any page. */
export async function requireArticleList(dir: string, keep?: (entry: ListedArticle) => ListedArticle): Promise<ListedArticle[]> {
  const entries = await readArticleList(dir, keep);
  if (!entries) throw new Error(`the article list ${join(dir, LIST)} is missing from the build cache: build again (delete the cache folder if this repeats)`);
  return entries;
}

/**
 * When more than half of all segment bytes are bodies no entry uses (the last versions of edited
 * articles), copies the live bodies into one new segment; returns the entries with their new
 * places, or the same entries.
 */
export async function compactBodies(dir: string, entries: readonly ListedArticle[]): Promise<readonly ListedArticle[]> {
  const names = (await readdir(dir)).filter((name) => SEGMENT.test(name));
  const total = (await Promise.all(names.map((name) => stat(join(dir, name)).then((info) => info.size)))).reduce((sum, size) => sum + size, 0);
  const used = entries.reduce((sum, { body }) => sum + body.length, 0);
  if (total <= 2 * used || total < 1024 * 1024) return entries;
  const reader = new BodyReader(dir);
  const writer = new BodyWriter(dir, names);
  const moved: ListedArticle[] = [];
  try {
    for (const entry of entries) moved.push({ ...entry, body: writer.append(reader.read(entry.body)) });
  } finally {
    reader.close();
    await writer.close();
  }
  return moved;
}

/** Once the list is written: deletes what no entry uses (old segments, what an interrupted sync
 * left half-written). */
export async function pruneArticleCache(dir: string, entries: readonly ListedArticle[]): Promise<void> {
  const live = new Set(entries.map(({ body }) => body.segment));
  const unused = (await readdir(dir)).filter((name) => name !== LIST && !live.has(name));
  await Promise.all(unused.map((name) => rm(join(dir, name), { force: true })));
}

/** The folder's file names, made if missing. */
export async function cacheFiles(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return readdir(dir);
}
