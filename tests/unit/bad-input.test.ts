/**
 * Bad input never gets through, engine level (no build): every file of the errors fixture yields
 * an error naming that file, its line where known, and what is wrong; every file of the safe
 * fixture loads without an error, its hostile values kept as text and its bodies sanitised.
 * The build-level half is tests/integration/bad-input.test.ts.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteLinks } from '../../src/archive/absolute-links.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/archive/diagnostics.ts';
import { loadArchive, type LoadedArchive } from '../../src/archive/load.ts';
import {
  ERROR_CASES,
  ERROR_FILES,
  ERRORS_CONTROL,
  SAFE_ARTICLES,
  SAFE_WARNINGS,
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
  type ErrorCase,
} from '../fixtures/bad/cases.ts';
import { unsafeInFragment } from '../fixtures/bad/inspect-html.ts';

const SITE = new URL('https://archive.example.org/');

async function markdownFiles(content: string): Promise<string[]> {
  const entries = await readdir(content, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.md$/.test(e.name))
    .map((e) => relative(join(content, '..'), join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function label(c: ErrorCase): string {
  return c.files.join(' + ');
}

/** The one error finding a case is about: about its file, or (for a collision) naming all its files. */
function findingsFor(diagnostics: readonly Diagnostic[], c: ErrorCase): Diagnostic[] {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (c.files.length === 1) return errors.filter((d) => d.file === c.files[0]);
  return errors.filter((d) => c.files.includes(d.file) && c.files.every((f) => d.message.includes(f)));
}

describe('the errors fixture, loaded by the engine', () => {
  let archive: LoadedArchive;
  let dispose: () => Promise<void>;
  let files: string[];

  beforeAll(async () => {
    const copy = await errorsArchive();
    dispose = copy.dispose;
    files = await markdownFiles(copy.content);
    archive = await loadArchive(copy.content);
  });

  afterAll(async () => {
    await dispose?.();
  });

  it.each(ERROR_CASES.map((c) => [label(c), c] as const))('%s: one error naming the file, the line and the problem', (_, c) => {
    const findings = findingsFor(archive.diagnostics, c);
    expect(findings.map(formatDiagnostic), `one error about ${label(c)}; all findings:\n${archive.diagnostics.map(formatDiagnostic).join('\n')}`).toHaveLength(1);
    const finding = findings[0]!;
    if (c.line !== undefined) expect(finding.line, `${label(c)}: the line`).toBe(c.line);
    // What is wrong and what to do: the message and its hint, as the editor reads them.
    const text = formatDiagnostic(finding);
    for (const words of c.says) {
      if (typeof words === 'string') expect(text).toContain(words);
      else expect(text).toMatch(words);
    }
    if (c.exact) expect(formatDiagnostic(finding)).toBe(c.exact);
    // The formatted line starts with the file, so editors' tools can jump to it.
    expect(formatDiagnostic(finding).startsWith(`${finding.file}${finding.line === undefined ? '' : `:${finding.line}:`}`)).toBe(true);
  });

  it('has no error that no case expects', () => {
    const unexpected = archive.diagnostics.filter((d) => d.severity === 'error' && !ERROR_CASES.some((c) => findingsFor([d], c).length === 1));
    expect(unexpected.map(formatDiagnostic)).toEqual([]);
  });

  it('drops nothing silently: every file is loaded or named by an error', () => {
    const loaded = new Set([...archive.articles.map((a) => a.file), ...archive.entityFiles.map((e) => e.file)]);
    const named = (file: string) => archive.diagnostics.some((d) => d.severity === 'error' && (d.file === file || d.message.includes(file)));
    expect(files.filter((file) => !loaded.has(file) && !named(file))).toEqual([]);
    // And the fixture holds no file that no case is about (a new file needs a case).
    expect(files.filter((file) => file !== ERRORS_CONTROL && !ERROR_FILES.includes(file) && !archive.entityFiles.some((e) => e.file === file))).toEqual([]);
  });

  it('loads the one good article without an error of its own', () => {
    expect(archive.articles.map((a) => a.file)).toContain(ERRORS_CONTROL);
    expect(archive.diagnostics.filter((d) => d.severity === 'error' && d.file === ERRORS_CONTROL)).toEqual([]);
  });

  it('never turns bytes that are not UTF-8 into replacement characters', () => {
    expect(archive.articles.filter((a) => /\uFFFD/.test(a.title + a.html))).toEqual([]);
  });
});

describe('the safe fixture, loaded by the engine', () => {
  let archive: LoadedArchive;
  let dispose: () => Promise<void>;
  const article = (slug: string) => {
    const found = archive.articles.find((a) => a.slug === slug);
    expect(found, `article ${slug} is loaded`).toBeDefined();
    return found!;
  };

  beforeAll(async () => {
    const copy = await safeArchive();
    dispose = copy.dispose;
    archive = await loadArchive(copy.content);
  });

  afterAll(async () => {
    await dispose?.();
  });

  it('loads every article, with no error', () => {
    expect(archive.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(Object.fromEntries(archive.articles.map((a) => [a.slug, a.title]))).toEqual(SAFE_ARTICLES);
    expect(archive.index.articles.map((a) => a.slug).sort()).toEqual(Object.keys(SAFE_ARTICLES).sort());
  });

  it('warns about exactly the unknown keys, on their lines (BOM and CRLF do not shift them)', () => {
    const warnings = archive.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic);
    for (const pattern of SAFE_WARNINGS) expect(warnings.filter((w) => pattern.test(w)), `${pattern}\n${warnings.join('\n')}`).toHaveLength(1);
    expect(warnings.filter((w) => /unknown key/.test(w))).toHaveLength(SAFE_WARNINGS.length);
  });

  it('reads a file with a byte-order mark as if it had none', () => {
    const bom = article('bom');
    expect(bom.title).toBe('A file saved with a byte-order mark');
    expect(bom.date.date).toBe('2023-04-01');
    expect(JSON.stringify(bom)).not.toContain('\uFEFF');
  });

  it('reads Windows line endings: no carriage return reaches a value or the HTML', () => {
    const crlf = article('crlf');
    expect(crlf.title).toBe('A file saved with Windows line endings');
    expect(crlf.html).toBe('<p>First paragraph, written on Windows.</p>\n<p>Second paragraph.</p>');
    expect(crlf.summary).toBe('First paragraph, written on Windows.');
    expect(JSON.stringify(crlf)).not.toMatch(/\\r/);
  });

  it('reads an entity file with both a byte-order mark and CRLF, and sanitises its description', () => {
    const town = archive.entityFiles.find((e) => e.file === 'content/places/harbour-town.md');
    expect(town).toMatchObject({ slug: 'harbour-town', name: 'Harbour Town', aliases: ['Harbourtown'], facts: { country: 'Ellery' } });
    expect(town!.html).toBe('<p>A town by the harbour. <span>Click</span></p>');
    // Its name and its alias are one place, whichever an article writes.
    expect(archive.index.entity('places', 'harbour-town')?.articles.map((a) => a.slug).sort()).toEqual(['bom', 'crlf', 'names-as-scalars']);
    expect(archive.index.entities('places').map((e) => e.slug)).toEqual(['harbour-town']);
  });

  it('keeps markup in titles, summaries, authors, sources and names as plain text (escaping is the page’s job)', () => {
    const a = article('script-in-title');
    expect(a).toMatchObject({ title: SCRIPT_TITLE, summary: SCRIPT_SUMMARY, author: SCRIPT_AUTHOR, source: SCRIPT_SOURCE, url: SCRIPT_URL });
    const person = archive.index.entity('people', 'mallory-vane');
    expect(person?.name).toBe(SCRIPT_PERSON);
    expect(person?.facts.role).toBe(SCRIPT_ROLE);
    expect(person?.articles.map((x) => x.slug).sort()).toEqual(['names-as-scalars', 'script-in-title']);
  });

  it('removes <script> from bodies, whatever its case, and keeps the text around it', () => {
    const a = article('script-in-title');
    expect(a.html.trim()).toBe('<p>Before the script.  After the script.</p>');
    expect(a.html).not.toMatch(/alert|evil/);
  });

  it('removes every javascript:, vbscript: and data: URL and keeps the text and the good link', () => {
    const a = article('javascript-links');
    expect(unsafeInFragment(a.html)).toEqual([]);
    expect(a.html).not.toMatch(/(?:href|src|action)="[^"]*(?:javascript|vbscript|data):/i);
    expect(a.html).not.toMatch(/<a[^>]*href="(?!https:\/\/example\.org\/harbour")/);
    for (const text of ['click me', 'plain', 'mixed case', 'encoded', 'with a tab', 'leading space', 'vbscript', 'data', 'ref']) expect(a.html).toContain(`>${text}</a>`);
    expect(a.html).toContain('<a href="https://example.org/harbour">the harbour</a>');
    expect(a.html).not.toMatch(/<iframe|<form|formaction|action=/i);
    // The summary is text: shown escaped, never parsed as a link.
    expect(a.summary).toBe('[click](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>');
  });

  it('removes event handlers and dangerous elements from raw HTML and keeps what is safe', () => {
    const a = article('event-handlers');
    expect(a.html).toContain('<img src="lamp.png" alt="A lamp">');
    expect(a.html).toContain('<div>A div with handlers.</div>');
    expect(a.html).toContain('<a href="https://example.org/">A link with handlers</a>');
    expect(a.html).toContain('<details open><summary>More</summary>Hidden text.</details>');
    expect(a.html).toContain('<p>In a body tag.</p>');
    expect(a.html).toContain('<p>Styled.</p>');
    expect(a.html).not.toMatch(/alert|<style|<svg|<object|<embed|<meta|<base|<body|style=/i);
  });

  it('leaves no script, event handler or code-running URL in any rendered body or entity description', () => {
    for (const a of archive.articles) expect(unsafeInFragment(a.html), a.file).toEqual([]);
    for (const e of archive.entityFiles) expect(unsafeInFragment(e.html), e.file).toEqual([]);
    const mallory = archive.entityFiles.find((e) => e.slug === 'mallory-vane');
    expect(mallory?.html).toBe('<p>A person whose name was pasted with markup. <img src="x.png"> <a>Profile</a></p>');
  });

  it('ignores __proto__, constructor and prototype keys without polluting any object', () => {
    const a = article('proto-keys');
    expect(a.title).toBe('Frontmatter keys that name JavaScript internals');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.keys(a)).not.toContain('__proto__');
  });

  it('takes a single name for a list, and a number as text (by design)', () => {
    const a = article('names-as-scalars');
    expect(a.names).toMatchObject({ people: ['Mallory Vane'], places: ['Harbour Town'], tags: ['2023'] });
    expect(archive.index.entity('tags', '2023')?.name).toBe('2023');
  });

  it('renders every body for the feed (links made absolute) without throwing', () => {
    for (const a of archive.articles) expect(() => absoluteLinks(a.html, SITE), a.file).not.toThrow();
  });
});

describe('a link whose address no URL parser accepts', () => {
  let archive: LoadedArchive;

  beforeAll(async () => {
    archive = await loadArchive(malformedUrlContent());
  });

  it('loads without an error, the link made harmless or kept', () => {
    expect(archive.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const a = archive.articles.find((x) => x.slug === 'link-with-a-space');
    expect(a?.html).toContain('the harbour office');
    expect(unsafeInFragment(a!.html)).toEqual([]);
  });

  it('can be made absolute for the feed without throwing (the main feed carries full text)', () => {
    for (const a of archive.articles) expect(() => absoluteLinks(a.html, SITE), `${a.file}: ${a.html}`).not.toThrow();
  });
});
