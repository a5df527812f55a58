/**
 * Rebuilds leave unchanged pages alone. Every route gives each of its pages a cache key, a digest
 * of everything the page shows (src/lib/page-keys.ts). A page whose key is the one it had in the
 * last build into the same output folder, built by the same code, and whose file is still there,
 * is not handed to Astro to render at all: the build's prerenderer (Astro's own, wrapped) lists only
 * the pages that changed. The sitemap is then written from every page, rendered or not, and the
 * pages kept are reported to the clean-up of old output (previous-output.ts).
 *
 * Why not Astro's experimental incremental build: it writes every page twice, once to the output
 * and once to a copy in the cache from which it can restore an emptied output folder, and tracks
 * the content entries of every render. At 10,000 articles that made page generation take 56 s
 * instead of 35 s. This build writes over the last output instead, so the copy is never needed.
 */
import type { AstroConfig, AstroIntegration, AstroPrerenderer } from 'astro';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE, codeVersion } from '../archive/cache-key.ts';
import { mapLimited } from '../lib/map-limited.ts';
import { sitemapFiles } from '../lib/sitemap.ts';
import { publishesDrafts } from './archive-mode.ts';
import type { KeepsOutput } from './previous-output.ts';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

/** What the last build left: the keys of its pages, valid for the code and output folder named. */
interface Manifest {
  code: string;
  outDir: string;
  keys: Record<string, string>;
}

/** The version of the code that renders the pages, and of the settings every page depends on. */
function pagesVersion(root: string, config: AstroConfig): Promise<string> {
  return codeVersion(root, CODE.pages, [config.site ?? '', config.base, config.trailingSlash, config.build.format, publishesDrafts('build')]);
}

const STATUS_PAGES = new Set(['/404', '/500']);

/** Where Astro writes a path of a route with `build.format: 'directory'`. */
export function outputFile(outDir: string, pathname: string, type: PathWithRoute['route']['type']): string {
  if (type === 'endpoint') return join(outDir, pathname);
  if (STATUS_PAGES.has(pathname)) return join(outDir, `${pathname}.html`);
  return join(outDir, pathname, 'index.html');
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** `kept()`: output files of the pages left as they were, known once the pages are generated. */
export function pageCache(): AstroIntegration & KeepsOutput {
  let config: AstroConfig;
  let root = '';
  let outDir = '';
  let manifestFile = '';
  let code = '';
  let previous: Manifest | undefined;
  let pages: PathWithRoute[] = [];
  const kept = new Set<string>();

  /** Pages to render: every page, less those whose key, code and output file are unchanged. */
  async function changed(all: PathWithRoute[]): Promise<PathWithRoute[]> {
    pages = all;
    const last = previous?.code === code && previous.outDir === outDir ? previous.keys : {};
    const candidates = all.filter((page) => page.cacheKey !== undefined && last[page.pathname] === page.cacheKey);
    const present = await mapLimited(candidates, 64, (page) => exists(outputFile(outDir, page.pathname, page.route.type)));
    const unchanged = new Set(candidates.filter((_, i) => present[i]));
    for (const page of unchanged) kept.add(outputFile(outDir, page.pathname, page.route.type));
    return all.filter((page) => !unchanged.has(page));
  }

  return {
    name: 'news-archive-page-cache',
    kept: () => kept,
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
        if (config.build.format !== 'directory') throw new Error(`the page cache expects build.format "directory", not "${config.build.format}"`);
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        manifestFile = join(fileURLToPath(config.cacheDir), 'news-archive', 'pages.json');
      },
      'astro:build:start': async ({ setPrerenderer, logger }) => {
        [code, previous] = await Promise.all([
          pagesVersion(root, config),
          readFile(manifestFile, 'utf8').then(
            (text) => JSON.parse(text) as Manifest,
            () => undefined,
          ),
        ]);
        // Gone until this build succeeds: a build that fails half-way has overwritten some pages.
        await rm(manifestFile, { force: true });
        setPrerenderer((astro) => ({
          ...astro,
          name: 'news-archive',
          getStaticPaths: async () => {
            const render = await changed(await astro.getStaticPaths());
            logger.info(`${render.length} of ${pages.length} pages to render, ${pages.length - render.length} unchanged`);
            return render;
          },
        }));
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const siteRoot = new URL(config.base.replace(/\/?$/, '/'), config.site).href;
        const htmlPages = pages.filter((page) => page.route.type === 'page' && !STATUS_PAGES.has(page.pathname)).map((page) => page.pathname.replace(/\/?$/, '/'));
        await Promise.all(sitemapFiles(siteRoot, htmlPages).map(({ name, xml }) => writeFile(join(out, name), xml)));
        const keys: Record<string, string> = {};
        for (const page of pages) if (page.cacheKey !== undefined) keys[page.pathname] = page.cacheKey;
        await mkdir(join(manifestFile, '..'), { recursive: true });
        await writeFile(manifestFile, JSON.stringify({ code, outDir, keys } satisfies Manifest));
      },
    },
  };
}
