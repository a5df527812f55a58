/**
 * Bad input never gets through, build level: three real builds.
 *
 * 1. The errors fixture (plus generated non-UTF-8 files) stops the build; the output lists every
 *    offending file with its line, and nothing that looks like a site is left behind.
 * 2. The safe fixture (plus a generated 5 MB article) builds; no page carries a script other than
 *    JSON-LD (and the search page's module), an event handler or a code-running URL; titles, names,
 *    summaries and feeds show hostile text escaped.
 * 3. A link whose address no URL parser accepts does not crash the build.
 *
 * The engine-level half, fast and file by file, is tests/unit/bad-input.test.ts.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type BuildResult } from '../helpers/build.ts';
import {
  ERROR_CASES,
  ERROR_FILES,
  ERRORS_CONTROL,
  HUGE_LAST_WORDS,
  HUGE_SLUG,
  SAFE_ARTICLES,
  SCRIPT_AUTHOR,
  SCRIPT_PERSON,
  SCRIPT_ROLE,
  SCRIPT_SOURCE,
  SCRIPT_SUMMARY,
  SCRIPT_TITLE,
  SCRIPT_URL,
  errorsArchive,
  malformedUrlContent,
  safeArchive,
} from '../fixtures/bad/cases.ts';
import { anchorsOf, innerHtmlOf, metaContent, scriptsOf, unsafeInFragment, unsafeInPage } from '../fixtures/bad/inspect-html.ts';
import { h1Of, htmlPages, mainOf, markupOnly, plain, sectionSlugs, textOf } from './support.ts';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });

/** The end of the build output, where Astro prints the error, for assertion messages. */
function tail(output: string, lines = 40): string {
  return output.split('\n').slice(-lines).join('\n');
}

function removeBuild(build: BuildResult | undefined): void {
  if (build) rmSync(dirname(build.outDir), { recursive: true, force: true });
}

describe('building the errors fixture', () => {
  let build: BuildResult;
  let output: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const copy = await errorsArchive();
    dispose = copy.dispose;
    build = buildArchive(copy.content);
    output = plain(build.output);
  });

  afterAll(async () => {
    removeBuild(build);
    await dispose?.();
  });

  it('fails', () => {
    expect(build.ok, tail(output)).toBe(false);
  });

  it('says how many errors there are and lists them, not just the first', () => {
    expect(output).toMatch(/The archive has \d+ content errors; fix them and build again/);
    const count = Number(/The archive has (\d+) content errors/.exec(output)?.[1]);
    expect(count).toBe(ERROR_CASES.length);
  });

  // One test per question, each listing what is missing, so one cause reads as one failure.
  it('names every offending file on an error line', () => {
    const errorLines = output.split('\n').filter((line) => /\berror\b/.test(line));
    const unnamed = ERROR_FILES.filter((file) => !errorLines.some((line) => line.includes(file)));
    expect(unnamed, `files no error line names\n${tail(output, 60)}`).toEqual([]);
  });

  it('points at the line of each finding where the line is known', () => {
    const expected = ERROR_CASES.filter((c) => c.line !== undefined).map((c) => `${c.files[0]}:${c.line}:1: error: `);
    expect(expected.filter((where) => !output.includes(where))).toEqual([]);
  });

  it('prints the findings pinned down exactly, word for word', () => {
    const exact = ERROR_CASES.flatMap((c) => (c.exact ? [c.exact] : []));
    expect(exact.length).toBeGreaterThan(5);
    expect(exact.filter((line) => !output.includes(line))).toEqual([]);
  });

  it('does not report the good article', () => {
    expect(output.split('\n').filter((line) => line.includes(`${ERRORS_CONTROL}`) && /\berror\b/.test(line))).toEqual([]);
  });

  it('leaves no site behind (no index.html, no HTML at all)', () => {
    expect(build.page('/')).toBeUndefined();
    expect(htmlPages(build.outDir)).toEqual([]);
  });
});

describe('building the safe fixture, with a 5 MB article', () => {
  let build: BuildResult;
  let output: string;
  let dispose: () => Promise<void>;
  let pages: { path: string; html: string }[];

  const page = (path: string): string => {
    const html = build.page(path);
    expect(html, `${path} was written`).toBeDefined();
    return html!;
  };
  const articlePages = () => pages.filter((p) => p.path.startsWith('/articles/') && p.path !== '/articles/');

  beforeAll(async () => {
    const copy = await safeArchive({ huge: true });
    dispose = copy.dispose;
    build = buildArchive(copy.content);
    output = plain(build.output);
    pages = htmlPages(build.outDir).map((path) => ({ path, html: build.page(path)! }));
  });

  afterAll(async () => {
    removeBuild(build);
    await dispose?.();
  });

  it('succeeds', () => {
    expect(build.ok, tail(output)).toBe(true);
  });

  it('publishes every article, none dropped', () => {
    expect(sectionSlugs(pages.map((p) => p.path), 'articles')).toEqual([...Object.keys(SAFE_ARTICLES), HUGE_SLUG].sort());
  });

  it('warns in the build output about the ignored keys, naming file and line', () => {
    expect(output).toContain('content/articles/crlf.md:4:1: warning: unknown key "peple" is ignored (did you mean "people"?)');
    expect(output).toContain('content/articles/proto-keys.md:4:1: warning: unknown key "__proto__" is ignored');
  });

  it('has no <script> but JSON-LD on any page, and a module script only on /search/', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const { path, html } of pages) {
      const scripts = scriptsOf(html);
      const allowed = (type: string) => type === 'application/ld+json' || (path === '/search/' && type === 'module');
      expect(scripts.filter((s) => !allowed(s.type)).map((s) => `${s.type || '(no type)'}: ${s.text.slice(0, 80)}`), path).toEqual([]);
      // Every `<script` in the markup (attribute values emptied: there `<script>` is inert text, as in the
      // source link's href) is one of those elements: none hides in text or breaks out of another.
      const opened = markupOnly(html).match(/<script\b/gi)?.length ?? 0;
      expect(opened, `${path}: every <script opens a real element`).toBe(scripts.length);
    }
  });

  it('has no event-handler attribute and no javascript:, vbscript: or data: URL on any page', () => {
    const problems = pages.flatMap(({ path, html }) => unsafeInPage(html).map((p) => `${path}: ${p}`));
    expect(problems).toEqual([]);
    for (const { path, html } of pages) {
      // Attribute values emptied first: ` onclick=` inside a quoted value is text, not an attribute.
      expect(markupOnly(html), path).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html, path).not.toMatch(/(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript):/i);
    }
  });

  it('renders article bodies and entity descriptions through the allow-list', () => {
    for (const { path, html } of articlePages()) {
      const body = innerHtmlOf(html, 'div', 'prose');
      expect(body, `${path} has a body`).toBeDefined();
      expect(unsafeInFragment(body!), path).toEqual([]);
    }
    const links = page('/articles/javascript-links/');
    expect(anchorsOf(innerHtmlOf(links, 'div', 'prose')!).filter((a) => a.href !== '').map((a) => a.href)).toEqual(['https://example.org/harbour']);
    const handlers = innerHtmlOf(page('/articles/event-handlers/'), 'div', 'prose')!;
    expect(handlers).toContain('<img src="lamp.png" alt="A lamp">');
    expect(handlers).toContain('<a href="https://example.org/">A link with handlers</a>');
    for (const path of ['/places/harbour-town/', '/people/mallory-vane/']) {
      const html = page(path);
      expect(unsafeInPage(html), path).toEqual([]);
      expect(markupOnly(mainOf(html)), path).not.toMatch(/<script|alert\("entity body"\)|<[^>]*\son[a-z]+=/i);
    }
  });

  it('shows a title with <script> as escaped text in the <h1> and the <title>', () => {
    const html = page('/articles/script-in-title/');
    const h1 = innerHtmlOf(html, 'h1')!;
    expect(h1).toContain('&lt;script');
    expect(h1).not.toContain('<script');
    expect(h1Of(html)).toBe(SCRIPT_TITLE);
    const title = innerHtmlOf(html, 'title')!;
    expect(title).toContain('&lt;script');
    expect(textOf(title).startsWith(SCRIPT_TITLE)).toBe(true);
    expect(metaContent(html, 'og:title')).toBe(SCRIPT_TITLE);
    expect(metaContent(html, 'twitter:title')).toBe(SCRIPT_TITLE);
  });

  it('shows the summary, author and source as text and keeps the source link an http(s) link', () => {
    const html = page('/articles/script-in-title/');
    const header = textOf(innerHtmlOf(html, 'article') ?? '');
    expect(header).toContain(SCRIPT_SUMMARY);
    expect(header).toContain(`By ${SCRIPT_AUTHOR}`);
    expect(header).toContain(SCRIPT_SOURCE);
    expect(innerHtmlOf(html, 'p', 'lede')).toContain('&lt;script');
    expect(metaContent(html, 'description')).toBe(SCRIPT_SUMMARY);
    const source = anchorsOf(html).find((a) => a.text === SCRIPT_SOURCE);
    expect(source?.href).toBe(SCRIPT_URL);
    // The summary of the javascript-links article is text too: no link made of it.
    const links = page('/articles/javascript-links/');
    expect(textOf(innerHtmlOf(links, 'p', 'lede')!)).toBe('[click](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>');
  });

  it('keeps JSON-LD inside its script element: "<" written as \\u003c, the values intact', () => {
    for (const { path, html } of pages) {
      for (const { type, text } of scriptsOf(html)) {
        if (type !== 'application/ld+json') continue;
        expect(text, path).not.toMatch(/<\/?script/i);
        expect(text, path).not.toContain('<');
        expect(() => JSON.parse(text), path).not.toThrow();
      }
    }
    const html = page('/articles/script-in-title/');
    const [article] = scriptsOf(html).filter((s) => s.type === 'application/ld+json').map((s) => JSON.parse(s.text) as Record<string, unknown>).filter((d) => d['@type'] === 'NewsArticle');
    expect(article).toMatchObject({ headline: SCRIPT_TITLE, description: SCRIPT_SUMMARY, author: { name: SCRIPT_AUTHOR }, isBasedOn: SCRIPT_URL, about: [{ name: SCRIPT_PERSON }] });
    expect(html).toContain('\\u003cscript>alert(\\"title\\")\\u003c/script> Harbour lights return');
  });

  it('escapes an entity name with markup on its page, in lists and on the articles that name it', () => {
    const person = page('/people/mallory-vane/');
    expect(h1Of(person)).toBe(SCRIPT_PERSON);
    expect(innerHtmlOf(person, 'h1')).toContain('&lt;script');
    expect(innerHtmlOf(person, 'title')).toContain('&lt;script');
    expect(textOf(mainOf(person))).toContain(SCRIPT_ROLE);
    const ld = scriptsOf(person).filter((s) => s.type === 'application/ld+json').map((s) => JSON.parse(s.text) as Record<string, unknown>);
    expect(ld.some((d) => d['name'] === SCRIPT_PERSON)).toBe(true);
    const index = page('/people/');
    expect(anchorsOf(mainOf(index)).some((a) => a.text.includes(SCRIPT_PERSON))).toBe(true);
    const article = page('/articles/script-in-title/');
    expect(anchorsOf(article).find((a) => a.href.endsWith('/people/mallory-vane/'))?.text).toBe(SCRIPT_PERSON);
    for (const html of [person, index, article]) expect(markupOnly(mainOf(html))).not.toMatch(/<script|<img src=x/);
  });

  it('writes a well-formed RSS feed with hostile titles and summaries as text', () => {
    for (const path of ['/rss.xml', '/people/mallory-vane/rss.xml']) {
      const feed = readFileSync(join(build.outDir, path), 'utf8');
      expect(XMLValidator.validate(feed), `${path} is well-formed`).toBe(true);
      expect(feed, path).not.toMatch(/<script/i);
      const items: Record<string, string>[] = xml.parse(feed).rss.channel.item;
      const item = items.find((i) => i['link']?.endsWith('/articles/script-in-title/'));
      expect(item?.['title'], path).toBe(SCRIPT_TITLE);
      // A description is HTML to a feed reader: the summary arrives as its characters, not as markup.
      expect(unsafeInFragment(item?.['description'] ?? ''), path).toEqual([]);
      expect(item?.['description'], path).not.toContain('<');
      expect(textOf(item?.['description'] ?? ''), path).toBe(SCRIPT_SUMMARY);
      expect(feed, path).toMatch(/<title>(?:&lt;script&gt;|<!\[CDATA\[<script>)/);
    }
  });

  it('reads byte-order marks and Windows line endings (articles and an entity file)', () => {
    expect(h1Of(page('/articles/bom/'))).toBe(SAFE_ARTICLES['bom']);
    const crlf = page('/articles/crlf/');
    expect(h1Of(crlf)).toBe(SAFE_ARTICLES['crlf']);
    expect(innerHtmlOf(crlf, 'div', 'prose')).toBe('<p>First paragraph, written on Windows.</p>\n<p>Second paragraph.</p>');
    const town = page('/places/harbour-town/');
    expect(h1Of(town)).toBe('Harbour Town');
    for (const slug of ['bom', 'crlf', 'names-as-scalars', HUGE_SLUG]) expect(town, slug).toContain(`/articles/${slug}/`);
    for (const { path, html } of pages) expect(html, path).not.toContain('\uFEFF');
  });

  it('builds the article with __proto__ and constructor keys under its own title', () => {
    expect(h1Of(page('/articles/proto-keys/'))).toBe(SAFE_ARTICLES['proto-keys']);
    expect(pages.filter((p) => p.html.includes('Polluted')).map((p) => p.path)).toEqual([]);
  });

  it('gives a number written as a tag its page', () => {
    expect(h1Of(page('/tags/2023/'))).toBe('2023');
  });

  it('builds the 5 MB article whole', () => {
    const path = `/articles/${HUGE_SLUG}/`;
    const html = page(path);
    expect(statSync(join(build.outDir, path, 'index.html')).size).toBeGreaterThan(5 * 1024 * 1024);
    expect(h1Of(html)).toBe('A five-megabyte article');
    expect(html).toContain(HUGE_LAST_WORDS);
  });
});

describe('building an article whose link no URL parser accepts', () => {
  const FILE = 'content/articles/link-with-a-space.md';
  let build: BuildResult;
  let output: string;

  beforeAll(() => {
    build = buildArchive(malformedUrlContent());
    output = plain(build.output);
  });

  afterAll(() => removeBuild(build));

  // The engine accepts the article (tests/unit/bad-input.test.ts), so nothing later may fail on it.
  it('builds', () => {
    expect(build.ok, tail(output)).toBe(true);
  });

  it('if it ever stops instead, names the file', () => {
    if (build.ok) return;
    expect(output.split('\n').some((line) => line.includes(FILE)), tail(output)).toBe(true);
  });

  it('writes the article page and a well-formed main feed with the article in it', () => {
    expect(build.page('/articles/link-with-a-space/'), tail(output)).toBeDefined();
    const feed = build.page('/rss.xml');
    expect(feed).toBeDefined();
    expect(XMLValidator.validate(feed!)).toBe(true);
    expect(feed).toContain('/articles/link-with-a-space/');
  });
});
