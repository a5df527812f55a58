/**
 * Two builds at once in one folder (the same output and build cache) must not break each other:
 * the second waits for the first (src/integrations/build-lock.ts), both succeed, and what is left
 * is the site a single build writes, with no half-written search shard and no lock file.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, buildArchive, fixturePath, startBuild, type BuildResult } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { filesUnder, plain } from './support.ts';

const CONTENT = join(fixturePath('basic'), 'content');

/** Resolves once every one of `locks` exists: the build has taken them. */
async function taken(locks: string[]): Promise<void> {
  const until = Date.now() + 60_000;
  while (!locks.every(existsSync)) {
    if (Date.now() > until) throw new Error(`the build never took its locks: ${locks.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Names anywhere under `dir` that only an interrupted or overlapping build leaves. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.partial$|\.build\.lock|\.stale$/.test(name));
}

describe('two builds at once in one folder', () => {
  let work: string;
  let builds: BuildResult[];
  let pids: number[];
  let single: BuildResult;

  beforeAll(async () => {
    work = tempDir('news-archive-lock');
    const env = { ARCHIVE_OUT: join(work, 'dist'), ARCHIVE_CACHE: join(work, 'cache') };
    const started = [startBuild(CONTENT, { env }), startBuild(CONTENT, { env })];
    pids = started.map((build) => build.pid);
    builds = await Promise.all(started.map((build) => build.done));
    single = buildArchive(CONTENT);
  }, 600_000);

  it('both succeed, the second waiting for the first and saying so once', () => {
    for (const build of builds) expect(build.ok, build.output).toBe(true);
    const waits = builds.map((build) => [...plain(build.output).matchAll(/waiting for build pid (\d+) \(on [^,]+, started [^)]+\) to finish with (\S+)/g)]);
    expect(waits.map((lines) => lines.length).sort()).toEqual([0, 1]);
    const waiter = waits.findIndex((lines) => lines.length === 1);
    expect(Number(waits[waiter]![0]![1])).toBe(pids[1 - waiter]);
    expect([join(work, 'cache'), join(work, 'dist')]).toContain(waits[waiter]![0]![2]);
  });

  it('leave exactly the site a single build writes', () => {
    expect(single.ok, single.output).toBe(true);
    const files = filesUnder(single.outDir);
    expect(files.length).toBeGreaterThan(50);
    expect(filesUnder(join(work, 'dist'))).toEqual(files);
    const differ = files.filter((file) => !readFileSync(join(work, 'dist', file)).equals(readFileSync(join(single.outDir, file))));
    expect(differ).toEqual([]);
  });

  it('leave no half-written search shard and no lock file', () => {
    expect(leftovers(work)).toEqual([]);
  });
});

describe('a build that fails or is stopped', () => {
  it('gives its locks back when it fails', () => {
    const work = tempDir('news-archive-lock-failed');
    const failed = buildArchive(join(work, 'no-such-content'), { env: { ARCHIVE_OUT: join(work, 'dist'), ARCHIVE_CACHE: join(work, 'cache') } });
    expect(failed.ok).toBe(false);
    expect(plain(failed.output)).toContain('there is no archive folder');
    expect(leftovers(work)).toEqual([]);
  });

  // Stopped once both locks are held, and once the first is held while the second is being taken.
  for (const [signal, waitFor] of [['SIGINT', 2], ['SIGTERM', 2], ['SIGTERM', 1]] as const) {
    it(`gives its locks back on ${signal} ${waitFor === 2 ? 'once it holds both' : 'while it takes them'}, and ends as the signal says`, async () => {
      const work = tempDir('news-archive-lock-signal');
      const build = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.ts')], {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ARCHIVE_CONTENT: CONTENT, ARCHIVE_OUT: join(work, 'dist'), ARCHIVE_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => build.once('exit', (_, ended) => resolve(ended)));
      await taken([join(work, '.cache.build.lock'), join(work, '.dist.build.lock')].slice(0, waitFor));
      build.kill(signal);
      expect(await exited).toBe(signal);
      expect(leftovers(work)).toEqual([]);
    });
  }
});

describe('astro sync (and so npm run check) during a build', () => {
  it('waits for the build that holds the same cache, and both succeed', async () => {
    const work = tempDir('news-archive-lock-sync');
    const cache = join(work, 'cache');
    const build = startBuild(CONTENT, { env: { ARCHIVE_OUT: join(work, 'dist'), ARCHIVE_CACHE: cache } });
    await taken([join(work, '.cache.build.lock')]);
    // Fails (rejects) unless the sync exits 0; the build's output is read meanwhile.
    const sync = await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'sync'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ARCHIVE_CONTENT: CONTENT, ARCHIVE_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const built = await build.done;
    expect(built.ok, built.output).toBe(true);
    expect(plain(sync.stdout)).toContain(`waiting for build pid ${build.pid} `);
    expect(leftovers(work)).toEqual([]);
  });
});
