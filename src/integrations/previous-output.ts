/**
 * Astro empties the output folder with synchronous deletes before it builds: 13 s of a stalled
 * build for the 34,000 files of a 10,000-article archive, and the same again on every rebuild,
 * only for nearly all of those files to be written again. Instead the build writes over the last
 * one's output, and when it is done every file it neither wrote (older than the build) nor kept
 * is deleted, with the folders left empty: pages of deleted articles and entities, renamed assets.
 * Pages the page cache left unchanged (page-cache.ts) are older than the build and stay. Like Astro,
 * it leaves a `.git` folder alone. The incremental-build test compares a rebuilt site with a fresh
 * build.
 */
import type { AstroIntegration } from 'astro';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const KEEP = new Set(['.git']);

/** Deletes files under `dir` older than `since` and not in `keep`, and folders left empty; true when `dir` is now empty. */
async function removeOlder(dir: string, since: number, keep: ReadonlySet<string>): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let kept = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (KEEP.has(entry.name)) kept++;
    else if (entry.isDirectory()) {
      if (await removeOlder(path, since, keep)) await rmdir(path);
      else kept++;
    } else if (!keep.has(path) && (await stat(path)).mtimeMs < since) await rm(path, { force: true });
    else kept++;
  }
  return kept === 0;
}

/** `kept`: files left in place on purpose, older than the build but current. */
export function previousOutput(kept: () => ReadonlySet<string>): AstroIntegration {
  let outDir = '';
  let started = 0;
  return {
    name: 'news-archive-previous-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        started = Date.now();
      },
      // Last of the integrations, after the sitemap and the search index are written.
      'astro:build:done': async () => {
        await removeOlder(outDir, started, kept());
      },
    },
  };
}
