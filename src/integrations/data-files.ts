/**
 * Writes the data files of a build (entity feeds and the JSON API: src/lib/data-files.ts) in a
 * worker process (data-worker.ts), started as the pages start and awaited when they are done, so
 * they are made beside the rendering instead of as thousands of Astro routes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { syncedArchive } from '../lib/synced-archive.ts';
import { publishesDrafts } from './archive-mode.ts';
import type { DataFilesWritten, DataWorkerData } from './data-worker.ts';
import { runJob } from './job-worker.ts';
import type { KeepsOutput } from './previous-output.ts';

export function dataFilesIntegration(): AstroIntegration & KeepsOutput {
  let data: Omit<DataWorkerData, 'entityFiles'>;
  let base = '/';
  let writing: Promise<DataFilesWritten> | undefined;
  const kept: string[] = [];
  return {
    name: 'news-archive-data-files',
    kept: () => kept,
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        data = {
          cacheDir: fileURLToPath(config.cacheDir),
          outDir: fileURLToPath(config.outDir),
          site: config.site!,
          includeDrafts: publishesDrafts('build'),
        };
      },
      'astro:build:start': () => {
        writing = runJob<DataFilesWritten>(
          new URL('./data-worker.ts', import.meta.url),
          { ...data, entityFiles: syncedArchive().entityFiles } satisfies DataWorkerData,
          'the feeds and API files',
          // src/lib/urls.ts reads the base from Vite in the site's code, and from here in the worker.
          { ...process.env, ARCHIVE_BASE_URL: base },
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
