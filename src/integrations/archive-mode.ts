/**
 * Tells the content sync, which builds the archive index, whether drafts are in it (and the routes
 * whether they run in the dev server): under
 * `astro dev` they are, in a build they are left out. It is decided by the Astro command,
 * not by NODE_ENV or DEV, which test runners and CI shells set for their own reasons; ARCHIVE_DRAFTS=1
 * shows drafts in a build too, for a preview deployment.
 */
import type { AstroIntegration } from 'astro';
import { setArchiveMode } from '../lib/synced-archive.ts';

/** Whether drafts are published: always under `astro dev`, in a build only when asked for. */
export function publishesDrafts(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return command === 'dev' || env.ARCHIVE_DRAFTS === '1';
}

export function archiveMode(): AstroIntegration {
  return {
    name: 'news-archive-mode',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // The content sync, which builds the index, runs in this process after this hook.
        setArchiveMode({ includeDrafts: publishesDrafts(command), live: command === 'dev' });
      },
    },
  };
}
