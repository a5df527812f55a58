/**
 * Builds an archive folder with the project's real build (`npm run build`'s script) into a
 * temporary folder, so integration and browser tests read the same HTML a user would deploy.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp.ts';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BUILD = join(PROJECT_ROOT, 'scripts', 'build.ts');

export interface BuildResult {
  ok: boolean;
  outDir: string;
  /** stdout and stderr together, for asserting on messages. */
  output: string;
  /** Reads a page by its site path (`/people/hun-sen/`), or undefined when it was not written. */
  page(path: string): string | undefined;
}

export interface BuildOptions {
  /** Extra environment, e.g. TZ or ARCHIVE_BASE. */
  env?: Record<string, string>;
}

export function fixturePath(name: string): string {
  return join(PROJECT_ROOT, 'tests', 'fixtures', name);
}

/** Variables Vitest sets for its own workers; a real build must not inherit them. */
const TEST_RUNNER_ENV = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

export function buildArchive(contentDir: string, options: BuildOptions = {}): BuildResult {
  const work = tempDir('news-archive-build');
  // A test may build into the same folder twice, as a newsroom rebuilds into dist/.
  const outDir = options.env?.ARCHIVE_OUT ?? join(work, 'dist');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !TEST_RUNNER_ENV.test(key)));
  const result = spawnSync(process.execPath, [BUILD], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: {
      ...inherited,
      ARCHIVE_CONTENT: contentDir,
      ARCHIVE_OUT: outDir,
      ARCHIVE_CACHE: join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
  });
  return {
    ok: result.status === 0,
    outDir,
    output: `${result.stdout}\n${result.stderr}`,
    page(path) {
      const file = join(outDir, decodeURI(path), path.endsWith('/') ? 'index.html' : '');
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}
