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
import { processArticles, type ArticleJob } from '../archive/parallel.ts';
import { buildArchiveIndex } from '../archive/archive-index.ts';
import { CODE, codeVersion, digest } from '../archive/cache-key.ts';
import { archiveContentDir, archiveFindings, displayPath, listArticles, readSource } from '../archive/content-dir.ts';
import { assertNoErrors, formatDiagnostic, hasErrors, type Diagnostic } from '../archive/diagnostics.ts';
import type { EntityFile } from '../archive/entity-file.ts';
import { displayRoot, loadEntityFiles } from '../archive/load.ts';
import { includesDrafts, publishArchive } from '../lib/synced-archive.ts';
import { buildNameIndex } from '../archive/name-index.ts';
import { quoteStats } from '../archive/quotes/index.ts';
import { mapLimited } from '../lib/map-limited.ts';
import {
  BodyWriter,
  articleCacheDir,
  cacheFiles,
  compactBodies,
  pruneArticleCache,
  readArticleList,
  writeArticleList,
  type ListedArticle,
} from '../archive/article-cache.ts';

function contentDirOf(context: LoaderContext): string {
  return archiveContentDir(fileURLToPath(context.config.root));
}

function report(context: LoaderContext, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) if (d.severity === 'warning') context.logger.warn(formatDiagnostic(d));
  assertNoErrors(diagnostics);
}

/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const READ_AHEAD = 64;

/** The entity files, read once for both loaders, and again after a change under `astro dev`. */
let entityRead: { contentDir: string; files: ReturnType<typeof loadEntityFiles> } | undefined;

function entityFilesOf(contentDir: string): ReturnType<typeof loadEntityFiles> {
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
  const root = displayRoot(contentDir);
  // A missing or empty archive folder stops the build here, before anything is written or deleted.
  const listing = await listArticles(contentDir);
  const folderFindings = await archiveFindings(contentDir, listing.paths.length);
  if (hasErrors(folderFindings)) report(context, [...folderFindings, ...listing.findings]);
  const cacheDir = articleCacheDir(fileURLToPath(context.config.cacheDir));
  const cached = await cacheFiles(cacheDir);
  const [entities, previousList] = await Promise.all([entityFilesOf(contentDir), readArticleList(cacheDir)]);
  const names = buildNameIndex(entities.entityFiles);
  const base = context.config.base;
  // An article's output depends on its text, the code that processes it (the engine and these
  // loaders, which decide the shape of stored entries) and the names it can link: all key the cache.
  const archiveDigest = digest([await codeVersion(fileURLToPath(context.config.root), CODE.articles, [base]), names.fingerprint]);
  const diagnostics: Diagnostic[] = [...folderFindings, ...listing.findings];
  // What the last sync listed, where its body is still there.
  const present = new Set(cached);
  const previous = new Map((previousList ?? []).filter((entry) => present.has(entry.body.segment)).map((entry) => [entry.article.file, entry]));

  const sources = await mapLimited(listing.paths, READ_AHEAD, (path) => readSource(path, root));
  // In the order of the files, whichever way each was obtained, so findings read the same.
  const inOrder: (ListedArticle | undefined)[] = [];
  const jobs: (ArticleJob & { digest: string; at: number })[] = [];
  // Files that could be read: the store keeps an entry for each of them and no other.
  const files = new Set<string>();
  for (const source of sources) {
    if ('severity' in source) {
      diagnostics.push(source);
      continue;
    }
    files.add(source.file);
    const key = digest([archiveDigest, source.text]);
    const last = previous.get(source.file);
    if (last?.digest === key) {
      for (const d of last.findings) diagnostics.push(d);
      inOrder.push(last);
      // A store emptied by a change of Astro's configuration is filled again.
      if (store.get(source.file)?.digest !== key) store.set({ id: source.file, data: {}, digest: key, filePath: source.file });
    } else {
      jobs.push({ file: source.file, text: source.text, digest: key, at: inOrder.length });
      inOrder.push(undefined);
    }
  }

  // Each processed article's body goes to the new segment as it arrives; the list keeps the rest.
  const bodies = new BodyWriter(cacheDir, cached);
  try {
    await processArticles(jobs, entities.entityFiles, base, {
      each: (result, i) => {
        const { file, digest, at } = jobs[i]!;
        for (const d of result.diagnostics) diagnostics.push(d);
        if (!result.article) {
          store.delete(file);
          return;
        }
        const { html, ...article } = result.article;
        inOrder[at] = { digest, body: bodies.append(html), article, findings: result.diagnostics };
        store.set({ id: file, data: {}, digest, filePath: file });
      },
    });
  } finally {
    await bodies.close();
  }
  for (const id of store.keys()) if (!files.has(id)) store.delete(id);
  const listed = await compactBodies(cacheDir, inOrder.filter((entry) => entry !== undefined));
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
