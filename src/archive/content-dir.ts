/**
 * Reads an archive folder from disk: `articles/**\/*.md` and the entity folders. Used by the
 * Astro loaders, the content checker and the tests, so all three see the same files the same way.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { FILE_KINDS, type FileKind } from './kinds.ts';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path shown to editors, relative to the project root and with forward slashes. */
  file: string;
  text: string;
}

const MARKDOWN = /\.(md|markdown)$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

async function listMarkdown(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && MARKDOWN.test(e.name) && !e.name.startsWith('_') && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function displayPath(path: string, root: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Reads a file as UTF-8; bytes that are not UTF-8 are a finding, never replacement characters. */
export async function readSource(path: string, root: string): Promise<SourceFile | Diagnostic> {
  const file = displayPath(path, root);
  const bytes = await readFile(path);
  try {
    return { path, file, text: utf8.decode(bytes) };
  } catch {
    return { severity: 'error', code: 'file', file, message: 'the file is not UTF-8 text', hint: 'save it again as UTF-8 in your editor' };
  }
}

/** The archive folder of a build of the project at `root`: ARCHIVE_CONTENT, else `content/`. */
export function archiveContentDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.ARCHIVE_CONTENT ?? 'content');
}

export function articlesDir(contentDir: string): string {
  return join(contentDir, 'articles');
}

export function entityDir(contentDir: string, kind: FileKind): string {
  return join(contentDir, kind);
}

export async function listArticleFiles(contentDir: string): Promise<string[]> {
  return listMarkdown(articlesDir(contentDir));
}

export async function listEntityFiles(contentDir: string): Promise<{ kind: FileKind; path: string }[]> {
  const lists = await Promise.all(
    FILE_KINDS.map(async (kind) => (await listMarkdown(entityDir(contentDir, kind))).map((path) => ({ kind, path }))),
  );
  return lists.flat();
}
