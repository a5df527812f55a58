// @ts-check
import { defineConfig } from 'astro/config';
import { archiveMode } from './src/integrations/archive-mode.ts';
import { articleHeadStart } from './src/integrations/article-head-start.ts';
import { buildLock } from './src/integrations/build-lock.ts';
import { dataFilesIntegration } from './src/integrations/data-files.ts';
import { pageCache } from './src/integrations/page-cache.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { previousOutput } from './src/integrations/previous-output.ts';

/**
 * Everything a deployment or a test may vary comes from the environment, so one project can
 * build any archive folder into any output folder:
 *   ARCHIVE_CONTENT  the archive folder (default: content/)
 *   ARCHIVE_OUT      the output folder (default: dist/)
 *   ARCHIVE_SITE     the public origin, for canonical URLs and feeds
 *   ARCHIVE_BASE     a sub-folder the site is served from, such as /news
 *   ARCHIVE_CACHE    the build cache (default: .cache/astro, which survives `npm ci`)
 *   ARCHIVE_DRAFTS   1 to publish drafts too (a preview deployment); `npm run dev` always shows them
 *   ARCHIVE_SEARCH_SHARD  articles per search shard (default SHARD_SIZE in src/integrations/search-documents.ts)
 */
const env = process.env;
const pages = pageCache();
const search = pagefind(env.ARCHIVE_SEARCH_SHARD);
const data = dataFilesIntegration();
// Astro lets a BASE_URL in the environment override `base` in pages (test runners set one):
// the archive's base comes from ARCHIVE_BASE alone.
delete env.BASE_URL;

export default defineConfig({
  site: env.ARCHIVE_SITE ?? 'https://archive.example.org',
  base: env.ARCHIVE_BASE ?? '/',
  outDir: env.ARCHIVE_OUT ?? './dist',
  cacheDir: env.ARCHIVE_CACHE ?? './.cache/astro',
  trailingSlash: 'always',
  // Several pages in flight, so one page renders while another is written to disk.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  prefetch: false,
  // Astro 7 inlines small scripts and then leaves Vite's preload marker in an inlined dynamic
  // import (withastro/astro#17265); keeping scripts as files avoids that, and caches better.
  vite: { build: { assetsInlineLimit: 0 } },
  // Pages whose cache key (src/lib/page-keys.ts) and code are unchanged are left as they are, not
  // rendered (page-cache.ts, which also writes the sitemap); so are unchanged search shards
  // (pagefind.ts), and so are unchanged feeds and API files (data-files.ts), which a worker writes
  // while the pages render. Old output is cleaned up last. One build at a time writes to the output
  // and the cache (build-lock.ts: last, so that it is given back when every other integration is done).
  // A build's articles are processed while Astro starts up (article-head-start.ts), once the lock is taken.
  integrations: [archiveMode(), search, data, pages, previousOutput(pages, search, data), buildLock(), articleHeadStart()],
});
