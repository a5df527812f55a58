/**
 * Builds an archive folder with the project's real build (`npm run build`'s script) into a
 * temporary folder, so integration and browser tests read the same HTML a user would deploy.
 */
import { spawn, spawnSync } from 'node:child_process';
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

/** The command, folder and environment of a build of `contentDir`; where it writes the site. */
function buildCommand(contentDir: string, options: BuildOptions) {
  const work = tempDir('news-archive-build');
  // A test may build into the same folder twice, as a newsroom rebuilds into dist/.
  const outDir = options.env?.ARCHIVE_OUT ?? join(work, 'dist');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !TEST_RUNNER_ENV.test(key)));
  const env = {
    ...inherited,
    ARCHIVE_CONTENT: contentDir,
    ARCHIVE_OUT: outDir,
    ARCHIVE_CACHE: join(work, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  const project = options.project ?? PROJECT_ROOT;
  return { outDir, args: [join(project, 'scripts', 'build.ts')], options: { cwd: project, env } };
}

function buildResult(outDir: string, status: number | null, stdout: string, stderr: string): BuildResult {
  return {
    ok: status === 0,
    outDir,
    output: `${stdout}\n${stderr}`,
    page(path) {
      const file = join(outDir, decodeURI(path), path.endsWith('/') ? 'index.html' : '');
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

export function buildArchive(contentDir: string, options: BuildOptions = {}): BuildResult {
  const { outDir, args, options: spawnOptions } = buildCommand(contentDir, options);
  const result = spawnSync(process.execPath, args, { ...spawnOptions, encoding: 'utf8' });
  return buildResult(outDir, result.status, result.stdout, result.stderr);
}

/** `buildArchive` without waiting for it, so that several builds can run at once; `pid` is the
 * build's own (scripts/build.ts becomes Astro in the same process). */
export function startBuild(contentDir: string, options: BuildOptions = {}): { pid: number; done: Promise<BuildResult> } {
  const { outDir, args, options: spawnOptions } = buildCommand(contentDir, options);
  const child = spawn(process.execPath, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<BuildResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve(buildResult(outDir, status, stdout, stderr)));
  });
  return { pid: child.pid!, done };
}
