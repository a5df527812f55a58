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
  articleListFile,
  pruneArticleCache,
  readArticleList,
  writeArticleList,
  writeCachedArticle,
  type ArticleRef,
  type ListedArticle,
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
  const astroCache = fileURLToPath(context.config.cacheDir);
  const cacheDir = articleCacheDir(astroCache);
  const listFile = articleListFile(astroCache);
  await mkdir(cacheDir, { recursive: true });
  const [entities, previousList, cacheFiles] = await Promise.all([
    loadEntityFiles(contentDir),
    readArticleList(listFile).catch(() => [] as ListedArticle[]),
    readdir(cacheDir),
  ]);
  const names = buildNameIndex(entities.entityFiles);
  const base = context.config.base;
  // An article's output depends on its text and on the names it can link: both key the cache.
  const archiveDigest = generateDigest((await engineVersion(generateDigest)) + base + names.fingerprint);
  const diagnostics: Diagnostic[] = [];
  // What the last sync listed, where its processed copy is still there.
  const present = new Set(cacheFiles.map((name) => join(cacheDir, name)));
  const previous = new Map(previousList.filter((entry) => present.has(entry.cacheFile)).map((entry) => [entry.article.file, entry]));

  const sources = await mapLimited(await listArticleFiles(contentDir), READ_AHEAD, (path) => readSource(path, root));
  // In the order of the files, whichever way each was obtained, so findings read the same.
  const inOrder: (ListedArticle | undefined)[] = [];
  const jobs: (ArticleJob & { digest: string; cacheFile: string; at: number })[] = [];
  for (const source of sources) {
    if ('severity' in source) {
      diagnostics.push(source);
      continue;
    }
    const digest = generateDigest(archiveDigest + source.text);
    const last = previous.get(source.file);
    if (last?.digest === digest) {
      diagnostics.push(...last.findings);
      inOrder.push(last);
      // A store emptied by a change of Astro's configuration is filled again.
      if (store.get(source.file)?.digest !== digest) store.set({ id: source.file, data: { cacheFile: last.cacheFile } satisfies ArticleRef, digest, filePath: source.file });
    } else {
      jobs.push({ file: source.file, text: source.text, digest, cacheFile: articleCacheFile(cacheDir, source.file), at: inOrder.length });
      inOrder.push(undefined);
    }
  }

  // Each processed article's body goes to its cache file as it arrives; the list keeps the rest.
  await processArticles(jobs, entities.entityFiles, base, {
    each: (result, i) => {
      const { file, digest, cacheFile, at } = jobs[i]!;
      diagnostics.push(...result.diagnostics);
      if (!result.article) {
        store.delete(file);
        return;
      }
      writeCachedArticle(cacheFile, { digest, article: result.article, findings: result.diagnostics });
      store.set({ id: file, data: { cacheFile } satisfies ArticleRef, digest, filePath: file });
      const { html: _html, ...article } = result.article;
      inOrder[at] = { digest, cacheFile, article, findings: result.diagnostics };
    },
  });
  const listed = inOrder.filter((entry) => entry !== undefined);
  const files = new Set(sources.map((source) => source.file));
  for (const id of store.keys()) if (!files.has(id)) store.delete(id);
  await writeArticleList(listFile, listed);
  await pruneArticleCache(cacheDir, cacheFiles, new Set(listed.map((entry) => entry.cacheFile)));
  const articles = listed.map((entry) => entry.article);

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
