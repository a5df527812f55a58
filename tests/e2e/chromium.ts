/**
 * How the e2e tests open a built archive in the system's Chromium (scripts/chromium.ts).
 * (Not a test file itself.)
 */
import { chromium, type Browser } from 'playwright-core';
import { buildArchive, type BuildOptions, type BuildResult } from '../helpers/build.ts';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { serve, type Served } from '../../scripts/serve.ts';

/** An archive built with the real build, served over HTTP, and a browser to read it with. */
export interface BrowsedSite {
  build: BuildResult;
  server: Served;
  browser: Browser;
  close(): Promise<void>;
}

export async function buildAndBrowse(contentDir: string, options: BuildOptions = {}): Promise<BrowsedSite> {
  const build = buildArchive(contentDir, options);
  if (!build.ok) throw new Error(`astro build of ${contentDir} failed:\n${build.output}`);
  const server = await serve(build.outDir);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  return {
    build,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
