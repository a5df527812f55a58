/**
 * Writes the data files of a build (entity feeds and the JSON API: src/lib/data-files.ts) in a
 * worker process (data-worker.ts), started as the pages start and awaited when they are done, so
 * they are made beside the rendering instead of as thousands of Astro routes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { syncedArchive } from '../lib/synced-archive.ts';
import { dataPlan } from './data-plan.ts';
import type { DataFilesWritten, DataWorkerData } from './data-worker.ts';
import { runJob } from './job-worker.ts';
import type { KeepsOutput } from './previous-output.ts';

export function dataFilesIntegration(): AstroIntegration & KeepsOutput {
  let data: Omit<DataWorkerData, 'plan'>;
  let writing: Promise<DataFilesWritten> | undefined;
  const kept: string[] = [];
  return {
    name: 'news-archive-data-files',
    kept: () => kept,
    hooks: {
      'astro:config:done': ({ config }) => {
        data = {
          cacheDir: fileURLToPath(config.cacheDir),
          outDir: fileURLToPath(config.outDir),
          site: config.site!,
          base: config.base,
        };
      },
      'astro:build:start': () => {
        writing = runJob<DataFilesWritten>(
          new URL('./data-worker.ts', import.meta.url),
          { ...data, plan: dataPlan(syncedArchive()) } satisfies DataWorkerData,
          'the feeds and API files',
        );
        // A failure is reported when the pages are done, not as an unhandled rejection meanwhile.
        writing.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        const { written, kept: unchanged, ms } = await writing!;
        kept.push(...unchanged);
        // The benchmark reads this line for its "feeds" stage.
        logger.info(`feeds and API: ${written + unchanged.length} files (${written} written, ${unchanged.length} unchanged) in ${Math.round(ms)} ms`);
      },
    },
  };
}
