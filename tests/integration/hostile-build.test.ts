/**
 * The adversarial suite, build level: every case marked `build` (tests/fixtures/hostile/) is
 * written into one archive and built with the real build. The build must succeed, and no page or
 * feed may carry a script other than JSON-LD (and the search page's module), an event handler, a
 * code-running URL or an element that embeds or redirects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type BuildResult } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { writeCase } from '../fixtures/hostile/case.ts';
import { HOSTILE_CASES } from '../fixtures/hostile/index.ts';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { anchorsOf, innerHtmlOf, parsePage, scriptsOf, unsafeInFragment, unsafeInPage } from '../fixtures/bad/inspect-html.ts';
import { filesUnder, htmlPages, markupOnly, plain } from './support.ts';

const BUILT = HOSTILE_CASES.filter((c) => c.build);

describe('building the safe cases of the adversarial suite together', () => {
  let build: BuildResult;
  let pages: { path: string; html: string }[];

  beforeAll(async () => {
    const content = join(tempDir('hostile-build'), 'content');
    const seen = new Map<string, string>();
    for (const c of BUILT) {
      for (const path of Object.keys(c.files)) {
        if (seen.has(path)) throw new Error(`cases "${seen.get(path)}" and "${c.name}" both write ${path}`);
        seen.set(path, c.name);
      }
      await writeCase(c, content);
    }
    build = buildArchive(content);
    pages = build.ok ? htmlPages(build.outDir).map((path) => ({ path, html: build.page(path)! })) : [];
  });


  it('has cases to build', () => {
    expect(BUILT.length).toBeGreaterThan(5);
  });

  it('succeeds', () => {
    expect(build.ok, plain(build.output).split('\n').slice(-40).join('\n')).toBe(true);
  });

  it('has no script but JSON-LD on any page, and a module script only on /search/', () => {
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const { path, html } of pages) {
      const scripts = scriptsOf(html);
      const allowed = (type: string) => type === 'application/ld+json' || (path === '/search/' && type === 'module');
      for (const s of scripts.filter((s) => !allowed(s.type))) problems.push(`${path}: ${s.type || '(no type)'} script ${s.text.slice(0, 80)}`);
      const opened = markupOnly(html).match(/<script\b/gi)?.length ?? 0;
      if (opened !== scripts.length) problems.push(`${path}: ${opened} <script openings for ${scripts.length} script elements`);
      // JSON-LD is data: it must parse as JSON, so nothing closed the element early.
      for (const s of scripts.filter((s) => s.type === 'application/ld+json')) {
        try {
          JSON.parse(s.text);
        } catch {
          problems.push(`${path}: JSON-LD that is not JSON: ${s.text.slice(0, 80)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no event handler, code-running URL or embedding element on any page', () => {
    const problems: string[] = [];
    for (const { path, html } of pages) {
      for (const p of unsafeInPage(html)) problems.push(`${path}: ${p}`);
      const body = innerHtmlOf(html, 'div', 'prose');
      if (body !== undefined) for (const p of unsafeInFragment(body)) problems.push(`${path} body: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('links every in-page address of an article body to an id on its page (footnotes and back again)', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { path, html } of pages.filter((p) => p.path.startsWith('/articles/'))) {
      const body = innerHtmlOf(html, 'div', 'prose');
      if (body === undefined) continue;
      const ids = new Set<string>();
      visit(parsePage(html), 'element', (node: Element) => {
        if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
      });
      for (const { href } of anchorsOf(body)) {
        if (!href.startsWith('#')) continue;
        checked++;
        if (!ids.has(href.slice(1))) problems.push(`${path}: ${href} has no id on the page`);
      }
    }
    expect(problems).toEqual([]);
    // The footnote cases alone link references and back-references: a test that found no in-page
    // link would prove nothing.
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  describe.each(BUILT.filter((c) => c.built).map((c) => [c.name, c] as const))('%s', (_, c) => {
    it.each(Object.entries(c.built!))('builds %s as the case says', (path, assert) => {
      const page = build.page(path);
      expect(page, `${path} is built`).toBeDefined();
      assert(page!);
    });
  });

  it('has feeds whose descriptions carry no live markup once decoded', () => {
    const feeds = filesUnder(build.outDir).filter((f) => f.endsWith('/rss.xml'));
    expect(feeds.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const feed of feeds) {
      const xml = readFileSync(join(build.outDir, feed), 'utf8');
      for (const [, text] of xml.matchAll(/<description>([\s\S]*?)<\/description>/g)) {
        // A feed reader decodes the XML once and renders the result as HTML.
        const decoded = text!.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
        for (const p of unsafeInFragment(decoded)) problems.push(`${feed}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
