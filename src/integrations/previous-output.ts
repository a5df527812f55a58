/**
 * Astro empties the output folder with synchronous deletes before it builds: 13 s of a stalled
 * build for the 34,000 files of a 10,000-article archive, and the same again on every rebuild,
 * only for nearly all of those files to be written again. Instead the build writes over the last
 * one's output, and when it is done every file it neither wrote (older than the build) nor kept
 * is deleted, with the folders left empty: pages of deleted articles and entities, renamed assets.
 * Pages the page cache left unchanged (page-cache.ts) and search shards the search index reused
 * (pagefind.ts) are older than the build and stay. Like Astro, it leaves a `.git` folder alone.
 * The incremental-build test compares a rebuilt site with a fresh build.
 */
import type { AstroIntegration } from 'astro';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapLimited } from '../lib/map-limited.ts';

const KEEP = new Set(['.git']);

/** Deletes files under `dir` older than `since` and not in `keep` (a kept folder is kept whole),
 * and folders left empty; true when `dir` is now empty. Entries of a folder are looked at together:
 * one at a time, the 34,000 files of a 10,000-article archive took seconds. */
async function removeOlder(dir: string, since: number, keep: ReadonlySet<string>): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const stays = await mapLimited(entries, 64, async (entry): Promise<boolean> => {
    const path = join(dir, entry.name);
    if (KEEP.has(entry.name) || keep.has(path)) return true;
    if (entry.isDirectory()) {
      if (!(await removeOlder(path, since, keep))) return true;
      await rmdir(path);
      return false;
    }
    if ((await stat(path)).mtimeMs >= since) return true;
    await rm(path, { force: true });
    return false;
  });
  return !stays.includes(true);
}

/** What an integration left in place on purpose: files or folders older than the build but current. */
export interface KeepsOutput {
  kept(): Iterable<string>;
}

export function previousOutput(...keepers: KeepsOutput[]): AstroIntegration {
  let outDir = '';
  let started = 0;
  return {
    name: 'news-archive-previous-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      // Before any integration's build:start, which may already write output (the search index).
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        started = Date.now();
      },
      // Last of the integrations, after the sitemap and the search index are written.
      'astro:build:done': async () => {
        await removeOlder(outDir, started, new Set(keepers.flatMap((keeper) => [...keeper.kept()])));
      },
    },
  };
}
