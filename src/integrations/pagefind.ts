/**
 * Builds the Pagefind search index while the pages render. Once the content is synced (Astro's
 * `astro:build:start`), the archive is known: its articles are in the build cache and its entity
 * files in the archive folder. The index is made from them (search-documents.ts), in Pagefind's own
 * process on the other core, and written aside; when the pages are done it moves into the site.
 * Pagefind never reads the 14,000 built pages of a 10,000-article archive, only what readers search.
 */
import type { AstroIntegration } from 'astro';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { buildArchiveIndex } from '../archive/archive-index.ts';
import { archiveContentDir } from '../archive/content-dir.ts';
import { loadEntityFiles } from '../archive/load.ts';
import { mapLimited } from '../archive/map-limited.ts';
import { searchDocuments } from '../archive/search-documents.ts';
import { articleCacheDir, readArticleCache } from '../loaders/article-cache.ts';
import { publishesDrafts } from './archive-mode.ts';

interface Indexed {
  pages: number;
  /** Where the finished index waits for the site. */
  dir: string;
  ms: number;
}

/** Documents handed to Pagefind at once: enough to keep it busy between messages. */
const IN_FLIGHT = 16;

async function indexArchive(root: string, cacheDir: string, base: string, out: string): Promise<Indexed> {
  const started = performance.now();
  const [articles, { entityFiles }] = await Promise.all([readArticleCache(articleCacheDir(cacheDir)), loadEntityFiles(archiveContentDir(root))]);
  const { index: archive } = buildArchiveIndex(articles, entityFiles, { includeDrafts: publishesDrafts('build') });
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await mapLimited([...searchDocuments(archive, base)], IN_FLIGHT, async ({ url, html }) => {
    const result = await index.addHTMLFile({ url, content: html });
    if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
  });
  await rm(out, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return { pages: added.length, dir: out, ms: performance.now() - started };
}

/** A rename, or a copy when the cache and the output are on different disks. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

export function pagefind(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let base = '/';
  let indexing: Promise<Indexed> | undefined;
  return {
    name: 'news-archive-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        base = config.base;
      },
      'astro:build:start': () => {
        indexing = indexArchive(root, cacheDir, base, join(cacheDir, 'news-archive', 'pagefind'));
        // A failure is reported when the pages are done, not as an unhandled rejection meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const indexed = await indexing!;
          const target = join(fileURLToPath(dir), 'pagefind');
          await rm(target, { recursive: true, force: true });
          await move(indexed.dir, target);
          // The benchmark reads this line for its "search index" stage.
          logger.info(`search index: ${indexed.pages} pages in ${Math.round(indexed.ms)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
