/**
 * The worker process (job-worker.ts) that builds the search index (search-index.ts), so reading
 * the archive, making the documents and talking to Pagefind never wait behind the page rendering.
 */
import { close } from 'pagefind';
import type { ShardPlan } from './search-documents.ts';
import { indexArchive } from './search-index.ts';
import { serveJob } from './job-worker.ts';

export interface SearchWorkerData {
  root: string;
  cacheDir: string;
  /** The output's `pagefind/` folder. */
  pagefindDir: string;
  plans: ShardPlan[];
}

// Pagefind's library stops its process without waiting for it, so the kernel never adds
// Pagefind's CPU time to the build's; the benchmark polls it (scripts/bench/run-build.ts).
serveJob(({ root, cacheDir, pagefindDir, plans }: SearchWorkerData) => indexArchive(root, cacheDir, pagefindDir, plans), close);
