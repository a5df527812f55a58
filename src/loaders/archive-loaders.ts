/**
 * Content-layer loaders that feed Astro's collections from the engine. Each file is read and
 * processed only when its digest changed since the last build (the processed articles are in
 * `cacheDir`: article-cache.ts), entries whose files are gone are deleted, and the whole archive
 * is validated before anything is rendered: a content error stops the build with every finding
 * listed. Astro's store holds only each article's digest, so Astro sees what changed. The
 * archive index is built here, once a sync, and shared with the routes and the search index
 * (synced-archive.ts); the entity files are read once for both loaders.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { buildArchiveIndex } from '../archive/archive-index.ts';
import { digest } from '../archive/cache-key.ts';
import { archiveContentDir, displayPath } from '../archive/content-dir.ts';
import { assertNoErrors, formatDiagnostic, type Diagnostic } from '../archive/diagnostics.ts';
import type { EntityFile } from '../archive/entity-file.ts';
import { displayRoot, loadEntityFiles } from '../archive/load.ts';
import { includesDrafts, publishArchive } from '../lib/synced-archive.ts';
import { quoteStats } from '../archive/quotes/index.ts';
import { compactBodies, pruneArticleCache, writeArticleList } from '../archive/article-cache.ts';
import { articleSync, type EntityRead } from '../lib/article-sync.ts';

function contentDirOf(context: LoaderContext): string {
  return archiveContentDir(fileURLToPath(context.config.root));
}

function report(context: LoaderContext, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) if (d.severity === 'warning') context.logger.warn(formatDiagnostic(d));
  assertNoErrors(diagnostics);
}

/** The entity files, read once for both loaders, and again after a change under `astro dev`. */
let entityRead: { contentDir: string; files: Promise<EntityRead> } | undefined;

function entityFilesOf(contentDir: string): Promise<EntityRead> {
  if (entityRead?.contentDir !== contentDir) entityRead = { contentDir, files: loadEntityFiles(contentDir) };
  return entityRead.files;
}

/** How `astro dev` reports a failed sync: the message is printed, and the server goes on serving
 * what the sync stored (every article that could be read). A build lets the error stop it. */
function logFailure(context: LoaderContext): (error: unknown) => void {
  return (error) => context.logger.error(error instanceof Error ? error.message : String(error));
}

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
    entityRead = undefined;
    clearTimeout(timer);
    timer = setTimeout(() => {
      sync().then(
        () => logger.info(`reloaded after a change to ${displayPath(path, displayRoot(contentDir))}`),
        logFailure(context),
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
      const sync = syncArticles(context, contentDir);
      await (context.watcher ? sync.catch(logFailure(context)) : sync);
      watchContent(context, contentDir, () => syncArticles(context, contentDir));
    },
  };
}

async function syncArticles(context: LoaderContext, contentDir: string): Promise<void> {
  const { store, logger } = context;
  const settings = { root: fileURLToPath(context.config.root), contentDir, cacheDir: fileURLToPath(context.config.cacheDir), base: context.config.base };
  // Asked before anything is awaited, so the entity loader reads the entity files a head start read.
  const sync = articleSync(settings, () => entityFilesOf(contentDir));
  if (sync.entities && entityRead?.contentDir !== contentDir) entityRead = { contentDir, files: sync.entities };
  const prepared = await sync.articles;
  const { cacheDir, diagnostics } = prepared;
  if (prepared.stopped) report(context, diagnostics);
  const entities = await entityFilesOf(contentDir);
  for (const { file, digest } of prepared.entries) {
    // A store emptied by a change of Astro's configuration is filled again.
    if (store.get(file)?.digest !== digest) store.set({ id: file, data: {}, digest, filePath: file });
  }
  const stored = new Set(prepared.entries.map((entry) => entry.file));
  for (const id of store.keys()) if (!stored.has(id)) store.delete(id);
  const listed = await compactBodies(cacheDir, prepared.listed);
  await writeArticleList(cacheDir, listed);
  await pruneArticleCache(cacheDir, listed);
  const articles = listed.map((entry) => entry.article);

  const started = performance.now();
  const { index, diagnostics: indexFindings } = buildArchiveIndex(articles, entities.entityFiles, { includeDrafts: includesDrafts() });
  // The benchmark reads this line for its "index" stage.
  logger.info(`index of ${index.articles.length} articles built in ${Math.round(performance.now() - started)}ms`);
  // Before the findings are reported: `astro dev` serves what could be loaded even when some of it failed.
  publishArchive({ dir: cacheDir, entries: listed, index });
  // Entity-file findings are reported by the entity loader; here they only decide success.
  report(context, [...diagnostics, ...indexFindings, ...entities.diagnostics.filter((d) => d.severity === 'error')]);
  logger.info(`${articles.length} articles (${prepared.processed} processed, ${articles.length - prepared.processed} unchanged)`);
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
  const { store } = context;
  const { entityFiles, diagnostics } = await entityFilesOf(contentDir);
  // Errors are left to the article loader, which reports them with every other finding at once.
  for (const d of diagnostics) if (d.severity === 'warning') context.logger.warn(formatDiagnostic(d));
  const ids = new Set<string>();
  for (const entity of entityFiles) {
    ids.add(entity.file);
    const key = digest([JSON.stringify(entity)]);
    if (store.get(entity.file)?.digest === key) continue;
    store.set({ id: entity.file, data: { ...entity } satisfies EntityFile, digest: key, filePath: entity.file });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
}
