/**
 * The search index of an archive, in shards (runs of months of articles, and the entity profiles),
 * written straight into the output folder, each in a folder named for a digest of what its
 * documents are made from: `pagefind/2023-01-1a2b3c4d5e6f7a8b/`. A rebuild into the same output finds
 * the shards whose inputs did not change already in place and leaves them; Pagefind holds one
 * shard in memory at a time; and a shard's address changes with its contents, so browsers and
 * CDNs may cache it for good.
 * Runs in a worker process (search-worker.ts) while the pages render, from the shards' plans the
 * build made of its archive index (pagefind.ts); it reads each article's body only as its
 * document goes to Pagefind.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createIndex } from 'pagefind';
import { BodyReader, articleCacheDir } from '../archive/article-cache.ts';
import { CODE, codeVersion, digest } from '../archive/cache-key.ts';
import { mapLimited } from '../lib/map-limited.ts';
import { exists } from './page-cache.ts';
import { searchShard, type SearchShard, type ShardPlan } from './search-documents.ts';

export interface BuiltShard {
  name: string;
  /** Its folder in the output's `pagefind/`. */
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

/** A shard's folder digest: its documents' inputs, and the code that indexes them (another
 * Pagefind writes another index; the lock files say which is installed). */
function digestOf(inputs: unknown, version: string): string {
  return digest([version, JSON.stringify(inputs)]).slice(0, 16);
}

/** Indexes a shard, making each document only as Pagefind is ready for it. */
async function indexShard(shard: SearchShard, out: string): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    await mapLimited(Array.from({ length: shard.pages }, (_, at) => at), IN_FLIGHT, async (at) => {
      const { url, html } = shard.document(at);
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

/** `pagefindDir`: the output's `pagefind/` folder. */
export async function indexArchive(root: string, cacheDir: string, pagefindDir: string, plans: readonly ShardPlan[]): Promise<Indexed> {
  const started = performance.now();
  // Shards were kept in the build cache before they went straight into the output; an archive
  // built by an earlier version would otherwise keep that copy for good.
  await Promise.all([mkdir(pagefindDir, { recursive: true }), rm(join(cacheDir, 'news-archive', 'search'), { recursive: true, force: true })]);
  const bodies = new BodyReader(articleCacheDir(cacheDir));
  const shards = plans.map((plan) => searchShard(plan, (ref) => bodies.read(ref)));
  const version = await codeVersion(root, CODE.search, []);
  const built: BuiltShard[] = [];
  try {
    for (const shard of shards) {
      const folder = `${shard.name}-${digestOf(shard.inputs(), version)}`;
      const out = join(pagefindDir, folder);
      const reused = await exists(out);
      if (!reused) await indexShard(shard, out);
      built.push({ name: shard.name, dir: folder, pages: shard.pages, reused });
    }
  } finally {
    bodies.close();
  }
  return { shards: built, ms: performance.now() - started };
}
