/**
 * Starts a build's article sync as soon as the configuration is known (article-sync.ts): Astro
 * then spends seconds on one core setting up Vite and its content layer before the loaders run,
 * and the articles are processed on the other cores meanwhile. Only in a build: the dev server
 * syncs as it always does. It comes after the build lock in astro.config.mjs, whose setup hook
 * takes the lock on the cache this writes to.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { archiveContentDir } from '../archive/content-dir.ts';
import { startArticleSync } from '../lib/article-sync.ts';

export function articleHeadStart(): AstroIntegration {
  return {
    name: 'news-archive-article-head-start',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        startArticleSync({ root, contentDir: archiveContentDir(root), cacheDir: fileURLToPath(config.cacheDir), base: config.base });
      },
    },
  };
}
