/**
 * Content-layer loaders that feed Astro's collections from the engine. Each file is read and
 * processed only when its digest changed since the last build (the store lives in `cacheDir`, the
 * processed articles beside it: article-cache.ts), entries whose files are gone are deleted, and the whole archive is validated before anything is
 * rendered: a content error stops the build with every finding listed.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../archive/article.ts';
import { processArticles, type ArticleJob } from '../archive/parallel.ts';
import { buildArchiveIndex } from '../archive/archive-index.ts';
import { archiveContentDir, displayPath, listArticleFiles, readSource } from '../archive/content-dir.ts';
import { assertNoErrors, formatDiagnostic, type Diagnostic } from '../archive/diagnostics.ts';
import type { EntityFile } from '../archive/entity-file.ts';
import { displayRoot, loadEntityFiles } from '../archive/load.ts';
import { buildNameIndex } from '../archive/name-index.ts';
import { quoteStats } from '../archive/quotes.ts';
import { mapLimited } from '../archive/map-limited.ts';
import {
  articleCacheDir,
  articleCacheFile,
  pruneArticleCache,
  readCachedArticle,
  writeCachedArticle,
  type ArticleRef,
  type CachedArticle,
} from './article-cache.ts';

/**
 * A digest of the engine's source and of this loader (which decides the shape of stored
 * entries): when either changes, every cached article is redone, with no version number for
 * anyone to forget to bump.
 */
async function engineVersion(generateDigest: LoaderContext['generateDigest']): Promise<string> {
  const dir = fileURLToPath(new URL('../archive/', import.meta.url));
  const files = (await readdir(dir)).filter((name) => name.endsWith('.ts')).sort().map((name) => join(dir, name));
  const sources = await Promise.all([...files, fileURLToPath(import.meta.url)].map((file) => readFile(file, 'utf8')));
  return generateDigest(sources.join('\u0000'));
}

function contentDirOf(context: LoaderContext): string {
  return archiveContentDir(fileURLToPath(context.config.root));
}

function report(context: LoaderContext, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) if (d.severity === 'warning') context.logger.warn(formatDiagnostic(d));
  assertNoErrors(diagnostics);
}

/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const READ_AHEAD = 64;

/**
 * Under `astro dev`, syncs again whenever a Markdown file in the archive is added, changed or
 * deleted (articles depend on entity files' names, so any change resyncs). The digest cache keeps
 * that to the files that changed. A content error is reported and the server keeps running.
 */
function watchContent(context: LoaderContext, contentDir: string, sync: () => Promise<void>): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  watcher.add(contentDir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onEvent = (path: string) => {
    if (!path.startsWith(contentDir) || !/\.(md|markdown)$/i.test(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      sync().then(
        () => logger.info(`reloaded after a change to ${displayPath(path, displayRoot(contentDir))}`),
        (error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
      );
    }, 50);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onEvent);
}

export function articleLoader(): Loader {
  return {
    name: 'news-archive-articles',
    async load(context) {
      const contentDir = contentDirOf(context);
      await syncArticles(context, contentDir);
      watchContent(context, contentDir, () => syncArticles(context, contentDir));
    },
  };
}

async function syncArticles(context: LoaderContext, contentDir: string): Promise<void> {
  const { store, generateDigest, logger } = context;
  const root = displayRoot(contentDir);
  const cacheDir = articleCacheDir(fileURLToPath(context.config.cacheDir));
  await mkdir(cacheDir, { recursive: true });
  const entities = await loadEntityFiles(contentDir);
  const names = buildNameIndex(entities.entityFiles);
  const base = context.config.base;
  // An article's output depends on its text and on the names it can link: both key the cache.
  const archiveDigest = generateDigest((await engineVersion(generateDigest)) + base + names.fingerprint);
  const diagnostics: Diagnostic[] = [];
  const keep = new Set<string>();

  const sources = await mapLimited(await listArticleFiles(contentDir), READ_AHEAD, (path) => readSource(path, root));
  const known: { file: string; digest: string; cacheFile: string; text: string }[] = [];
  for (const source of sources) {
    if ('severity' in source) diagnostics.push(source);
    else known.push({ file: source.file, digest: generateDigest(archiveDigest + source.text), cacheFile: articleCacheFile(cacheDir, source.file), text: source.text });
  }
  const cached = await mapLimited(known, READ_AHEAD, ({ file, digest, cacheFile }) =>
    store.get(file)?.digest === digest ? readCachedArticle(cacheFile, digest) : Promise.resolve(undefined),
  );
  // In the order of the files, whichever way each was obtained, so findings read the same.
  const inOrder: (Article | undefined)[] = new Array(known.length);
  const jobs: (ArticleJob & { digest: string; cacheFile: string; at: number })[] = [];
  for (const [at, entry] of known.entries()) {
    const hit = cached[at];
    if (!hit) {
      jobs.push({ ...entry, at });
      continue;
    }
    diagnostics.push(...hit.findings);
    inOrder[at] = hit.article;
    keep.add(entry.cacheFile);
  }

  const results = await processArticles(jobs, entities.entityFiles, base);
  const toWrite: { id: string; cacheFile: string; cached: CachedArticle }[] = [];
  for (const [i, result] of results.entries()) {
    const { file, digest, cacheFile, at } = jobs[i]!;
    diagnostics.push(...result.diagnostics);
    if (!result.article) {
      store.delete(file);
      continue;
    }
    inOrder[at] = result.article;
    keep.add(cacheFile);
    toWrite.push({ id: file, cacheFile, cached: { digest, article: result.article, findings: result.diagnostics } });
  }
  await mapLimited(toWrite, READ_AHEAD, async ({ id, cacheFile, cached }) => {
    await writeCachedArticle(cacheFile, cached);
    store.set({ id, data: { cacheFile } satisfies ArticleRef, digest: cached.digest, filePath: id });
  });
  const files = new Set(known.map((k) => k.file));
  for (const id of store.keys()) if (!files.has(id)) store.delete(id);
  await pruneArticleCache(cacheDir, keep);
  const articles = inOrder.filter((article) => article !== undefined);

  const { diagnostics: archiveFindings } = buildArchiveIndex(articles, entities.entityFiles);
  // Entity-file findings are reported by the entity loader; here they only decide success.
  report(context, [...diagnostics, ...archiveFindings, ...entities.diagnostics.filter((d) => d.severity === 'error')]);
  logger.info(`${articles.length} articles (${jobs.length} processed, ${articles.length - jobs.length} unchanged)`);
  const stats = quoteStats(articles.flatMap((a) => a.quotes));
  logger.info(`quotes: ${stats.found} found, ${stats.attributed} attributed, ${stats.unattributed} without a speaker (npm run check lists them)`);
}

export function entityLoader(): Loader {
  return {
    name: 'news-archive-entities',
    async load(context) {
      const contentDir = contentDirOf(context);
      await syncEntities(context, contentDir);
      watchContent(context, contentDir, () => syncEntities(context, contentDir));
    },
  };
}

async function syncEntities(context: LoaderContext, contentDir: string): Promise<void> {
  const { store, generateDigest } = context;
  const { entityFiles, diagnostics } = await loadEntityFiles(contentDir);
  // Errors are left to the article loader, which reports them with every other finding at once.
  for (const d of diagnostics) if (d.severity === 'warning') context.logger.warn(formatDiagnostic(d));
  const ids = new Set<string>();
  for (const entity of entityFiles) {
    ids.add(entity.file);
    const digest = generateDigest(JSON.stringify(entity));
    if (store.get(entity.file)?.digest === digest) continue;
    store.set({ id: entity.file, data: { ...entity } satisfies EntityFile, digest, filePath: entity.file });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
}
