/**
 * Builds the Pagefind search index while the pages render. Once the content is synced (Astro's
 * `astro:build:start`), the archive is known: its articles are in the build cache and its entity
 * files in the archive folder. The index is made from them (search-documents.ts), in Pagefind's own
 * process on the other core, while this one renders pages. Pagefind never reads the built site.
 *
 * The index is written in shards (a year of articles each, and the entity profiles) to the build
 * cache, each under a digest of its documents: a rebuild reuses every shard whose documents are
 * unchanged, and Pagefind holds one shard in memory at a time. When the pages are done the shards
 * are copied into `pagefind/<shard>/`, listed in `pagefind/shards.json` for the search page.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { buildArchiveIndex } from '../archive/archive-index.ts';
import { archiveContentDir } from '../archive/content-dir.ts';
import { loadEntityFiles } from '../archive/load.ts';
import { mapLimited } from '../archive/map-limited.ts';
import { searchShards, type SearchDocument } from '../archive/search-documents.ts';
import { articleCacheDir, readArticleCache } from '../loaders/article-cache.ts';
import { publishesDrafts } from './archive-mode.ts';

/** What the search page reads first: the shards to search, years newest first, entities last. */
export interface ShardList {
  shards: { name: string; year?: number }[];
}

interface BuiltShard {
  name: string;
  year?: number;
  /** The finished shard in the build cache. */
  dir: string;
  pages: number;
  reused: boolean;
}

interface Indexed {
  shards: BuiltShard[];
  ms: number;
}

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
    await rename(partial, out);
  } finally {
    await index.deleteIndex();
  }
}

async function indexArchive(root: string, cacheDir: string): Promise<Indexed> {
  const started = performance.now();
  const shardsDir = join(cacheDir, 'news-archive', 'search');
  await mkdir(shardsDir, { recursive: true });
  const [articles, { entityFiles }] = await Promise.all([readArticleCache(articleCacheDir(cacheDir)), loadEntityFiles(archiveContentDir(root))]);
  const { index: archive } = buildArchiveIndex(articles, entityFiles, { includeDrafts: publishesDrafts('build') });
  const version = await pagefindVersion(root);
  const built: BuiltShard[] = [];
  for (const shard of searchShards(archive)) {
    const documents = shard.documents();
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

export function pagefind(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let indexing: Promise<Indexed> | undefined;
  return {
    name: 'news-archive-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        indexing = indexArchive(root, cacheDir);
        // A failure is reported when the pages are done, not as an unhandled rejection meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { shards, ms } = await indexing!;
          const target = join(fileURLToPath(dir), 'pagefind');
          await rm(target, { recursive: true, force: true });
          await Promise.all(shards.map((shard) => cp(shard.dir, join(target, shard.name), { recursive: true })));
          const list: ShardList = { shards: shards.map(({ name, year }) => (year === undefined ? { name } : { name, year })) };
          await writeFile(join(target, 'shards.json'), JSON.stringify(list));
          const pages = shards.reduce((sum, shard) => sum + shard.pages, 0);
          const reused = shards.filter((shard) => shard.reused).length;
          // The benchmark reads this line for its "search index" stage.
          logger.info(`search index: ${pages} pages in ${Math.round(ms)} ms (${shards.length} shards, ${reused} unchanged)`);
        } finally {
          await close();
        }
      },
    },
  };
}
