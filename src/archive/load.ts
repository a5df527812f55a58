/**
 * The whole engine over one archive folder: read every file, validate and render it, build the
 * index. The content checker and the tests use this directly; the Astro loaders use the same
 * pieces with a per-file cache.
 */
import { dirname } from 'node:path';
import type { ProcessedArticle } from './article.ts';
import { buildArchiveIndex, type ArchiveIndex, type BuildOptions } from './archive-index.ts';
import type { BodyInspection } from './check-body.ts';
import { listArticles, listEntities, readSource } from './content-dir.ts';
import type { Diagnostic } from './diagnostics.ts';
import { processEntityFile, type EntityFile } from './entity-file.ts';
import { processArticles, type ArticleJob } from './parallel.ts';

export interface LoadedArchive {
  index: ArchiveIndex;
  articles: ProcessedArticle[];
  entityFiles: EntityFile[];
  diagnostics: Diagnostic[];
  /** With `inspect`, what the content check reads in each body that has any of it, in the order of the files. */
  inspections: { file: string; inspection: BodyInspection }[];
  /** Every file the listing found to read (absolute paths), loaded or not: what the check counts. */
  articlePaths: string[];
  entityPaths: string[];
}

/** Where editors' paths start: `content/articles/x.md` rather than an absolute path. */
export function displayRoot(contentDir: string): string {
  return dirname(contentDir);
}

export async function loadEntityFiles(contentDir: string): Promise<{ entityFiles: EntityFile[]; diagnostics: Diagnostic[]; paths: string[] }> {
  const root = displayRoot(contentDir);
  const entityFiles: EntityFile[] = [];
  const listed = await listEntities(contentDir);
  const diagnostics: Diagnostic[] = [...listed.findings];
  for (const { kind, path } of listed.files) {
    const source = await readSource(path, root);
    if ('severity' in source) {
      diagnostics.push(source);
      continue;
    }
    const result = processEntityFile(source.text, source.file, kind);
    for (const d of result.diagnostics) diagnostics.push(d);
    if (result.entity) entityFiles.push(result.entity);
  }
  return { entityFiles, diagnostics, paths: listed.files.map((f) => f.path) };
}

export async function loadArchive(contentDir: string, options: BuildOptions & { base?: string; inspect?: boolean } = {}): Promise<LoadedArchive> {
  const root = displayRoot(contentDir);
  const { entityFiles, diagnostics, paths: entityPaths } = await loadEntityFiles(contentDir);
  const jobs: ArticleJob[] = [];
  const listed = await listArticles(contentDir);
  for (const d of listed.findings) diagnostics.push(d);
  for (const path of listed.paths) {
    const source = await readSource(path, root);
    if ('severity' in source) diagnostics.push(source);
    else jobs.push(source);
  }
  const articles: ProcessedArticle[] = [];
  const inspections: LoadedArchive['inspections'] = [];
  const results = await processArticles(jobs, entityFiles, options.base ?? '/', { inspect: options.inspect ?? false });
  results.forEach((result, i) => {
    for (const d of result.diagnostics) diagnostics.push(d);
    if (result.article) articles.push(result.article);
    if (result.inspection) inspections.push({ file: jobs[i]!.file, inspection: result.inspection });
  });
  const built = buildArchiveIndex(articles, entityFiles, options);
  for (const d of built.diagnostics) diagnostics.push(d);
  return { index: built.index, articles, entityFiles, diagnostics, inspections, articlePaths: listed.paths, entityPaths };
}
