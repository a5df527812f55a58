/**
 * The search index of an archive, in shards (a year of articles each, and the entity profiles),
 * written to the build cache under a digest of each shard's documents: a rebuild reuses every
 * shard whose documents are unchanged, and Pagefind holds one shard in memory at a time.
 * Runs on a worker thread (search-worker.ts) while the main thread renders pages. It reads the
 * article list of the content sync, and the bodies of one shard's articles at a time.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createIndex } from 'pagefind';
import type { Article } from '../archive/article.ts';
import { buildArchiveIndex } from '../archive/archive-index.ts';
import { archiveContentDir } from '../archive/content-dir.ts';
import { loadEntityFiles } from '../archive/load.ts';
import { mapLimited } from '../archive/map-limited.ts';
import { searchShards, type SearchDocument } from '../archive/search-documents.ts';
import { articleListFile, readArticleBody, readArticleList } from '../loaders/article-cache.ts';

export interface BuiltShard {
  name: string;
  year?: number;
  /** The finished shard in the build cache. */
  dir: string;
  pages: number;
  reused: boolean;
}

export interface Indexed {
  shards: BuiltShard[];
  ms: number;
}

/** Pagefind's ready-made search interfaces: the search page has its own, and every shard would
 * carry another 430 kB of them. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/** Documents handed to Pagefind at once: enough to keep it busy between messages. */
const IN_FLIGHT = 16;

/** Part of every shard's digest: another Pagefind writes another index. Its package's exports
 * leave out package.json, so it is read from the project's node_modules. */
async function pagefindVersion(root: string): Promise<string> {
  const manifest = await readFile(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8').catch(() => '{}');
  return (JSON.parse(manifest) as { version?: string }).version ?? 'unknown';
}

function digestOf(documents: readonly SearchDocument[], version: string): string {
  const hash = createHash('sha1').update(version);
  for (const { url, html } of documents) hash.update(`\u0000${url}\u0000${html}`);
  return hash.digest('hex').slice(0, 16);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function indexShard(documents: readonly SearchDocument[], out: string): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    await mapLimited(documents, IN_FLIGHT, async ({ url, html }) => {
      const result = await index.addHTMLFile({ url, content: html });
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
    });
    // Written aside and renamed, so an interrupted build never leaves a shard that looks finished.
    const partial = `${out}.partial`;
    await rm(partial, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED.map((name) => rm(join(partial, name), { force: true })));
    await rename(partial, out);
  } finally {
    await index.deleteIndex();
  }
}

export async function indexArchive(root: string, cacheDir: string, includeDrafts: boolean): Promise<Indexed> {
  const started = performance.now();
  const shardsDir = join(cacheDir, 'news-archive', 'search');
  await mkdir(shardsDir, { recursive: true });
  const [entries, { entityFiles }] = await Promise.all([readArticleList(articleListFile(cacheDir)), loadEntityFiles(archiveContentDir(root))]);
  const { index: archive } = buildArchiveIndex(
    entries.map((entry) => entry.article),
    entityFiles,
    { includeDrafts },
  );
  const listed = new Map(entries.map((entry) => [entry.article, entry]));
  const body = (article: Article) => {
    const { cacheFile, digest } = listed.get(article)!;
    return readArticleBody(cacheFile, digest);
  };
  const version = await pagefindVersion(root);
  const built: BuiltShard[] = [];
  for (const shard of searchShards(archive, body)) {
    const documents = await shard.documents();
    const dir = join(shardsDir, `${shard.name}-${digestOf(documents, version)}`);
    const reused = await exists(dir);
    if (!reused) await indexShard(documents, dir);
    built.push({ name: shard.name, ...(shard.year === undefined ? {} : { year: shard.year }), dir, pages: documents.length, reused });
  }
  // Shards of documents that no longer exist.
  const current = new Set(built.map((shard) => shard.dir));
  for (const name of await readdir(shardsDir)) {
    const path = join(shardsDir, name);
    if (!current.has(path)) await rm(path, { recursive: true, force: true });
  }
  return { shards: built, ms: performance.now() - started };
}
