/**
 * A worker process that does one job beside the page rendering and answers once: the search index
 * and the feeds and API files are each made in one. A process rather than a thread, so its memory
 * goes back to the system as soon as the job is done.
 */
import { fork, type Serializable } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Starts `module` (a file that calls `serveJob`), hands it `data` and resolves with its answer;
 * `what` names the job in errors ("the search index"). */
export function runJob<T>(module: URL, data: Serializable, what: string, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(module), {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The workers keep little and run beside the largest processes of the build: V8's default
      // young generation made the search worker 300 MB at 10,000 articles, this 200 MB, with no
      // more time spent collecting.
      execArgv: [...process.execArgv, '--max-semi-space-size=4'],
      env,
    });
    worker.once('message', (reply: Reply<T>) => (reply.ok ? resolve(reply.value) : reject(new Error(`${what} could not be made: ${reply.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code, signal) => reject(new Error(`the worker making ${what} stopped (${signal ?? `code ${code}`})`)));
    worker.send(data);
  });
}

/** The worker's side: does the job with the data it is handed, answers, and then ends by itself
 * (exiting with a code here could reach the build before the answer). Should the build stop
 * first, the channel closes, and the worker stops too. */
export function serveJob<D, T>(job: (data: D) => Promise<T>, after?: () => Promise<unknown>): void {
  let finished = false;
  process.once('message', async (data: D) => {
    let reply: Reply<T>;
    try {
      reply = { ok: true, value: await job(data) };
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    } finally {
      await after?.();
    }
    finished = true;
    process.send!(reply!, () => process.disconnect());
  });
  process.once('disconnect', () => {
    if (!finished) process.exit(1);
  });
}
