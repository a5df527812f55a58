/**
 * The part of an article sync that needs nothing of Astro's: listing and reading the archive,
 * telling which articles changed since the last build (by digest, against the article cache) and
 * processing those on every core, each body written to the cache as it arrives. The loader
 * (src/loaders/archive-loaders.ts) does the rest with Astro's store.
 *
 * A build can start this early (the head start, from the article-head-start integration): Astro
 * spends seconds starting up on one core before it runs the loaders, and processing the articles
 * on the other cores meanwhile takes that much off a cold build. The loader takes the head start
 * when it was made for the same folders and settings, and does the work itself otherwise (articleSync). Astro
 * runs the loaders from its own copy of the modules, so the head start is kept in one slot of the
 * process, as the synced archive is.
 */
import { processArticles, type ArticleJob } from '../archive/parallel.ts';
import { CODE, codeVersion, digest } from '../archive/cache-key.ts';
import { archiveFindings, listArticles, readSource } from '../archive/content-dir.ts';
import { hasErrors, type Diagnostic } from '../archive/diagnostics.ts';
import { displayRoot, loadEntityFiles } from '../archive/load.ts';
import { buildNameIndex } from '../archive/name-index.ts';
import { mapLimited } from './map-limited.ts';
import { BodyWriter, articleCacheDir, cacheFiles, readArticleList, type ListedArticle } from '../archive/article-cache.ts';

/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const READ_AHEAD = 64;

export interface SyncSettings {
  /** The project's root folder, whose code keys the cache. */
  root: string;
  contentDir: string;
  /** Astro's cache folder (the article cache is a folder inside it). */
  cacheDir: string;
  /** The site's base path. */
  base: string;
}

export type EntityRead = Awaited<ReturnType<typeof loadEntityFiles>>;

/** What a sync found and processed, for the loader to put in the store. */
export interface PreparedArticles {
  /** The article cache folder. */
  cacheDir: string;
  /** Findings so far, in the order of the files. */
  diagnostics: Diagnostic[];
  /** The archive folder cannot be read as one: nothing else was done, and the findings say why. */
  stopped: boolean;
  /** Every article, in the order of the files: from the cache when unchanged, else just processed. */
  listed: ListedArticle[];
  /** The store's entry for each file that could be read and gave an article (path, digest): the
   * store keeps no other. */
  entries: { file: string; digest: string }[];
  processed: number;
}

async function prepareArticles(settings: SyncSettings, entityRead: Promise<EntityRead>): Promise<PreparedArticles> {
  const { root: projectRoot, contentDir, base } = settings;
  const root = displayRoot(contentDir);
  const cacheDir = articleCacheDir(settings.cacheDir);
  // A missing or empty archive folder stops the sync here, before anything is written or deleted.
  const listing = await listArticles(contentDir);
  const folderFindings = await archiveFindings(contentDir, listing.paths.length);
  const diagnostics: Diagnostic[] = [...folderFindings, ...listing.findings];
  const result: PreparedArticles = { cacheDir, diagnostics, stopped: false, listed: [], entries: [], processed: 0 };
  if (hasErrors(folderFindings)) return { ...result, stopped: true };
  const cached = await cacheFiles(cacheDir);
  const [entities, previousList] = await Promise.all([entityRead, readArticleList(cacheDir)]);
  const names = buildNameIndex(entities.entityFiles);
  // An article's output depends on its text, the code that processes it (the engine and these
  // loaders, which decide the shape of stored entries) and the names it can link: all key the cache.
  const archiveDigest = digest([await codeVersion(projectRoot, CODE.articles, [base]), names.fingerprint]);
  // What the last sync listed, where its body is still there.
  const present = new Set(cached);
  const previous = new Map((previousList ?? []).filter((entry) => present.has(entry.body.segment)).map((entry) => [entry.article.file, entry]));

  const sources = await mapLimited(listing.paths, READ_AHEAD, (path) => readSource(path, root));
  // In the order of the files, whichever way each was obtained, so findings read the same.
  const inOrder: (ListedArticle | undefined)[] = [];
  const jobs: (ArticleJob & { digest: string; at: number })[] = [];
  for (const source of sources) {
    if ('severity' in source) {
      diagnostics.push(source);
      continue;
    }
    const key = digest([archiveDigest, source.text]);
    const last = previous.get(source.file);
    if (last?.digest === key) {
      for (const d of last.findings) diagnostics.push(d);
      inOrder.push(last);
    } else {
      jobs.push({ file: source.file, text: source.text, digest: key, at: inOrder.length });
      inOrder.push(undefined);
    }
  }

  // Each processed article's body goes to the new segment as it arrives; the list keeps the rest.
  const bodies = new BodyWriter(cacheDir, cached);
  try {
    await processArticles(jobs, entities.entityFiles, base, {
      each: (processed, i) => {
        const { digest, at } = jobs[i]!;
        for (const d of processed.diagnostics) diagnostics.push(d);
        if (!processed.article) return;
        const { html, ...article } = processed.article;
        inOrder[at] = { digest, body: bodies.append(html), article, findings: processed.diagnostics };
      },
    });
  } finally {
    await bodies.close();
  }
  const listed = inOrder.filter((entry) => entry !== undefined);
  return { ...result, listed, entries: listed.map((entry) => ({ file: entry.article.file, digest: entry.digest })), processed: jobs.length };
}

interface HeadStart {
  key: string;
  entities: Promise<EntityRead>;
  articles: Promise<PreparedArticles>;
}

const SLOT = Symbol.for('news-archive.article-head-start');
type Slot = { [SLOT]?: HeadStart };

const keyOf = (settings: SyncSettings): string => JSON.stringify([settings.root, settings.contentDir, settings.cacheDir, settings.base]);

/** Starts reading and processing the articles now, for the loader to take later. */
export function startArticleSync(settings: SyncSettings): void {
  const entities = loadEntityFiles(settings.contentDir);
  const articles = prepareArticles(settings, entities);
  // The loader that takes it sees any failure; until then it is no unhandled rejection.
  articles.catch(() => undefined);
  entities.catch(() => undefined);
  (globalThis as Slot)[SLOT] = { key: keyOf(settings), entities, articles };
}

/**
 * The sync for these settings: the head start when it was made for them (given out once), else one
 * of its own. A head start made for other settings is let finish first, since both write bodies to
 * the article cache, and a segment is named by the ones already there.
 */
export function articleSync(settings: SyncSettings, entityRead: () => Promise<EntityRead>): { entities?: Promise<EntityRead>; articles: Promise<PreparedArticles> } {
  const slot = globalThis as Slot;
  const headStart = slot[SLOT];
  delete slot[SLOT];
  if (headStart?.key === keyOf(settings)) return headStart;
  const settled = headStart ? headStart.articles.then(() => undefined, () => undefined) : Promise.resolve();
  return { articles: settled.then(() => prepareArticles(settings, entityRead())) };
}
