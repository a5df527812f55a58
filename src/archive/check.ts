/**
 * The content check behind `npm run check`: everything the build would report about an archive
 * folder, plus what only an editor needs to know and the build does not stop for:
 * - entity files no article names;
 * - internal links written in Markdown (or raw HTML) that lead to no page of the archive;
 * - raw HTML the sanitiser will remove (scripts, event handlers, `javascript:` URLs, disallowed
 *   elements), so nothing disappears from an article without the editor hearing about it;
 * - unknown frontmatter keys grouped into one finding per file, with a count per key;
 * - an archive folder that is missing or has no article (the build stops for these too).
 *
 * Pure engine code: it reads the folder and returns findings; printing is the script's job.
 * Each concern is a module: check-findings.ts, check-links.ts, check-html.ts.
 */
import { slugFromPath, type Article } from './article.ts';
import { LinkChecker, normaliseBase } from './check-links.ts';
import { countOf } from '../shared/count-of.ts';
import { codeOf, countUnknownKeys, groupUnknownKeys, unusedEntityFiles, type Finding, type UnknownKeyCount } from './check-findings.ts';
import { archiveFindings } from './content-dir.ts';
import type { DiagnosticCode } from './diagnostics.ts';
import { loadArchive } from './load.ts';

export interface CheckSummary {
  errors: number;
  warnings: number;
  /** Files checked: articles plus entity files. */
  files: number;
  articleFiles: number;
  entityFiles: number;
  filesWithFindings: number;
  /** Findings per code, most frequent first. */
  byCode: { code: DiagnosticCode; count: number }[];
  /** Unknown frontmatter keys across the archive, most frequent first. */
  unknownKeys: UnknownKeyCount[];
  durationMs: number;
}

export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
}

export interface CheckOptions {
  /** The site's base path (`/` or `/news/`), so links written with it are read as internal. */
  base?: string;
  /** The public origin (`https://archive.example.org`): absolute links to it count as internal. */
  site?: string;
  /**
   * Check drafts as part of the archive (default true): a draft is content an editor works on,
   * and the dev server shows it. Links from published articles to drafts are still reported.
   */
  includeDrafts?: boolean;
}

export async function checkArchive(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const base = normaliseBase(options.base ?? '/');
  const includeDrafts = options.includeDrafts ?? true;
  // Each body's raw HTML and links are inspected as the load processes it, from the one parse.
  const loaded = await loadArchive(contentDir, { includeDrafts, base, inspect: true });
  const engineFindings: Finding[] = loaded.diagnostics.map((d) => ({ ...d, code: codeOf(d) }));
  const unknownKeys = countUnknownKeys(engineFindings);
  const findings = groupUnknownKeys(engineFindings);

  for (const f of unusedEntityFiles(loaded.index)) findings.push(f);

  const bySlug = new Map<string, Article>();
  for (const article of loaded.articles) if (!bySlug.has(article.slug)) bySlug.set(article.slug, article);
  const byFile = new Map(loaded.articles.map((a) => [a.file, a]));
  const links = new LinkChecker(loaded.index, bySlug, base, options.site);
  for (const { file, inspection } of loaded.inspections) {
    const article = byFile.get(file);
    for (const f of inspection.removed) findings.push(f);
    for (const f of links.check(inspection.links, file, article?.slug ?? slugFromPath(file), article?.draft ?? false)) findings.push(f);
  }

  // What stops a build before it starts: no archive folder, no articles/ folder, no article.
  for (const d of await archiveFindings(contentDir, loaded.articlePaths.length)) findings.push({ ...d, code: codeOf(d) });
  findings.sort(compareFindings);
  const summary = summarise(findings, unknownKeys, loaded.articlePaths.length, loaded.entityPaths.length, performance.now() - started);
  return { findings, summary };
}

/** The one-line summary the script prints last: `2 errors, 5 warnings in 26 files (130 ms)`. */
export function formatSummary(summary: CheckSummary): string {
  return `${countOf(summary.errors, 'error')}, ${countOf(summary.warnings, 'warning')} in ${countOf(summary.files, 'file')} (${Math.round(summary.durationMs)} ms)`;
}

function summarise(findings: readonly Finding[], unknownKeys: UnknownKeyCount[], articleFiles: number, entityFiles: number, durationMs: number): CheckSummary {
  const byCode = new Map<DiagnosticCode, number>();
  const files = new Set<string>();
  let errors = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    files.add(f.file);
    byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  }
  return {
    errors,
    warnings: findings.length - errors,
    files: articleFiles + entityFiles,
    articleFiles,
    entityFiles,
    filesWithFindings: files.size,
    byCode: [...byCode.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    unknownKeys,
    durationMs,
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
