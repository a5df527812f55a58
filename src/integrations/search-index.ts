/**
 * The search index of an archive, one Pagefind index (search-documents.ts says why), written
 * straight into the output folder, in a folder named for a digest of what its documents are made
 * from: `pagefind/index-1a2b3c4d5e6f7a8b/`. A rebuild into the same output whose documents did not
 * change finds it already in place and leaves it; and its address changes with its contents, so
 * browsers and CDNs may cache it for good.
 * Runs in a worker process (search-worker.ts) while the pages render. It reads the article list
 * of the content sync, and each article's body only as its document goes to Pagefind.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createIndex } from 'pagefind';
import type { Article } from '../archive/article.ts';
import { buildArchiveIndex } from '../archive/archive-index.ts';
import { archiveContentDir } from '../archive/content-dir.ts';
import { loadEntityFiles } from '../archive/load.ts';
import { mapLimited } from '../archive/map-limited.ts';
import { searchIndexSource, type SearchIndexSource } from '../archive/search-documents.ts';
import { BodyReader, articleCacheDir, requireArticleList, type ListedArticle } from '../loaders/article-cache.ts';

export interface Indexed {
  /** Its folder in the output's `pagefind/`. */
  dir: string;
  pages: number;
  /** Found in place, unchanged since the last build. */
  reused: boolean;
  ms: number;
}

/** Pagefind's ready-made search interfaces: the search page has its own, and the index would
 * carry another 430 kB of them. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/** Documents handed to Pagefind at once: enough to keep it busy between messages. */
const IN_FLIGHT = 16;

/** Part of the index's digest: another Pagefind writes another index. Its package's exports
 * leave out package.json, so it is read from the project's node_modules. */
async function pagefindVersion(root: string): Promise<string> {
  const manifest = await readFile(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8').catch(() => '{}');
  return (JSON.parse(manifest) as { version?: string }).version ?? 'unknown';
}

function digestOf(inputs: unknown, version: string): string {
  return createHash('sha1').update(version).update(JSON.stringify(inputs)).digest('hex').slice(0, 16);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Indexes the documents, making each only as Pagefind is ready for it. */
async function indexDocuments(documents: SearchIndexSource, out: string): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    await mapLimited(Array.from({ length: documents.pages }, (_, at) => at), IN_FLIGHT, async (at) => {
      const { url, html } = documents.document(at);
      const result = await index.addHTMLFile({ url, content: html });
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
    });
    // Written aside and renamed, so an interrupted build never leaves an index that looks finished.
    const partial = `${out}.partial`;
    await rm(partial, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED.map((name) => rm(join(partial, name), { force: true })));
    await rename(partial, out);
  } finally {
    await index.deleteIndex();
  }
}

/** `pagefindDir`: the output's `pagefind/` folder. */
export async function indexArchive(root: string, cacheDir: string, pagefindDir: string, includeDrafts: boolean): Promise<Indexed> {
  const started = performance.now();
  // Shards were kept in the build cache before they went straight into the output; an archive
  // built by an earlier version would otherwise keep that copy for good.
  await Promise.all([mkdir(pagefindDir, { recursive: true }), rm(join(cacheDir, 'news-archive', 'search'), { recursive: true, force: true })]);
  // Search documents show no quotes or headings; at 50,000 articles the quotes alone are 300,000.
  const searchable = ({ article, ...rest }: ListedArticle): ListedArticle => ({ ...rest, findings: [], article: { ...article, quotes: [], headings: [] } });
  const dir = articleCacheDir(cacheDir);
  const [entries, { entityFiles }] = await Promise.all([requireArticleList(dir, searchable), loadEntityFiles(archiveContentDir(root))]);
  const { index: archive } = buildArchiveIndex(
    entries.map((entry) => entry.article),
    entityFiles,
    { includeDrafts },
  );
  const listed = new Map<Article, ListedArticle>(entries.map((entry) => [entry.article, entry]));
  const bodies = new BodyReader(dir);
  const documents = searchIndexSource(archive, {
    body: (article) => bodies.read(listed.get(article)!.body),
    digest: (article) => listed.get(article)!.digest,
  });
  try {
    const folder = `index-${digestOf(documents.inputs(), await pagefindVersion(root))}`;
    const out = join(pagefindDir, folder);
    const reused = await exists(out);
    if (!reused) await indexDocuments(documents, out);
    return { dir: folder, pages: documents.pages, reused, ms: performance.now() - started };
  } finally {
    bodies.close();
  }
}
