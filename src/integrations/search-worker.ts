/**
 * A worker thread that builds the search index (search-index.ts), so reading the archive, making
 * the documents and talking to Pagefind never wait behind the page rendering on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { close } from 'pagefind';
import { indexArchive } from './search-index.ts';

export interface SearchWorkerData {
  root: string;
  cacheDir: string;
  /** The output's `pagefind/` folder. */
  pagefindDir: string;
  includeDrafts: boolean;
}

export type SearchWorkerReply = { ok: true; indexed: Awaited<ReturnType<typeof indexArchive>> } | { ok: false; error: string };

const { root, cacheDir, pagefindDir, includeDrafts } = workerData as SearchWorkerData;
let reply: SearchWorkerReply;
try {
  reply = { ok: true, indexed: await indexArchive(root, cacheDir, pagefindDir, includeDrafts) };
} catch (error) {
  reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
} finally {
  await close();
}
parentPort!.postMessage(reply!);
