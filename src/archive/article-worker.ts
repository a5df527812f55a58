/**
 * A worker thread of parallel.ts: processes batches of articles against the archive's names.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processArticle } from './article.ts';
import type { EntityFile } from './entity-file.ts';
import { buildNameIndex } from './name-index.ts';
import type { ArticleJob, WorkerBatch } from './parallel.ts';

const { entityFiles, base } = workerData as { entityFiles: EntityFile[]; base: string };
const context = { names: buildNameIndex(entityFiles), base };

parentPort!.on('message', ({ id, jobs }: { id: number; jobs: ArticleJob[] }) => {
  const batch: WorkerBatch = { id, results: jobs.map((job) => processArticle(job.text, job.file, context)) };
  parentPort!.postMessage(batch);
});
