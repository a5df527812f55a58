/**
 * Builds the Pagefind search index while the pages render. Once the content is synced (Astro's
 * `astro:build:start`), the archive is known: its articles are in the build cache and its entity
 * files in the archive folder. The index is made from them (search-documents.ts) in a worker process
 * and in Pagefind's own process, while Astro renders pages. Pagefind never reads the
 * built site. The index is written into `pagefind/index-<digest>/` (search-index.ts), named in
 * `pagefind/index.json` for the search page; an index a rebuild finds unchanged stays.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import { publishesDrafts } from './archive-mode.ts';
import type { KeepsOutput } from './previous-output.ts';
import type { Indexed } from './search-index.ts';
import type { SearchWorkerData, SearchWorkerReply } from './search-worker.ts';

/** What the search page reads first: the index's folder in `pagefind/`. */
export interface SearchIndexList {
  dir: string;
}

function indexInWorker(data: SearchWorkerData): Promise<Indexed> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(new URL('./search-worker.ts', import.meta.url)), {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The worker mostly waits on Pagefind and keeps little: V8's default young generation
      // made it 300 MB at 10,000 articles, this 200 MB, with no more time spent collecting.
      execArgv: [...process.execArgv, '--max-semi-space-size=4'],
    });
    worker.once('message', (reply: SearchWorkerReply) => (reply.ok ? resolve(reply.indexed) : reject(new Error(`the search index could not be built: ${reply.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code, signal) => reject(new Error(`the search index worker stopped (${signal ?? `code ${code}`})`)));
    worker.send(data);
  });
}

export function pagefind(): AstroIntegration & KeepsOutput {
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
        indexing = indexInWorker({ root, cacheDir, pagefindDir, includeDrafts: publishesDrafts('build') });
        // A failure is reported when the pages are done, not as an unhandled rejection meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        const { dir, pages, reused, ms } = await indexing!;
        if (reused) kept.push(join(pagefindDir, dir));
        const list: SearchIndexList = { dir };
        await writeFile(join(pagefindDir, 'index.json'), JSON.stringify(list));
        // The benchmark reads this line for its "search index" stage.
        logger.info(`search index: ${pages} pages in ${Math.round(ms)} ms (${reused ? 'unchanged' : 'indexed'})`);
      },
    },
  };
}
