/**
 * The sitemap (sitemaps.org): an index file naming one or more URL sets of at most 45,000 pages
 * each (the protocol allows 50,000 and 50 MB). Written from every page of the build, rendered or
 * left unchanged, so it never depends on which pages a rebuild happened to render.
 */
import { xmlText } from './rss.ts';

export const SITEMAP_INDEX = 'sitemap-index.xml';

/** Pages per URL set. */
export const SITEMAP_LIMIT = 45_000;

export interface SitemapFile {
  /** File name in the output folder's root. */
  name: string;
  xml: string;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/**
 * The sitemap of a site: `root` is its absolute address with the base path and a closing slash
 * (`https://example.org/news/`), `paths` its page paths from the base (`/people/hun-sen/`).
 */
export function sitemapFiles(root: string, paths: Iterable<string>, limit = SITEMAP_LIMIT): SitemapFile[] {
  const locs = [...new Set(paths)].sort().map((path) => `<url><loc>${xmlText(root + path.replace(/^\//, ''))}</loc></url>`);
  const sets: SitemapFile[] = [];
  for (let start = 0; start < locs.length || sets.length === 0; start += limit) {
    sets.push({ name: `sitemap-${sets.length}.xml`, xml: `${HEAD}<urlset xmlns="${NS}">${locs.slice(start, start + limit).join('')}</urlset>` });
  }
  const index = sets.map((set) => `<sitemap><loc>${xmlText(root + set.name)}</loc></sitemap>`).join('');
  return [{ name: SITEMAP_INDEX, xml: `${HEAD}<sitemapindex xmlns="${NS}">${index}</sitemapindex>` }, ...sets];
}
