import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STALE_MS, acquireLock, isStale, lockFileFor, lockOwner, releaseLock, type LockOwner } from '../../src/integrations/build-lock.ts';
import { tempDir } from '../helpers/temp.ts';

/** A pid that was a process on this host and is not any more. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

function lockIn(dir: string, owner: Partial<LockOwner> | string, renewedAgoMs = 0): string {
  const path = lockFileFor(join(dir, 'dist'));
  writeFileSync(path, typeof owner === 'string' ? owner : JSON.stringify({ started: '2026-01-01T00:00:00.000Z', token: 'theirs', ...owner }));
  const renewed = new Date(Date.now() - renewedAgoMs);
  utimesSync(path, renewed, renewed);
  return path;
}

const held = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
const noWait = { onWait: () => expect.unreachable('waited for an abandoned lock'), pollMs: 10 };

describe('the build lock', () => {
  it('is a file beside the folder it guards, holding pid, host and start time, removed on release', async () => {
    const dir = tempDir('build-lock');
    const path = lockFileFor(join(dir, 'dist'));
    expect(path).toBe(join(dir, '.dist.build.lock'));
    const owner = await acquireLock(path, noWait);
    expect(held(path)).toEqual({ pid: process.pid, host: hostname(), started: owner.started, token: owner.token });
    releaseLock(path, owner);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose build is dead on this host, however recently renewed', async () => {
    const dir = tempDir('build-lock');
    const path = lockIn(dir, { pid: deadPid(), host: hostname() });
    const owner = await acquireLock(path, noWait);
    expect(held(path).token).toBe(owner.token);
    expect(readdirSync(dir)).toEqual(['.dist.build.lock']);
  });

  it('takes over a lock not renewed for too long, on another host or by a pid reused since', async () => {
    for (const host of ['another-host', hostname()]) {
      const dir = tempDir('build-lock');
      const path = lockIn(dir, { pid: process.pid, host }, STALE_MS + 1_000);
      const owner = await acquireLock(path, noWait);
      expect(held(path)).toEqual(owner);
    }
  });

  it('takes over a lock file left unwritten by a build that died creating it, once it is stale', async () => {
    const dir = tempDir('build-lock');
    const path = lockIn(dir, '', STALE_MS + 1_000);
    const owner = await acquireLock(path, noWait);
    expect(held(path).token).toBe(owner.token);
  });

  it('waits while a live build holds the lock, naming it, and takes it once it is given back', async () => {
    const dir = tempDir('build-lock');
    const first = await acquireLock(lockFileFor(join(dir, 'dist')), noWait);
    const path = lockFileFor(join(dir, 'dist'));
    const waitedFor: (LockOwner | undefined)[] = [];
    let taken = false;
    const second = acquireLock(path, { onWait: (owner) => waitedFor.push(owner), pollMs: 10 }).then((owner) => ((taken = true), owner));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(taken).toBe(false);
    expect(waitedFor[0]).toEqual(first);
    releaseLock(path, first);
    const owner = await second;
    expect(held(path).token).toBe(owner.token);
  });

  it('waits for a lock file still being written, and for a live build on another host', async () => {
    expect(isStale(undefined, Date.now() - 1_000, Date.now())).toBe(false);
    expect(isStale({ pid: deadPid(), host: 'another-host', started: '', token: '' }, Date.now() - 1_000, Date.now())).toBe(false);
    expect(isStale({ pid: process.pid, host: hostname(), started: '', token: '' }, Date.now() - 1_000, Date.now())).toBe(false);
  });

  it('on release leaves a lock that another build has taken over since', async () => {
    const dir = tempDir('build-lock');
    const path = lockFileFor(join(dir, 'dist'));
    const owner = await acquireLock(path, noWait);
    lockIn(dir, { pid: process.pid, host: hostname() });
    releaseLock(path, owner);
    expect(held(path).token).toBe('theirs');
    releaseLock(join(dir, 'gone.lock'), owner);
    expect(existsSync(join(dir, 'gone.lock'))).toBe(false);
  });

  it('is taken by the owner made beforehand, and released by it while still being taken (a signal then)', async () => {
    const dir = tempDir('build-lock');
    const path = lockFileFor(join(dir, 'dist'));
    const owner = lockOwner();
    expect(await acquireLock(path, { ...noWait, owner })).toBe(owner);
    expect(held(path)).toEqual(owner);
    expect(readdirSync(dir)).toEqual(['.dist.build.lock']);
    releaseLock(path, owner);
    // Caught between writing its draft and linking it into place: the draft goes, and no lock is left.
    const taking = lockOwner();
    writeFileSync(`${path}.${taking.token}.draft`, JSON.stringify(taking));
    releaseLock(path, taking);
    expect(readdirSync(dir)).toEqual([]);
  });
});
