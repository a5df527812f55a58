/**
 * Processing many articles on every core. Parsing and rendering Markdown is the bulk of a cold
 * build and each article is independent, so batches go to worker threads, each with its own copy
 * of the archive's names. A handful of changed files is processed in this thread: starting
 * workers costs more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { processArticle, type ArticleResult } from './article.ts';
import type { EntityFile } from './entity-file.ts';
import { buildNameIndex } from './name-index.ts';

export interface ArticleJob {
  text: string;
  file: string;
}

export interface WorkerBatch {
  id: number;
  results: ArticleResult[];
}

export interface ParallelOptions<T> {
  /** Threads to use; defaults to the machine's cores. */
  threads?: number;
  /** Below this many articles, work in this thread. */
  minForWorkers?: number;
  batchSize?: number;
  /** What to keep of each result, called as results arrive (the index is the job's), so a caller
   * can store bodies away instead of holding every one until the last article is done. */
  each?: (result: ArticleResult, at: number) => T;
}

/** Results (or what `each` keeps of them) in the order of `jobs`. */
export async function processArticles<T = ArticleResult>(
  jobs: readonly ArticleJob[],
  entityFiles: readonly EntityFile[],
  base: string,
  { threads = availableParallelism(), minForWorkers = 200, batchSize = 64, each = (result) => result as T }: ParallelOptions<T> = {},
): Promise<T[]> {
  if (threads < 2 || jobs.length < minForWorkers) {
    const context = { names: buildNameIndex(entityFiles), base };
    return jobs.map((job, at) => each(processArticle(job.text, job.file, context), at));
  }
  const results: T[] = new Array(jobs.length);
  const batches: { id: number; start: number; jobs: ArticleJob[] }[] = [];
  for (let start = 0; start < jobs.length; start += batchSize) {
    batches.push({ id: batches.length, start, jobs: jobs.slice(start, start + batchSize) });
  }
  const workerUrl = new URL('./article-worker.ts', import.meta.url);
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerUrl, { workerData: { entityFiles, base } }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              const batch = batches[next++];
              if (!batch) return resolve();
              worker.postMessage({ id: batch.id, jobs: batch.jobs });
            };
            worker.on('message', ({ id, results: done }: WorkerBatch) => {
              const start = batches[id]!.start;
              try {
                done.forEach((result, i) => (results[start + i] = each(result, start + i)));
              } catch (error) {
                return reject(error);
              }
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`an article worker stopped with code ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
