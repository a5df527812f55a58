/**
 * How the e2e tests start the system's Chromium (never a downloaded one) and open a built archive
 * with it. `npm test` runs scripts/ensure-chromium.mjs first, which installs it or says how to.
 * (Not a test file itself.)
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { buildArchive, type BuildOptions, type BuildResult } from '../helpers/build.ts';
import { serve, type Served } from '../helpers/serve.ts';

export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

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
