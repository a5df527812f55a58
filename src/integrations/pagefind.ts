/**
 * Builds the Pagefind search index while the pages render. Once the content is synced (Astro's
 * `astro:build:start`), the archive and its index are known (synced-archive.ts): the shards' plans
 * are made from that index, and their documents (search-documents.ts) in a worker process and
 * Pagefind's own process, while Astro renders pages. Pagefind never reads the
 * built site. The index comes in shards written into `pagefind/<shard>-<digest>/` (search-index.ts),
 * listed in `pagefind/shards.json` for the search page; shards a rebuild finds unchanged stay.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARD_SIZE, searchPlans } from './search-documents.ts';
import { syncedArchive } from '../lib/synced-archive.ts';
import type { KeepsOutput } from './previous-output.ts';
import type { Indexed } from './search-index.ts';
import { runJob } from './job-worker.ts';
import type { SearchWorkerData } from './search-worker.ts';

/** What the search page reads first: the shards to search (their folders in `pagefind/`), runs
 * of months newest first, entities last. */
export interface ShardList {
  shards: { name: string; dir: string }[];
}

/** Articles per shard: ARCHIVE_SEARCH_SHARD, when set, for trying other sizes (the benchmark) and
 * for tests of several shards on a small archive. */
function shardSize(setting: string | undefined): number {
  if (setting === undefined || setting === '') return SHARD_SIZE;
  const size = Number(setting);
  if (!Number.isInteger(size) || size < 1) throw new Error(`ARCHIVE_SEARCH_SHARD is "${setting}": set it to a whole number of articles per search shard, at least 1, or leave it unset for ${SHARD_SIZE}.`);
  return size;
}

export function pagefind(shardSetting?: string): AstroIntegration & KeepsOutput {
  const size = shardSize(shardSetting);
  let root = '';
  let cacheDir = '';
  let pagefindDir = '';
  let indexing: Promise<Indexed> | undefined;
  const kept: string[] = [];
  return {
    name: 'news-archive-pagefind',
    kept: () => kept,
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        pagefindDir = join(fileURLToPath(config.outDir), 'pagefind');
      },
      'astro:build:start': () => {
        const { index, entries, at } = syncedArchive();
        const plans = searchPlans(index, (article) => entries[at.get(article)!]!, size);
        indexing = runJob<Indexed>(new URL('./search-worker.ts', import.meta.url), { root, cacheDir, pagefindDir, plans } satisfies SearchWorkerData, 'the search index');
        // A failure is reported when the pages are done, not as an unhandled rejection meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        const { shards, ms } = await indexing!;
        kept.push(...shards.filter((shard) => shard.reused).map((shard) => join(pagefindDir, shard.dir)));
        const list: ShardList = { shards: shards.map(({ name, dir }) => ({ name, dir })) };
        await writeFile(join(pagefindDir, 'shards.json'), JSON.stringify(list));
        const pages = shards.reduce((sum, shard) => sum + shard.pages, 0);
        const reused = shards.filter((shard) => shard.reused).length;
        // The benchmark reads this line for its "search index" stage.
        logger.info(`search index: ${pages} pages in ${Math.round(ms)} ms (${shards.length} shards, ${reused} unchanged)`);
      },
    },
  };
}
