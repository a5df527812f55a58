/**
 * `npm run import -- <dir> [--from jekyll|hugo] [--out DIR] [--json] [--verbose]`
 *
 * Imports the Markdown posts of a Hugo or Jekyll site into an archive folder of this project:
 * every file under <dir> becomes `articles/<yyyy>/<yyyy-mm-dd>-<slug>.md` in --out, or is rejected
 * with its reason. Never overwrites a file and never stops at a bad one. Author, topic and source
 * records are read from the source site when they are there: Hugo's `content/authors/<slug>/_index.md`,
 * `content/topics/<slug>/_index.md` and `content/sources/source_<slug>.md`; Jekyll's
 * `data/team_members.csv` or `_data/team_members.csv`.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ImportLookups, ImportWarningKind, SourceFormat, TeamMember } from './import/rules.ts';
import { countOf } from '../src/shared/count-of.ts';
import { fastStart, parseCommandLine, stdio, type Output } from './cli.ts';

export interface ImportOptions {
  /** The folder of posts (searched recursively). */
  dir: string;
  from?: SourceFormat;
  /** The archive folder to write into (created when missing). */
  out: string;
}

export interface Rejection {
  /** Path relative to the source folder. */
  file: string;
  reason: string;
}

export interface ImportReport {
  format: SourceFormat;
  /** How the format was decided: `--from`, or the clue that gave it away. */
  formatFrom: string;
  sourceDir: string;
  outDir: string;
  /** Markdown posts found (section files such as Hugo's `_index.md` not counted). */
  files: number;
  imported: number;
  /** Imported files with at least one warning. */
  warned: number;
  rejected: Rejection[];
  warnings: { file: string; kind: ImportWarningKind; message: string }[];
  /** Files with each kind of warning, most first. */
  warningsByKind: { kind: ImportWarningKind; label: string; files: number }[];
  /** Source file → written file (relative to outDir). */
  written: { file: string; out: string }[];
  /** Template tags removed from bodies, by name, over all files. */
  templates: Record<string, number>;
  /** Frontmatter keys with no place in the contract, by files that had them. */
  droppedKeys: Record<string, number>;
  /** The author/topic/source records found, with their counts. */
  lookups: { authors?: number; topics?: number; sources?: number; team?: number };
  durationMs: number;
}

const MARKDOWN = /\.(md|markdown)$/i;


async function listPosts(dir: string): Promise<{ posts: string[]; skipped: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let skipped = 0;
  const posts: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !MARKDOWN.test(e.name)) continue;
    if (e.name.startsWith('_') || e.name.startsWith('.')) skipped++;
    else posts.push(join(e.parentPath, e.name));
  }
  return { posts: posts.sort(), skipped };
}

/** The folder itself and up to four above it: where a site keeps its records. */
function ancestors(dir: string): string[] {
  const list = [resolve(dir)];
  for (let i = 0; i < 4; i++) {
    const up = dirname(list.at(-1)!);
    if (up === list.at(-1)) break;
    list.push(up);
  }
  return list;
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Hugo or Jekyll, from the site's layout around the folder. */
export function detectFormat(dir: string): { format: SourceFormat; clue: string } | undefined {
  if (resolve(dir).split(sep).includes('_posts')) return { format: 'jekyll', clue: 'a _posts folder' };
  for (const at of ancestors(dir)) {
    for (const name of ['_config.yml', '_config.yaml', '_data', join('data', 'team_members.csv'), '.eleventy.js', 'eleventy.config.js']) {
      if (existsSync(join(at, name))) return { format: 'jekyll', clue: `${join(at, name)}` };
    }
    for (const name of ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'archetypes', join('authors', '_index.md'), '_index.md']) {
      if (existsSync(join(at, name))) return { format: 'hugo', clue: `${join(at, name)}` };
    }
  }
  return undefined;
}

/** The site's author, topic and source records around the folder, when it has them. */
export async function loadLookups(dir: string, format: SourceFormat): Promise<ImportLookups> {
  const { readImportFrontmatter } = await import('./import/frontmatter.ts');
  const { authorName, plainText, teamFromCsv } = await import('./import/rules.ts');
  const readData = async (path: string): Promise<Record<string, unknown> | undefined> => {
    try {
      const split = readImportFrontmatter(await readFile(path, 'utf8'), path, format);
      return split.ok ? split.data : undefined;
    } catch {
      return undefined;
    }
  };
  const lookups: ImportLookups = {};
  if (format === 'jekyll') {
    for (const at of ancestors(dir)) {
      for (const csv of [join(at, 'data', 'team_members.csv'), join(at, '_data', 'team_members.csv')]) {
        if (!existsSync(csv)) continue;
        const team: Map<string, TeamMember> = teamFromCsv(await readFile(csv, 'utf8'));
        return { team };
      }
    }
    return lookups;
  }
  for (const at of ancestors(dir)) {
    const authorsDir = join(at, 'authors');
    if (!lookups.authors && isDir(authorsDir)) {
      const authors = new Map<string, string>();
      for (const e of await readdir(authorsDir, { withFileTypes: true })) {
        const file = e.isDirectory() ? join(authorsDir, e.name, '_index.md') : MARKDOWN.test(e.name) && !e.name.startsWith('_') ? join(authorsDir, e.name) : undefined;
        if (!file || !existsSync(file)) continue;
        const data = await readData(file);
        const name = data && authorName(data);
        const slug = e.isDirectory() ? e.name : e.name.replace(MARKDOWN, '');
        if (name) authors.set(slug, name);
        if (name && typeof data?.['slug'] === 'string' && data['slug'] !== slug) authors.set(data['slug'], name);
      }
      lookups.authors = authors;
    }
    const topicsDir = join(at, 'topics');
    if (!lookups.topics && isDir(topicsDir)) {
      const topics = new Map<string, string>();
      for (const e of await readdir(topicsDir, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        const data = await readData(join(topicsDir, e.name, '_index.md'));
        const title = plainText(data?.['title']).text;
        if (title) topics.set(e.name, title);
      }
      lookups.topics = topics;
    }
    const sourcesDir = join(at, 'sources');
    if (!lookups.sources && isDir(sourcesDir)) {
      const sources = new Map<string, string>();
      for (const e of await readdir(sourcesDir, { withFileTypes: true })) {
        if (!e.isFile() || !MARKDOWN.test(e.name) || e.name.startsWith('_')) continue;
        const data = await readData(join(sourcesDir, e.name));
        const name = plainText(data?.['name']).text || plainText(data?.['title']).text;
        if (!name) continue;
        sources.set(e.name.replace(MARKDOWN, '').replace(/^source_/, ''), name);
        if (typeof data?.['slug'] === 'string') sources.set(data['slug'], name);
      }
      lookups.sources = sources;
    }
    if (lookups.authors || lookups.topics || lookups.sources) break;
  }
  return lookups;
}

export async function importArchive(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const { convertFile, WARNING_LABELS } = await import('./import/rules.ts');
  const sourceDir = resolve(options.dir);
  const outDir = resolve(options.out);
  if (!isDir(sourceDir)) throw new Error(`there is no folder at ${options.dir}`);
  const detected = options.from ? { format: options.from, clue: '--from' } : detectFormat(sourceDir);
  if (!detected) throw new Error(`cannot tell whether ${options.dir} is a Hugo or a Jekyll site: pass --from hugo or --from jekyll`);
  const { format } = detected;
  const lookups = await loadLookups(sourceDir, format);
  const { posts } = await listPosts(sourceDir);

  const report: ImportReport = {
    format,
    formatFrom: detected.clue,
    sourceDir,
    outDir,
    files: posts.length,
    imported: 0,
    warned: 0,
    rejected: [],
    warnings: [],
    warningsByKind: [],
    written: [],
    templates: {},
    droppedKeys: {},
    lookups: { authors: lookups.authors?.size, topics: lookups.topics?.size, sources: lookups.sources?.size, team: lookups.team?.size },
    durationMs: 0,
  };
  const taken = new Map<string, string>();
  await mkdir(outDir, { recursive: true });

  for (const path of posts) {
    const file = relative(sourceDir, path).split(sep).join('/');
    const reject = (reason: string) => report.rejected.push({ file, reason });
    try {
      const bytes = await readFile(path);
      let raw: string;
      try {
        raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        reject('the file is not UTF-8 text');
        continue;
      }
      const result = convertFile(raw, file, { format, lookups });
      if (!result.ok) {
        reject(result.reason);
        continue;
      }
      const other = taken.get(result.path);
      if (other) {
        reject(`${other} has the same date and address: both would be ${result.path} (/articles/${result.slug}/)`);
        continue;
      }
      const target = join(outDir, ...result.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      try {
        await writeFile(target, result.text, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          reject(`${result.path} already exists in ${options.out}; it was left as it is`);
          continue;
        }
        throw error;
      }
      taken.set(result.path, file);
      report.imported++;
      report.written.push({ file, out: result.path });
      if (result.warnings.length > 0) report.warned++;
      for (const w of result.warnings) report.warnings.push({ file, ...w });
      for (const [name, n] of Object.entries(result.templates)) report.templates[name] = (report.templates[name] ?? 0) + n;
      for (const key of result.droppedKeys) report.droppedKeys[key] = (report.droppedKeys[key] ?? 0) + 1;
    } catch (error) {
      reject(`could not be imported: ${(error as Error).message}`);
    }
  }
  const byKind = new Map<ImportWarningKind, Set<string>>();
  for (const w of report.warnings) byKind.set(w.kind, (byKind.get(w.kind) ?? new Set()).add(w.file));
  report.warningsByKind = [...byKind]
    .map(([kind, files]) => ({ kind, label: WARNING_LABELS[kind], files: files.size }))
    .sort((a, b) => b.files - a.files);
  report.durationMs = performance.now() - started;
  return report;
}

/** What the command prints: rejections one per line, warnings summarised (or all with --verbose). */
export function formatReport(report: ImportReport, options: { verbose?: boolean; shownDir?: string } = {}): string[] {
  const lines: string[] = [];
  const shown = options.shownDir ?? report.sourceDir;
  const at = (file: string) => `${shown.replace(/\/$/, '')}/${file}`;
  lines.push(`${report.format} site (${report.formatFrom === '--from' ? 'as given' : `found ${report.formatFrom}`}): ${report.files} posts in ${shown}`);
  const found = Object.entries(report.lookups).filter(([, n]) => n !== undefined);
  if (found.length > 0) lines.push(`records: ${found.map(([name, n]) => `${n} ${name}`).join(', ')}`);
  for (const r of report.rejected) lines.push(`${at(r.file)}: rejected: ${r.reason}`);
  if (options.verbose) {
    for (const w of report.warnings) lines.push(`${at(w.file)}: warning: ${w.message}`);
  } else if (report.warningsByKind.length > 0) {
    lines.push(`warnings (--verbose lists each):`);
    for (const { label, files } of report.warningsByKind) lines.push(`  ${countOf(files, 'file')}: ${label}`);
  }
  const templates = Object.entries(report.templates).sort(([, a], [, b]) => b - a);
  if (templates.length > 0) lines.push(`template tags removed: ${templates.slice(0, 10).map(([n, c]) => `${n} ×${c}`).join(', ')}${templates.length > 10 ? `, and ${templates.length - 10} more kinds` : ''}`);
  const dropped = Object.entries(report.droppedKeys).sort(([, a], [, b]) => b - a);
  if (dropped.length > 0) lines.push(`frontmatter keys not imported: ${dropped.slice(0, 10).map(([k, c]) => `${k.length > 30 ? `${k.slice(0, 30)}…` : k} ×${c}`).join(', ')}${dropped.length > 10 ? `, and ${dropped.length - 10} more` : ''}`);
  lines.push(
    `imported ${report.imported} of ${report.files} posts (${report.warned} with warnings), rejected ${report.rejected.length}, into ${report.outDir} (${Math.round(report.durationMs)} ms)`,
  );
  return lines;
}

const USAGE = `usage: npm run import -- <dir> [--from jekyll|hugo] [--out DIR] [--json] [--verbose]

  <dir>          the folder of Markdown posts (e.g. a Hugo site's content/news, a Jekyll site's _posts)
  --from         the generator (default: guessed from the site around <dir>)
  --out DIR      the archive folder to write into (default: a new folder imported-<name>-<time>)
  --json         print the full report as JSON
  --verbose      list every warning`;

export async function main(argv: string[], io: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: { from: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`error: give one folder to import\n${USAGE}`);
    return 2;
  }
  if (values.from !== undefined && values.from !== 'hugo' && values.from !== 'jekyll') {
    io.err(`error: --from must be hugo or jekyll, not "${values.from}"`);
    return 2;
  }
  const cwd = env.INIT_CWD ?? process.cwd();
  const dir = resolve(cwd, positionals[0]!);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const out = resolve(cwd, values.out ?? `imported-${basename(dir)}-${stamp}`);
  let report: ImportReport;
  try {
    report = await importArchive({ dir, from: values.from, out });
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return 2;
  }
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else {
    for (const line of formatReport(report, { verbose: values.verbose, shownDir: positionals[0]! })) io.out(line);
    if (report.imported > 0) {
      const shownOut = relative(cwd, out) || '.';
      io.out(`next: npm run check -- --content ${shownOut}   and   ARCHIVE_CONTENT=${out} npm run build`);
    }
  }
  return report.imported === 0 && report.files > 0 ? 1 : 0;
}

if (import.meta.main) {
  fastStart();
  process.exitCode = await main(process.argv.slice(2), stdio);
}
