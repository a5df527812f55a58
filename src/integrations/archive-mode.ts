/**
 * Tells the pages whether they run under `astro dev` (drafts shown, index rebuilt after every
 * edit) or in a build (drafts left out, index built once), and where the build cache is. It is decided by the Astro command,
 * not by NODE_ENV or DEV, which test runners and CI shells set for their own reasons; ARCHIVE_DRAFTS=1
 * shows drafts in a build too, for a preview deployment.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Whether drafts are published: always under `astro dev`, in a build only when asked for. */
export function publishesDrafts(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return command === 'dev' || env.ARCHIVE_DRAFTS === '1';
}

export function archiveMode(): AstroIntegration {
  return {
    name: 'news-archive-mode',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const live = command === 'dev';
        updateConfig({
          vite: {
            define: {
              __ARCHIVE_LIVE__: JSON.stringify(live),
              __ARCHIVE_DRAFTS__: JSON.stringify(publishesDrafts(command)),
              __ARCHIVE_CACHE_DIR__: JSON.stringify(fileURLToPath(config.cacheDir)),
            },
          },
        });
      },
    },
  };
}
