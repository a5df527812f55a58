/**
 * Processing many articles on every core. Parsing and rendering Markdown is the bulk of a cold
 * build and each article is independent, so batches go to worker processes, each with its own
 * copy of the archive's names. Processes rather than threads: a thread's memory stays with the
 * process after the thread ends (550 MB of it after 10,000 articles, held through the rest of the
 * build), a process gives it back when it exits. A handful of changed files is processed here:
 * starting workers costs more than it saves.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { processArticle, type ArticleResult } from './article.ts';
import type { EntityFile } from './entity-file.ts';
import { buildNameIndex } from './name-index.ts';

/** The heap settings scripts/build.ts gives the build's process. */
const BUILD_HEAP_FLAGS = /^--(max-semi-space-size|heap-growing-percent)=/;

export interface ArticleJob {
  text: string;
  file: string;
}

/** The first message to a worker: what every article is processed against. */
export interface WorkerInit {
  entityFiles: readonly EntityFile[];
  base: string;
  inspect: boolean;
}

export interface WorkerJobs {
  id: number;
  jobs: ArticleJob[];
}

export interface WorkerBatch {
  id: number;
  results: ArticleResult[];
}

export interface ParallelOptions<T> {
  /** Worker processes to use; defaults to the machine's cores. */
  workers?: number;
  /** Below this many articles, work in this process. */
  minForWorkers?: number;
  batchSize?: number;
  /** Inspect each body for the content check (ArticleContext). */
  inspect?: boolean;
  /** What to keep of each result, called as results arrive (the index is the job's), so a caller
   * can store bodies away instead of holding every one until the last article is done. */
  each?: (result: ArticleResult, at: number) => T;
}

/** Results (or what `each` keeps of them) in the order of `jobs`. */
export async function processArticles<T = ArticleResult>(
  jobs: readonly ArticleJob[],
  entityFiles: readonly EntityFile[],
  base: string,
  { workers: count = availableParallelism(), minForWorkers = 200, batchSize = 64, inspect = false, each = (result) => result as T }: ParallelOptions<T> = {},
): Promise<T[]> {
  if (count < 2 || jobs.length < minForWorkers) {
    const context = { names: buildNameIndex(entityFiles), base, inspect };
    return jobs.map((job, at) => each(processArticle(job.text, job.file, context), at));
  }
  const results: T[] = new Array(jobs.length);
  const batches: { id: number; start: number; jobs: ArticleJob[] }[] = [];
  for (let start = 0; start < jobs.length; start += batchSize) {
    batches.push({ id: batches.length, start, jobs: jobs.slice(start, start + batchSize) });
  }
  const workerFile = fileURLToPath(new URL('./article-worker.ts', import.meta.url));
  const init: WorkerInit = { entityFiles, base, inspect };
  // The build's own process collects garbage early and often (scripts/build.ts); parsing makes
  // many short-lived objects and took 5–30% longer an article that way: workers keep V8's defaults.
  const execArgv = process.execArgv.filter((arg) => !BUILD_HEAP_FLAGS.test(arg));
  const workers = Array.from({ length: Math.min(count, batches.length) }, () =>
    fork(workerFile, { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let done = false;
            const send = () => {
              const batch = batches[next++];
              if (!batch) {
                done = true;
                return resolve();
              }
              worker.send({ id: batch.id, jobs: batch.jobs } satisfies WorkerJobs);
            };
            worker.on('message', ({ id, results: finished }: WorkerBatch) => {
              const start = batches[id]!.start;
              try {
                finished.forEach((result, i) => (results[start + i] = each(result, start + i)));
              } catch (error) {
                return reject(error);
              }
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code, signal) => {
              if (!done) reject(new Error(`an article worker stopped (${signal ?? `code ${code}`}) before its work was done`));
            });
            worker.send(init);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map(stop));
  }
  return results;
}

/** Ends a worker and waits until it has exited. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill();
  });
}
