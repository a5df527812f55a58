import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { SITEMAP_INDEX, sitemapFiles } from '../../src/lib/sitemap.ts';

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
const locs = (xml: string): string[] => (parser.parse(xml).urlset.url as { loc: string }[]).map((u) => u.loc);

describe('sitemapFiles', () => {
  it('lists every page once, sorted, as absolute URLs under the base path', () => {
    const [index, set, ...rest] = sitemapFiles('https://example.org/news/', ['/people/', '/', '/articles/a/', '/people/']);
    expect(rest).toEqual([]);
    expect(index!.name).toBe(SITEMAP_INDEX);
    expect(parser.parse(index!.xml).sitemapindex.sitemap).toEqual([{ loc: 'https://example.org/news/sitemap-0.xml' }]);
    expect(set!.name).toBe('sitemap-0.xml');
    expect(locs(set!.xml)).toEqual(['https://example.org/news/', 'https://example.org/news/articles/a/', 'https://example.org/news/people/']);
  });

  it('splits into URL sets of at most the limit, all named in the index', () => {
    const paths = Array.from({ length: 7 }, (_, i) => `/articles/a${i}/`);
    const [index, ...sets] = sitemapFiles('https://example.org/', paths, 3);
    expect(sets.map((s) => s.name)).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(sets.map((s) => locs(s.xml).length)).toEqual([3, 3, 1]);
    expect(sets.flatMap((s) => locs(s.xml))).toEqual(paths.map((p) => `https://example.org${p}`).sort());
    expect((parser.parse(index!.xml).sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc)).toEqual(sets.map((s) => `https://example.org/${s.name}`));
  });

  it('escapes what XML would read as markup', () => {
    const [, set] = sitemapFiles('https://example.org/', ["/tags/r&d/", "/tags/<b>/"]);
    expect(set!.xml).toContain('/tags/r&amp;d/');
    expect(set!.xml).not.toContain('<b>');
  });

  it('writes an empty URL set for a site with no pages, so the index never points nowhere', () => {
    const [index, set] = sitemapFiles('https://example.org/', []);
    expect(set!.xml).toContain('<urlset');
    expect(index!.xml).toContain('sitemap-0.xml');
  });
});
