/**
 * A worker process that builds the search index (search-index.ts), so reading the archive, making
 * the documents and talking to Pagefind never wait behind the page rendering. A process rather
 * than a thread, so its memory goes back to the system as soon as the index is done.
 */
import { close } from 'pagefind';
import type { ShardPlan } from './search-documents.ts';
import { indexArchive } from './search-index.ts';

export interface SearchWorkerData {
  root: string;
  cacheDir: string;
  /** The output's `pagefind/` folder. */
  pagefindDir: string;
  plans: ShardPlan[];
}

export type SearchWorkerReply = { ok: true; indexed: Awaited<ReturnType<typeof indexArchive>> } | { ok: false; error: string };

let finished = false;

process.once('message', async ({ root, cacheDir, pagefindDir, plans }: SearchWorkerData) => {
  let reply: SearchWorkerReply;
  try {
    reply = { ok: true, indexed: await indexArchive(root, cacheDir, pagefindDir, plans) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await close();
  }
  finished = true;
  // Then the process ends by itself. Pagefind's library stops its process without waiting for
  // it, so the kernel never adds Pagefind's CPU time to the build's; the benchmark polls it
  // (scripts/bench/run-build.ts).
  process.send!(reply!, () => process.disconnect());
});
// Should the build stop first, the channel closes: stop too.
process.once('disconnect', () => {
  if (!finished) process.exit(1);
});
