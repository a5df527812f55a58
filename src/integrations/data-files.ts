/**
 * Writes the data files of a build (entity feeds and the JSON API: src/lib/data-files.ts) in a
 * worker process (data-worker.ts), started as the pages start and awaited when they are done, so
 * they are made beside the rendering instead of as thousands of Astro routes.
 */
import type { AstroIntegration } from 'astro';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { publishesDrafts } from './archive-mode.ts';
import type { DataFilesWritten, DataWorkerData, DataWorkerReply } from './data-worker.ts';
import type { KeepsOutput } from './previous-output.ts';

function writeInWorker(data: DataWorkerData, base: string): Promise<DataFilesWritten> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(new URL('./data-worker.ts', import.meta.url)), {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // A small young generation, as the search worker's: it runs beside the largest processes
      // of the build and keeps only the index and the files in flight.
      execArgv: [...process.execArgv, '--max-semi-space-size=4'],
      // src/lib/urls.ts reads the base from Vite in the site's code, and from here in the worker.
      env: { ...process.env, ARCHIVE_BASE_URL: base },
    });
    worker.once('message', (reply: DataWorkerReply) => (reply.ok ? resolve(reply.done) : reject(new Error(`the feeds and API files could not be written: ${reply.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code, signal) => reject(new Error(`the feeds and API worker stopped (${signal ?? `code ${code}`})`)));
    worker.send(data);
  });
}

export function dataFilesIntegration(): AstroIntegration & KeepsOutput {
  let data: DataWorkerData;
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
          root: fileURLToPath(config.root),
          cacheDir: fileURLToPath(config.cacheDir),
          outDir: fileURLToPath(config.outDir),
          site: config.site!,
          includeDrafts: publishesDrafts('build'),
        };
      },
      'astro:build:start': () => {
        writing = writeInWorker(data, base);
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
