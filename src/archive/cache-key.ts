/**
 * The build's one way of naming what a cached thing was made from. Every cache (processed
 * articles, rendered pages, search shards, the names articles link) keys on `digest()` of its
 * inputs and on a `codeVersion()` of the code that made it. The code version covers the source
 * folders a cache's output depends on (every file, at any depth), the installed dependencies
 * (the lock file and the installed tree npm records), the Node.js version and the site's
 * settings: after `npm update`, a change in a subfolder or a new Node.js, a rebuild redoes
 * everything instead of serving what the old code made.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Kept apart from every part by a character no part holds. */
const SEPARATOR = '\u0000';

/** A digest of parts. Big lists (a person's thousands of articles) are joined, then hashed once:
 * a hash update per part costs a call into native code each. */
export function digest(parts: readonly (string | number | undefined)[]): string {
  return createHash('sha1').update(parts.join(SEPARATOR)).digest('hex');
}

/** Source folders or files, from the project's root, whose code makes a cache's output. */
export const CODE = {
  /** Processed articles and the names they link: the engine (with the shared room it imports),
   * and the sync and loaders that store it. */
  articles: ['src/shared', 'src/archive', 'src/loaders', 'src/lib/article-sync.ts'],
  /** Search shards: the engine (which makes the documents, with the shared room it imports) and
   * the integration that indexes them. */
  search: ['src/shared', 'src/archive', 'src/integrations'],
  /** Rendered pages: every source file and the site's configuration. */
  pages: ['src', 'astro.config.mjs'],
} as const;

/** What the installed packages are: the lock file, and the tree npm installed (which also
 * changes when a package is installed or patched without the lock file). */
const DEPENDENCIES = ['package-lock.json', join('node_modules', '.package-lock.json')];

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function hashFiles(hash: Hash, root: string, paths: readonly string[]): Promise<void> {
  const files = (await Promise.all(paths.map((path) => filesUnder(join(root, path))))).flat();
  // By path from the root with `/`, so the version is the same wherever the project is.
  const named = files.map((file) => ({ file, name: relative(root, file).split(sep).join('/') })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const contents = await Promise.all(named.map(({ file }) => readFile(file)));
  named.forEach(({ name }, i) => hash.update(`${SEPARATOR}${name}${SEPARATOR}`).update(contents[i]!));
}

/**
 * A digest of the code that makes a cache's output: `code` (folders and files from `root`), the
 * installed dependencies, the Node.js version, and `settings` (the site's address, base path and
 * anything else every output depends on).
 */
export async function codeVersion(root: string, code: readonly string[], settings: readonly (string | number | boolean)[]): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify([process.version, ...settings]));
  await hashFiles(hash, root, code);
  await hashFiles(hash, root, DEPENDENCIES);
  return hash.digest('hex');
}
