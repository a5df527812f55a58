/**
 * Builds an archive folder with the project's real build (`npm run build`'s script) into a
 * temporary folder, so integration and browser tests read the same HTML a user would deploy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp.ts';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** What a copy of the project needs to build: its source and configuration; node_modules is linked. */
const PROJECT_FILES = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** A copy of the project in a temporary folder, for a test that changes the code or its
 * dependencies between builds. */
export function projectCopy(): string {
  const copy = tempDir('news-archive-project');
  for (const name of PROJECT_FILES) cpSync(join(PROJECT_ROOT, name), join(copy, name), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

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
  /** The project to build with (a copy of this one: projectCopy()); this project by default. */
  project?: string;
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
  const project = options.project ?? PROJECT_ROOT;
  const result = spawnSync(process.execPath, [join(project, 'scripts', 'build.ts')], {
    cwd: project,
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
