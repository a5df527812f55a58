/**
 * `npm run build`: `astro build` in a Node process set up for rendering many thousands of pages.
 *
 * - `--max-semi-space-size=8`: V8's young generation grows to 128 MB by default; rendering a page
 *   leaves little behind, and a 16 MB one took the largest process of a 10,000-article build from
 *   0.81–1.01 GB to 0.69–0.80 GB with no more CPU time. The Markdown workers, which parse and make
 *   many short-lived objects, keep V8's default (src/archive/parallel.ts).
 * - `--heap-growing-percent=50`, for an archive of `LARGE_ARCHIVE` articles or more: the old
 *   generation may grow by half before V8 collects it again, not by V8's own factor of up to four;
 *   a build keeps far less than it allocates, so this took that process further to 0.54–0.60 GB.
 *   On a small archive it costs CPU time, and memory is no limit there: at 2,000 articles,
 *   alternated five times, 11.6–12.0 s (15.3–16.3 s of user time) with it against 10.4–11.7 s
 *   (13.4–14.7 s) without, for 0.37 GB against 0.50 GB; at 10,000 articles 52.5 s against 55.4 s,
 *   0.56 GB against 0.80 GB. So an archive below that size is built with V8's own growth.
 * - `MIMALLOC_ALLOW_THP=0`: Vite's bundler allocates with mimalloc, which asks Linux for
 *   transparent huge pages; the 2 MB pages its two seconds of bundling touched stayed resident for
 *   the rest of the build (224 MB at 10,000 articles; 50 MB without).
 *
 * V8 reads its heap flags, and mimalloc its options, only as a process starts, so this script
 * replaces itself with `node <flags> astro.mjs build <arguments>` (execve: same process, nothing
 * left waiting). The benchmark and the integration tests start the build through it too.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { archiveContentDir, listArticleFiles } from '../src/archive/content-dir.ts';

/** Articles from which the build holds its heap down (above): from there on memory is what limits
 * it, 2.9 GB at 50,000 articles (README, "How it is built"). */
const LARGE_ARCHIVE = 10_000;

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const large = (await listArticleFiles(archiveContentDir(process.cwd()))).length >= LARGE_ARCHIVE;
const args = ['--max-semi-space-size=8', ...(large ? ['--heap-growing-percent=50'] : []), astro, 'build', ...process.argv.slice(2)];
const env = { ...process.env, MIMALLOC_ALLOW_THP: '0' };

if (process.platform === 'win32') {
  // No execve on Windows: the build runs as a child, and its exit status is passed on.
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit', env }).status ?? 1);
}
process.execve!(process.execPath, [process.execPath, ...args], env);
