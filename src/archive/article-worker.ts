/**
 * A worker process of parallel.ts: processes batches of articles against the archive's names,
 * sent first.
 */
import { processArticle, type ArticleContext } from './article.ts';
import { buildNameIndex } from './name-index.ts';
import type { WorkerBatch, WorkerInit, WorkerJobs } from './parallel.ts';

let context: ArticleContext | undefined;

process.on('message', (message: WorkerInit | WorkerJobs) => {
  if (!('jobs' in message)) {
    context = { names: buildNameIndex(message.entityFiles), base: message.base, inspect: message.inspect };
    return;
  }
  const batch: WorkerBatch = { id: message.id, results: message.jobs.map((job) => processArticle(job.text, job.file, context)) };
  process.send!(batch);
});
// The parent ends the worker; should the parent die first, the channel closes and so does this.
process.on('disconnect', () => process.exit(0));
