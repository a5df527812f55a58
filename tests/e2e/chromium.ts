/**
 * How the e2e tests open a built archive in the system's Chromium (scripts/chromium.ts).
 * (Not a test file itself.)
 */
import { chromium, type Browser } from 'playwright-core';
import { buildArchive, type BuildOptions, type BuildResult } from '../helpers/build.ts';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { serve, type Served } from '../../scripts/serve.ts';

/** A built site served over HTTP, and the system's Chromium to read it. */
export interface ServedSite {
  server: Served;
  browser: Browser;
  close(): Promise<void>;
}

/** An archive built with the real build, served, and a browser to read it with. */
export interface BrowsedSite extends ServedSite {
  build: BuildResult;
}

export async function serveInChromium(outDir: string): Promise<ServedSite> {
  const server = await serve(outDir);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function buildAndBrowse(contentDir: string, options: BuildOptions = {}): Promise<BrowsedSite> {
  const build = buildArchive(contentDir, options);
  if (!build.ok) throw new Error(`astro build of ${contentDir} failed:\n${build.output}`);
  return { build, ...(await serveInChromium(build.outDir)) };
}
