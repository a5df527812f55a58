/**
 * One build at a time per output folder and per build cache. A build writes over the last one's
 * output and cleans up after itself (previous-output.ts), appends to the article cache and writes
 * search shards into the output: two builds doing that at once in one folder failed, left
 * `.partial` shards behind and once an incomplete one. So a build first takes a lock on each of
 * the two folders, and a second build waits until the first is done.
 *
 * A lock is a file beside the folder it guards (`dist` → `.dist.build.lock`), holding the owner's
 * pid, host and start time: written whole to a draft, then hard-linked into place, which fails
 * when a lock is there already. The owner renews it (its modification time) while
 * it runs and removes it when it is done, fails or is stopped by a signal. A lock is abandoned, and
 * taken over, when its pid is dead on this host, or when it has not been renewed for STALE_MS
 * (an owner on another host, or a pid reused since).
 *
 * The lock is taken in `astro:config:setup`, before any integration notes the build's start or the
 * content sync touches the cache, and given back in `astro:build:done`, so this integration comes
 * last in astro.config.mjs: its `build:done` runs after every other's. `astro sync` and `astro
 * check` take the cache's lock. The dev server takes none: it runs for hours, and a build would
 * wait for all of them.
 */
import type { AstroIntegration } from 'astro';
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a lock file holds. `token` tells this owner's lock from a later one at the same path. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  token: string;
}

/** How often an owner renews its lock; the event loop of a large build can stall for seconds. */
const RENEW_MS = 5_000;
/** A lock not renewed for this long is abandoned, whoever holds it. */
export const STALE_MS = 120_000;
const POLL_MS = 500;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function lockFileFor(dir: string): string {
  return join(dirname(dir), `.${basename(dir)}.build.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock is abandoned: `owner` is undefined while its file is still being written. */
export function isStale(owner: LockOwner | undefined, renewedMs: number, now: number, host = hostname()): boolean {
  if (now - renewedMs > STALE_MS) return true;
  return owner !== undefined && owner.host === host && !alive(owner.pid);
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Where `owner` writes its lock before putting it in place. */
const draftOf = (path: string, owner: LockOwner) => `${path}.${owner.token}.draft`;

/**
 * Creates the lock file, or false when there already is one. The owner is written to a draft of
 * its own and linked into place, so a lock file is never seen half-written by this process's
 * release on a signal, nor by another build.
 */
async function create(path: string, owner: LockOwner): Promise<boolean> {
  const draft = draftOf(path, owner);
  await writeFile(draft, JSON.stringify(owner));
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

/** The lock file's text and when it was last renewed, or undefined when it is gone. */
async function current(path: string): Promise<{ text: string; renewedMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, renewedMs: info.mtimeMs };
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes an abandoned lock whose text was `judged`. The file is moved aside first, atomically; if
 * what was moved is not the lock judged (another build took over in between), it is put back.
 */
async function takeOver(path: string, judged: string): Promise<void> {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (code(error) === 'ENOENT') return;
    throw error;
  }
  try {
    if ((await readFile(aside, 'utf8')) !== judged) await link(aside, path);
  } catch (error) {
    // EEXIST: a newer lock is in place already, and the one moved aside has lost its file.
    if (code(error) !== 'EEXIST') throw error;
  } finally {
    await unlink(aside);
  }
}

export interface AcquireOptions {
  /** Called before each wait, with the owner waited for. */
  onWait(owner: LockOwner | undefined): void;
  pollMs?: number;
  /** Who takes the lock (lockOwner()): a caller that may have to release it before this resolves
   * (on a signal) makes it first. */
  owner?: LockOwner;
}

export function lockOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomUUID() };
}

/** Takes the lock at `path`, waiting while another live owner holds it; resolves to this owner. */
export async function acquireLock(path: string, options: AcquireOptions): Promise<LockOwner> {
  const owner = options.owner ?? lockOwner();
  await mkdir(dirname(path), { recursive: true });
  while (!(await create(path, owner))) {
    const lock = await current(path);
    if (lock === undefined) continue;
    const holder = parseOwner(lock.text);
    if (isStale(holder, lock.renewedMs, Date.now())) {
      await takeOver(path, lock.text);
      continue;
    }
    options.onWait(holder);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? POLL_MS));
  }
  return owner;
}

const unlinkIfThere = (path: string) => {
  try {
    unlinkSync(path);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
};

/**
 * Removes the lock at `path` if it is still `owner`'s, and the owner's draft of it if the lock is
 * being taken right now. Synchronous, for a process's `exit` and signals.
 */
export function releaseLock(path: string, owner: LockOwner): void {
  unlinkIfThere(draftOf(path, owner));
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (code(error) === 'ENOENT') return;
    throw error;
  }
  if (parseOwner(text)?.token === owner.token) unlinkIfThere(path);
}

function waitingLine(owner: LockOwner | undefined, dir: string): string {
  if (owner === undefined) return `waiting for another build to finish with ${dir}`;
  return `waiting for build pid ${owner.pid} (on ${owner.host}, started ${owner.started}) to finish with ${dir}`;
}

export function buildLock(): AstroIntegration {
  // `taken` once the lock is this build's: only those are renewed, not another's being waited for.
  const held: { path: string; owner: LockOwner; taken: boolean }[] = [];
  let renewal: NodeJS.Timeout | undefined;
  const release = () => {
    clearInterval(renewal);
    for (const { path, owner } of held.splice(0)) releaseLock(path, owner);
    process.off('exit', release);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  // Released, then the signal raised again, so the build still ends as the signal says.
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.kill(process.pid, signal);
  };

  return {
    name: 'news-archive-build-lock',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        // `astro sync` (and `astro check`, which syncs first) writes the article cache too; it has
        // no hook after the sync, so it gives its lock back when the process ends.
        const guarded = command === 'build' ? [config.outDir, config.cacheDir] : command === 'sync' ? [config.cacheDir] : undefined;
        if (guarded === undefined) return;
        process.on('exit', release);
        for (const signal of SIGNALS) process.once(signal, onSignal);
        // Renewed from the start: the first lock stays fresh while the build waits for the second.
        renewal = setInterval(() => {
          const now = new Date();
          // A lock taken over meanwhile has no file to renew.
          for (const { path, taken } of held) if (taken) utimes(path, now, now).catch(() => undefined);
        }, RENEW_MS).unref();
        // In one order, so that two builds never each hold the lock the other waits for.
        const dirs = [...new Set(guarded.map((dir) => resolve(fileURLToPath(dir))))].sort();
        const waitedFor = new Set<string>();
        const onWait = (dir: string) => (owner: LockOwner | undefined) => {
          const who = owner === undefined ? '' : `${owner.pid}@${owner.host}`;
          if (waitedFor.has(who)) return;
          waitedFor.add(who);
          logger.info(waitingLine(owner, dir));
        };
        for (const dir of dirs) {
          // Held from before the file exists: a signal while the lock is being taken releases it too.
          const path = lockFileFor(dir);
          const owner = lockOwner();
          const lock = { path, owner, taken: false };
          held.push(lock);
          await acquireLock(path, { owner, onWait: onWait(dir) });
          lock.taken = true;
        }
      },
      'astro:build:done': release,
    },
  };
}
