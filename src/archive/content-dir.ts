/**
 * Reads an archive folder from disk: `articles/**\/*.md` and the entity folders. Used by the
 * Astro loaders, the content checker and the tests, so all three see the same files the same way.
 *
 * What is read: regular files named `*.md` or `*.markdown` (any case), in any sub-folder, and
 * links to files or folders inside the archive folder. Everything else is skipped with a finding
 * naming it, why, and what to do, so nothing disappears without a word: other file types, names
 * starting with `_` or `.` (the convention for templates and hidden files), links that lead
 * outside the archive folder (content never reads other files on the machine), links to what is
 * read already, and links that go round in circles. A Markdown name that cannot be read (a named
 * pipe, a broken link, a link loop) is an error: the editor meant an article there. Hidden files
 * that are not Markdown (`.DS_Store`, `.gitkeep`), the `.git` folder and the files Windows puts in
 * folders by itself are not content and get no finding.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { FILE_KINDS, KIND_LABELS, type FileKind } from './kinds.ts';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path shown to editors, relative to the project root and with forward slashes. */
  file: string;
  text: string;
}

/** The files of one folder of the archive that are read, and findings about those that are not. */
export interface Listing {
  /** Absolute paths, sorted. */
  paths: string[];
  findings: Diagnostic[];
}

const MARKDOWN = /\.(md|markdown)$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Not content, and put in folders by tools rather than by editors. */
const SILENT = new Set(['.git', 'Thumbs.db', 'desktop.ini']);

/** What the walk of one folder of the archive shares. */
interface Walk {
  /** Where editors' paths start (the archive folder's parent). */
  root: string;
  /** The archive folder, as given and with links resolved: nothing outside it is read. */
  contentDir: string;
  realContentDir: string;
  /** The folder walked (`articles/`), as editors name it in hints. */
  folder: string;
  /** Files to read, by real path: the path they are read at (the first to reach them). */
  files: Map<string, string>;
  /** Real paths of the folders walked, so that no folder is read twice or in circles. */
  folders: Map<string, string>;
  /** Links met while walking, followed once every folder reached without a link is known. */
  links: string[];
  findings: Diagnostic[];
}

function finding(walk: Walk, path: string, severity: Diagnostic['severity'], message: string, hint: string): void {
  walk.findings.push({ severity, code: 'file', file: displayPath(path, walk.root), message, hint });
}

/** A real path inside the archive folder, as editors see it; undefined for one outside it. */
function shownInside(walk: Walk, real: string): string | undefined {
  const rel = relative(walk.realContentDir, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return displayPath(join(walk.contentDir, rel), walk.root);
}

function specialKind(info: Dirent | Stats): string | undefined {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return undefined;
}

/** Why a regular file that is not named like Markdown is not read, and what to do. */
function notMarkdown(walk: Walk, path: string, name: string): void {
  const trimmed = name.trim();
  if (trimmed !== name && MARKDOWN.test(trimmed)) {
    const where = name.startsWith(trimmed) ? 'ends' : 'begins';
    finding(walk, path, 'warning', `not read: the name "${name}" ${where} with a space`, `rename it to "${trimmed}"`);
    return;
  }
  const stem = name.replace(/\.[^.]*$/, '');
  if (/\.mdx$/i.test(name)) {
    finding(walk, path, 'warning', 'not read: MDX files can run code, and the archive reads Markdown only', `if it is plain Markdown, rename it to "${stem}.md"`);
    return;
  }
  const backup = /^(.*\.(?:md|markdown))(?:~|\.[a-z0-9]+|#)$/i.exec(name.replace(/^#/, ''));
  if (backup) {
    finding(walk, path, 'warning', `not read: the name looks like a backup copy of ${backup[1]}`, `delete it if it is a backup; if it is the one to publish, rename it to "${backup[1]}"`);
    return;
  }
  finding(walk, path, 'warning', 'not read: only Markdown files (.md, .markdown) are read', `rename it to "${stem}.md" if it is meant for the archive, or move it out of ${walk.folder}/`);
}

/** Lists one folder, recording files to read and findings; links are left for later. */
async function walkFolder(walk: Walk, dir: string, realDir: string): Promise<void> {
  walk.folders.set(realDir, dir);
  if (MARKDOWN.test(basename(dir))) {
    finding(walk, dir, 'warning', 'this is a folder, not a Markdown file: the files in it are read, the folder itself is not', 'rename the folder if its name is a mistake');
  }
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    finding(walk, dir, 'error', `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'check that it is a folder you can open, or move the files out of it');
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const folders: [string, string][] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (!skippedByName(walk, path, entry.name, entry.isDirectory())) {
      if (entry.isSymbolicLink()) walk.links.push(path);
      else if (entry.isDirectory()) folders.push([path, join(realDir, entry.name)]);
      else take(walk, path, join(realDir, entry.name), entry);
    }
  }
  for (const [path, real] of folders) await walkFolder(walk, path, real);
}

const DRAFTS = '; for an article not ready yet, draft: true keeps it off the site but in npm run dev and npm run check';

/** True (with a finding where one is due) for a name the archive does not read, whatever it is. */
function skippedByName(walk: Walk, path: string, name: string, isFolder: boolean): boolean {
  if (SILENT.has(name)) return true;
  if (name.startsWith('.')) {
    if (!isFolder && !MARKDOWN.test(name)) return true;
    const what = isFolder ? 'a folder whose name starts with "." is hidden, and nothing in it is read' : 'a name starting with "." makes the file hidden';
    finding(walk, path, 'warning', `not read: ${what}`, `that is the convention for files kept out of the site; to publish ${isFolder ? 'its articles' : 'it'}, rename it without the "."${isFolder ? '' : DRAFTS}`);
    return true;
  }
  if (name.startsWith('_')) {
    const what = isFolder ? 'a folder whose name starts with "_" is kept out of the archive, with everything in it' : 'a name starting with "_" keeps the file out of the archive';
    finding(walk, path, 'warning', `not read: ${what}`, `that is the convention for templates and notes; to publish ${isFolder ? 'its articles' : 'it'}, rename it without the "_"${isFolder ? '' : DRAFTS}`);
    return true;
  }
  return false;
}

/** A file (or what a link leads to) that is not a folder: read when it is Markdown, else a finding. */
function take(walk: Walk, path: string, real: string, info: Dirent | Stats): void {
  const name = basename(path);
  const special = specialKind(info);
  if (special !== undefined) {
    if (MARKDOWN.test(name)) finding(walk, path, 'error', `cannot be read: it is ${special}, not a file`, 'replace it with the Markdown file, or delete it');
    else finding(walk, path, 'warning', `not read: it is ${special}, not a file`, `delete it, or move it out of ${walk.folder}/`);
    return;
  }
  if (!MARKDOWN.test(name)) {
    notMarkdown(walk, path, name);
    return;
  }
  const first = walk.files.get(real);
  if (first !== undefined) {
    finding(walk, path, 'warning', `not read: it is a link to ${displayPath(first, walk.root)}, which is read already`, 'delete the link: every file is read once, at its own place');
    return;
  }
  walk.files.set(real, path);
}

/** Follows a link: to a file or folder inside the archive folder, once; anything else is a finding. */
async function follow(walk: Walk, path: string): Promise<void> {
  const markdown = MARKDOWN.test(basename(path));
  const broken = (message: string, hint: string) => finding(walk, path, markdown ? 'error' : 'warning', `${markdown ? 'cannot be read' : 'not read'}: ${message}`, hint);
  const written = await readlink(path).catch(() => '?');
  let real: string;
  let info: Stats;
  try {
    real = await realpath(path);
    info = await stat(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') broken(`it is a link to ${written}, which does not exist`, 'point the link at the file, or delete it');
    else if (code === 'ELOOP') broken('it is a link that leads round in a circle of links', 'delete the link, or point it at the file');
    else broken(`it is a link that cannot be followed (${code ?? String(error)})`, 'point the link at the file, or delete it');
    return;
  }
  const target = shownInside(walk, real);
  if (target === undefined) {
    finding(walk, path, 'warning', `not read: it is a link to ${written}, outside the archive folder, and the archive never reads files outside it`, `copy the ${info.isDirectory() ? 'folder' : 'file'} into ${walk.folder}/ instead of linking to it`);
    return;
  }
  if (!info.isDirectory()) {
    take(walk, path, real, info);
    return;
  }
  const realParent = await realpath(dirname(path));
  if (realParent === real || realParent.startsWith(real + sep)) {
    finding(walk, path, 'warning', `not read: it is a link to ${target}, a folder that holds the link itself, so following it would go round in circles`, 'delete the link');
    return;
  }
  const first = walk.folders.get(real);
  if (first !== undefined) {
    finding(walk, path, 'warning', `not read: it is a link to ${displayPath(first, walk.root)}, a folder read already`, 'delete the link: every folder is read once, at its own place');
    return;
  }
  await walkFolder(walk, path, real);
}

/**
 * Lists the Markdown files under `dir` (a folder of the archive at `contentDir`). Folders reached
 * without a link are walked first, so a file or folder that is also reached through a link is
 * read at its own place; links are then followed in order, and links inside linked folders after them.
 */
async function listMarkdown(contentDir: string, dir: string): Promise<Listing> {
  const root = dirname(contentDir);
  const walk: Walk = { root, contentDir, realContentDir: '', folder: displayPath(dir, root), files: new Map(), folders: new Map(), links: [], findings: [] };
  let realDir: string;
  try {
    walk.realContentDir = await realpath(contentDir);
    realDir = await realpath(dir);
    if (!(await stat(realDir)).isDirectory()) return { paths: [], findings: [] };
  } catch {
    // A missing folder holds nothing; archiveFindings() says whether it should be there.
    return { paths: [], findings: [] };
  }
  if (shownInside(walk, realDir) === undefined) {
    // `articles/` itself linked elsewhere is how the archive was set up, not something an article
    // did: that folder becomes the boundary, and links inside it still may not leave it.
    walk.contentDir = dir;
    walk.realContentDir = realDir;
  }
  await walkFolder(walk, dir, realDir);
  while (walk.links.length > 0) {
    const links = walk.links.splice(0).sort();
    for (const link of links) await follow(walk, link);
  }
  walk.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { paths: [...walk.files.values()].sort(), findings: walk.findings };
}

export function displayPath(path: string, root: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Reads a file as UTF-8; bytes that are not UTF-8 are a finding, never replacement characters. */
export async function readSource(path: string, root: string): Promise<SourceFile | Diagnostic> {
  const file = displayPath(path, root);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { severity: 'error', code: 'file', file, message: `the file cannot be read (${code})`, hint: 'check that it is a file you can open, and build again' };
  }
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

/** The article files of the archive, and findings about the files in `articles/` that are not read. */
export async function listArticles(contentDir: string): Promise<Listing> {
  return listMarkdown(contentDir, articlesDir(contentDir));
}

export async function listArticleFiles(contentDir: string): Promise<string[]> {
  return (await listArticles(contentDir)).paths;
}

/** The entity files of the archive by kind, and findings about the files in their folders that are not read. */
export async function listEntities(contentDir: string): Promise<{ files: { kind: FileKind; path: string }[]; findings: Diagnostic[] }> {
  const lists = await Promise.all(FILE_KINDS.map(async (kind) => ({ kind, listing: await listMarkdown(contentDir, entityDir(contentDir, kind)) })));
  return {
    files: lists.flatMap(({ kind, listing }) => listing.paths.map((path) => ({ kind, path }))),
    findings: lists.flatMap(({ listing }) => listing.findings),
  };
}

async function statOf(path: string): Promise<Stats | undefined> {
  return stat(path).catch(() => undefined);
}

/**
 * Findings about the archive folder as a whole, which stop a build before it touches its output:
 * no archive folder, no `articles/` folder, no article at all (a build would publish an empty site
 * over the last one), and an entity folder that is a file. `articles` is how many article files
 * the listing found.
 */
export async function archiveFindings(contentDir: string, articles: number): Promise<Diagnostic[]> {
  const root = dirname(contentDir);
  const shown = displayPath(contentDir, root);
  const error = (file: string, message: string, hint: string): Diagnostic => ({ severity: 'error', code: 'file', file, message, hint });
  const folder = await statOf(contentDir);
  if (folder === undefined) return [error(shown, `there is no archive folder at ${contentDir}`, `set ARCHIVE_CONTENT to the folder that holds articles/, or create ${shown}/articles/ and write an article with npm run new`)];
  if (!folder.isDirectory()) return [error(shown, `the archive folder ${contentDir} is a file, not a folder`, 'set ARCHIVE_CONTENT to the folder that holds articles/')];
  const findings: Diagnostic[] = [];
  const articlesFolder = displayPath(articlesDir(contentDir), root);
  const info = await statOf(articlesDir(contentDir));
  if (info === undefined) findings.push(error(articlesFolder, `the archive folder has no articles/ folder`, `put the articles in ${articlesFolder}/, or set ARCHIVE_CONTENT to the folder that holds articles/`));
  else if (!info.isDirectory()) findings.push(error(articlesFolder, 'this is a file, where the folder of articles should be', `move it away and put the articles in a folder ${articlesFolder}/`));
  else if (articles === 0) findings.push(error(articlesFolder, 'the archive has no articles', 'write one with npm run new; a build without articles would publish an empty site'));
  for (const kind of FILE_KINDS) {
    const entity = await statOf(entityDir(contentDir, kind));
    if (entity !== undefined && !entity.isDirectory()) {
      findings.push({ severity: 'warning', code: 'file', file: displayPath(entityDir(contentDir, kind), root), message: `this is a file, where the folder of ${KIND_LABELS[kind].singular.toLowerCase()} files would be, so none is read`, hint: `move it away, or make it a folder of Markdown files` });
    }
  }
  return findings;
}
