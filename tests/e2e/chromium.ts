/**
 * How the e2e tests open a built archive in the system's Chromium (scripts/chromium.ts).
 * (Not a test file itself.)
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildArchive, type BuildOptions, type BuildResult } from '../helpers/build.ts';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { serve, type ServeOptions, type Served } from '../../scripts/serve.ts';

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

export async function serveInChromium(outDir: string, options: ServeOptions = {}): Promise<ServedSite> {
  const server = await serve(outDir, options);
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

export async function buildAndBrowse(contentDir: string, options: BuildOptions = {}, serving: ServeOptions = {}): Promise<BrowsedSite> {
  const build = buildArchive(contentDir, options);
  if (!build.ok) throw new Error(`astro build of ${contentDir} failed:\n${build.output}`);
  return { build, ...(await serveInChromium(build.outDir, serving)) };
}

export interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  javaScript?: boolean;
}

/** A page of the served site (`/people/`, from the site's root) in a browser context of its own,
 * so nothing is cached from another page; it must answer below 400, and the 404 page below 500. */
export async function openPage(site: ServedSite, path: string, { width = 1280, height = 900, colorScheme = 'light', javaScript = true }: OpenOptions = {}): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height }, colorScheme, javaScriptEnabled: javaScript });
  const response = await page.goto(new URL(path.replace(/^\//, ''), site.server.url).href);
  expect(response?.status(), path).toBeLessThan(path.includes('404') ? 500 : 400);
  return page;
}
