/**
 * The content check behind `npm run check`: everything the build would report about an archive
 * folder, plus what only an editor needs to know and the build does not stop for:
 * - entity files no article names;
 * - internal links written in Markdown (or raw HTML) that lead to no page of the archive;
 * - raw HTML the sanitiser will remove (scripts, event handlers, `javascript:` URLs, disallowed
 *   elements), so nothing disappears from an article without the editor hearing about it;
 * - unknown frontmatter keys grouped into one finding per file, with a count per key;
 * - an archive folder that is missing or has no article (the build stops for these too).
 *
 * Pure engine code: it reads the folder and returns findings; printing is the script's job.
 */
import type { Element, Root as HastRoot } from 'hast';
import { raw, type Options as RawOptions } from 'hast-util-raw';
import type { Definition, Html, Image, Link, Root as MdastRoot } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { slugFromPath, type Article } from './article.ts';
import type { ArchiveIndex } from './archive-index.ts';
import { archiveFindings, readSource } from './content-dir.ts';
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { FILE_KINDS, KIND_LABELS, isEntityKind, type EntityKind } from './kinds.ts';
import { displayRoot, loadArchive } from './load.ts';
import { parseMarkdown, sanitizeSchema } from './markdown.ts';
import { editDistance, everyName } from './names.ts';
import { slugify } from './slug.ts';

export interface Finding extends Diagnostic {
  code: DiagnosticCode;
}

export interface UnknownKeyCount {
  key: string;
  /** Files that have the key. */
  count: number;
  /** The contract key it probably means, when there is one. */
  suggestion?: string;
  /** Up to three files that have it. */
  examples: string[];
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  /** Files checked: articles plus entity files. */
  files: number;
  articleFiles: number;
  entityFiles: number;
  filesWithFindings: number;
  /** Findings per code, most frequent first. */
  byCode: { code: DiagnosticCode; count: number }[];
  /** Unknown frontmatter keys across the archive, most frequent first. */
  unknownKeys: UnknownKeyCount[];
  durationMs: number;
}

export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
}

export interface CheckOptions {
  /** The site's base path (`/` or `/news/`), so links written with it are read as internal. */
  base?: string;
  /** The public origin (`https://archive.example.org`): absolute links to it count as internal. */
  site?: string;
  /**
   * Check drafts as part of the archive (default true): a draft is content an editor works on,
   * and the dev server shows it. Links from published articles to drafts are still reported.
   */
  includeDrafts?: boolean;
}

export async function checkArchive(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const base = normaliseBase(options.base ?? '/');
  const includeDrafts = options.includeDrafts ?? true;
  const loaded = await loadArchive(contentDir, { includeDrafts, base });
  const engineFindings: Finding[] = loaded.diagnostics.map((d) => ({ ...d, code: codeOf(d) }));
  const unknownKeys = countUnknownKeys(engineFindings);
  const findings = groupUnknownKeys(engineFindings);

  for (const f of unusedEntityFiles(loaded.index)) findings.push(f);

  const bySlug = new Map<string, Article>();
  for (const article of loaded.articles) if (!bySlug.has(article.slug)) bySlug.set(article.slug, article);
  const byFile = new Map(loaded.articles.map((a) => [a.file, a]));
  const links = new LinkChecker(loaded.index, bySlug, base, options.site);
  const root = displayRoot(contentDir);
  for (const path of loaded.articlePaths) {
    const source = await readSource(path, root);
    if ('severity' in source) continue; // already a finding from the load
    const split = splitFrontmatter(source.text, source.file);
    if (!split.ok) continue;
    // Only a body with a link, an image or HTML in it has anything for these checks.
    if (!/[<\]]|javascript:/i.test(split.value.body)) continue;
    const article = byFile.get(source.file);
    const parsed = parseMarkdown(split.value.body);
    if (!parsed.ok) continue; // the load reported it
    const tree = parsed.tree;
    const lineOffset = split.value.bodyLine - 1;
    for (const f of removedHtml(tree, split.value.body, source.file, lineOffset)) findings.push(f);
    for (const f of links.check(tree, source.file, article?.slug ?? slugFromPath(source.file), article?.draft ?? false, lineOffset)) findings.push(f);
  }

  // What stops a build before it starts: no archive folder, no articles/ folder, no article.
  findings.push(...(await archiveFindings(contentDir, loaded.articlePaths.length)).map((d) => ({ ...d, code: codeOf(d) })));
  findings.sort(compareFindings);
  const summary = summarise(findings, unknownKeys, loaded.articlePaths.length, loaded.entityPaths.length, performance.now() - started);
  return { findings, summary };
}

/** The one-line summary the script prints last: `2 errors, 5 warnings in 26 files (130 ms)`. */
export function formatSummary(summary: CheckSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')} (${Math.round(summary.durationMs)} ms)`;
}

// ---------------------------------------------------------------------------------------------
// Classifying and grouping what the engine reports

/** The kind of an engine finding: the engine says, and anything it does not name is schema or other. */
export function codeOf(d: Diagnostic): DiagnosticCode {
  return d.code ?? (d.severity === 'error' ? 'schema' : 'other');
}

/**
 * One finding per file for its unknown keys: a file carried over from another generator can have
 * a dozen, and the same dozen in every file. A file with one unknown key keeps the engine's
 * finding as it is (with its did-you-mean).
 */
export function groupUnknownKeys(findings: Finding[]): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.code !== 'unknown-key') continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const out: Finding[] = [];
  const done = new Set<string>();
  for (const f of findings) {
    if (f.code !== 'unknown-key') {
      out.push(f);
      continue;
    }
    const group = byFile.get(f.file)!;
    if (group.length === 1) {
      out.push(f);
      continue;
    }
    if (done.has(f.file)) continue;
    done.add(f.file);
    const keys = group.map((g) => g.key);
    const suggestions = group.filter((g) => g.suggestion !== undefined).map((g) => `"${g.suggestion}" for "${g.key}"`);
    const lines = group.map((g) => g.line).filter((l): l is number => l !== undefined);
    out.push({
      severity: 'warning',
      code: 'unknown-key',
      file: f.file,
      line: lines.length > 0 ? lines.reduce((a, b) => Math.min(a, b)) : undefined,
      message: `${keys.length} unknown keys are ignored: ${keys.map((k) => `"${k}"`).join(', ')}`,
      hint: suggestions.length > 0 ? `did you mean ${suggestions.join(', and ')}?` : 'remove them, or rename them to keys of the content contract',
    });
  }
  return out;
}

/** Each unknown key with the files that have it, from the engine's one-finding-per-key warnings. */
export function countUnknownKeys(findings: readonly Finding[]): UnknownKeyCount[] {
  const keys = new Map<string, UnknownKeyCount>();
  for (const f of findings) {
    const key = f.code === 'unknown-key' ? f.key : undefined;
    if (key === undefined) continue;
    const entry = keys.get(key) ?? { key, count: 0, suggestion: f.suggestion, examples: [] };
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(f.file);
    keys.set(key, entry);
  }
  return [...keys.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function summarise(findings: readonly Finding[], unknownKeys: UnknownKeyCount[], articleFiles: number, entityFiles: number, durationMs: number): CheckSummary {
  const byCode = new Map<DiagnosticCode, number>();
  const files = new Set<string>();
  let errors = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    files.add(f.file);
    byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  }
  return {
    errors,
    warnings: findings.length - errors,
    files: articleFiles + entityFiles,
    articleFiles,
    entityFiles,
    filesWithFindings: files.size,
    byCode: [...byCode.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    unknownKeys,
    durationMs,
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Entity files no article names

function unusedEntityFiles(index: ArchiveIndex): Finding[] {
  const findings: Finding[] = [];
  for (const kind of FILE_KINDS) {
    for (const entity of index.entities(kind)) {
      if (!entity.hasFile || entity.articles.length > 0) continue;
      findings.push({
        severity: 'warning',
        code: 'unused-entity',
        file: entity.file,
        line: 1,
        message: `no article names ${KIND_LABELS[kind].singular.toLowerCase()} "${entity.name}", so its page lists no coverage`,
        hint: `add "${entity.name}" to the ${kind} of the articles about it, or delete the file`,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Internal links

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const INTERNAL_ORIGIN = 'http://archive.invalid';

class LinkChecker {
  private readonly index: ArchiveIndex;
  private readonly articles: Map<string, Article>;
  private readonly base: string;
  private readonly origin: string | undefined;
  private readonly months: Set<string>;
  private readonly years: Set<string>;

  constructor(index: ArchiveIndex, articles: Map<string, Article>, base: string, site: string | undefined) {
    this.index = index;
    this.articles = articles;
    this.base = base;
    this.origin = site ? safeOrigin(site) : undefined;
    this.years = new Set(index.years.map((y) => String(y.year)));
    this.months = new Set(index.years.flatMap((y) => y.months.map((m) => m.key)));
  }

  check(tree: MdastRoot, file: string, slug: string, isDraft: boolean, lineOffset: number): Finding[] {
    const findings: Finding[] = [];
    const at = (node: { position?: { start: { line: number; column: number } } }) => ({
      line: node.position ? node.position.start.line + lineOffset : undefined,
      column: node.position?.start.column,
    });
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') {
        const finding = this.checkUrl((node as Link | Definition).url, slug, isDraft);
        if (finding) findings.push({ ...finding, file, ...at(node) });
      } else if (node.type === 'html') {
        for (const match of (node as Html).value.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
          const finding = this.checkUrl(decodeBasicEntities(match[1] ?? match[2] ?? match[3] ?? ''), slug, isDraft);
          if (finding) findings.push({ ...finding, file, ...at(node) });
        }
      }
    });
    return findings;
  }

  /** A finding (without its place) when the URL is an internal link to a page that does not exist. */
  private checkUrl(url: string, slug: string, isDraft: boolean): Omit<Finding, 'file'> | undefined {
    const path = this.sitePath(url.trim(), slug);
    if (path === undefined) return undefined;
    const parts = path.split('/').filter(Boolean);
    const [section, name, page] = parts;
    const shown = url.trim();
    if (section === 'articles' && name !== undefined && parts.length === 2) {
      const target = this.articles.get(name);
      if (!target) {
        const near = nearest(name, this.articles.keys());
        return this.broken(shown, 'no article has this address', near ? `did you mean ${this.base}articles/${near}/?` : 'check the address: an article\'s address is its file name without .md');
      }
      if (target.draft && !isDraft) {
        return {
          severity: 'warning',
          code: 'draft-link',
          message: `the link to ${shown} points to a draft (${target.file}), which published builds leave out`,
          hint: 'publish that article (draft: false) or remove the link',
        };
      }
      return undefined;
    }
    if (section !== undefined && isEntityKind(section) && name !== undefined && parts.length <= 3) {
      if (page !== undefined && !/^[1-9]\d*$/.test(page)) return undefined;
      if (this.index.entity(section, name)) return undefined;
      const label = KIND_LABELS[section].singular.toLowerCase();
      const near = this.nearEntity(section, name);
      return this.broken(shown, `no ${label} has this address`, near ? `did you mean ${this.base}${section}/${near}/?` : `check the address, or name the ${label} in an article's ${section} so it gets a page`);
    }
    if (section === 'archive' && name !== undefined && parts.length <= 3) {
      if (!/^\d{4}$/.test(name) || (page !== undefined && !/^\d{2}$/.test(page))) {
        return this.broken(shown, 'archive addresses are /archive/<yyyy>/ and /archive/<yyyy>/<mm>/', undefined);
      }
      if (page === undefined ? this.years.has(name) : this.months.has(`${name}-${page}`)) return undefined;
      return this.broken(shown, `no published article is dated ${page === undefined ? name : `${name}-${page}`}`, 'link to a year or month the archive has');
    }
    return undefined;
  }

  private broken(url: string, why: string, hint: string | undefined): Omit<Finding, 'file'> {
    return { severity: 'warning', code: 'broken-link', message: `broken link to ${url}: ${why}`, hint };
  }

  /** The path inside the site (`/people/hun-sen/`) a link leads to, or undefined when it leads elsewhere. */
  private sitePath(url: string, slug: string): string | undefined {
    if (url === '' || url.startsWith('#') || url.startsWith('//')) return undefined;
    let target = url;
    if (SCHEME.test(url)) {
      if (!this.origin || !url.toLowerCase().startsWith(this.origin.toLowerCase())) return undefined;
      target = url.slice(this.origin.length) || '/';
    }
    let resolved: URL;
    try {
      resolved = new URL(target, `${INTERNAL_ORIGIN}${this.base}articles/${slug}/`);
    } catch {
      return undefined;
    }
    if (resolved.origin !== INTERNAL_ORIGIN) return undefined;
    let path: string;
    try {
      path = decodeURIComponent(resolved.pathname);
    } catch {
      path = resolved.pathname;
    }
    if (!path.startsWith(this.base) && `${path}/` !== this.base) return undefined;
    return `/${path.slice(this.base.length)}`;
  }

  private nearEntity(kind: EntityKind, slug: string): string | undefined {
    // The address may be written from a name or alias: /people/samdech-hun-sen/ means Hun Sen.
    const wanted = slug.replace(/-/g, ' ');
    for (const entity of this.index.entities(kind)) {
      if (everyName(entity).some((n) => slugify(n) === slugify(wanted))) return entity.slug;
    }
    return nearest(slug, this.index.entities(kind).map((e) => e.slug));
  }
}

function safeOrigin(site: string): string | undefined {
  try {
    return new URL(site).origin;
  } catch {
    return undefined;
  }
}

/** The closest slug within a few edits, for did-you-mean hints. */
function nearest(slug: string, candidates: Iterable<string>): string | undefined {
  const max = Math.min(3, Math.floor(slug.length / 4));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - slug.length) > max) continue;
    const d = editDistance(slug, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function decodeBasicEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------------------------------------
// What the sanitiser removes

const ALLOWED_TAGS = new Set(sanitizeSchema.tagNames ?? []);
const STRIPPED_TAGS = new Set(sanitizeSchema.strip ?? []);
const PROTOCOLS = sanitizeSchema.protocols ?? {};
/** hast property names that carry a URL checked against the allowed protocols. */
const URL_PROPERTIES = Object.keys(PROTOCOLS);

/** The scheme of a URL as the sanitiser sees it, or undefined for a relative URL. */
function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(':');
  if (colon === -1) return undefined;
  for (const stop of ['?', '#', '/']) {
    const at = url.indexOf(stop);
    if (at !== -1 && at < colon) return undefined;
  }
  return url.slice(0, colon);
}

/** The scheme, when a URL's scheme is one the sanitiser drops, written as an editor would read it. */
function droppedScheme(url: string, property: string): string | undefined {
  const scheme = schemeOf(url);
  if (scheme === undefined) return undefined;
  const allowed = PROTOCOLS[property] ?? [];
  if (allowed.includes(scheme.toLowerCase())) return undefined;
  return `${scheme.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase()}:`;
}

/** The message and hint for a URL the sanitiser drops: a scheme it refuses, or an address with a typo. */
function urlRemoval(scheme: string, url: string, from: string, hint: string): [string, string] {
  const typo = Math.min(editDistance(scheme, 'https:'), editDistance(scheme, 'http:')) <= 2;
  if (/^[a-z][a-z0-9+.-]*:$/.test(scheme) && !typo) return [`removed ${scheme} URL from ${from}`, hint];
  const shown = url.length > 50 ? `${url.slice(0, 50)}…` : url;
  return [`removed the address "${shown}" from ${from}: it is not a web address`, 'fix the typo at its start, so it begins with https://'];
}

const ELEMENT_HINTS: Record<string, string> = {
  script: 'scripts never reach the site: delete it from the body',
  style: 'styles are not applied: delete the <style> block',
  iframe: 'embedded frames are not allowed: link to the page instead',
  object: 'embedded objects are not allowed: link to the content instead',
  embed: 'embedded objects are not allowed: link to the content instead',
  form: 'forms are not allowed in articles',
};

/**
 * Raw HTML in a body that the sanitiser will remove, each with its line: elements outside the
 * allow-list, event-handler attributes, and URLs with schemes other than http(s)/mailto (in raw
 * HTML and in Markdown links and images alike). HTML comments are dropped silently, as intended.
 */
export function removedHtml(tree: MdastRoot, body: string, file: string, lineOffset = 0): Finding[] {
  const findings: Finding[] = [];
  const push = (line: number | undefined, column: number | undefined, message: string, hint: string) =>
    findings.push({ severity: 'warning', code: 'removed-html', file, line: line === undefined ? undefined : line + lineOffset, column, message, hint });

  const fragments: Html[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') fragments.push(node as Html);
    else if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
      const { url, position } = node as Link | Definition | Image;
      const scheme = droppedScheme(url, node.type === 'image' ? 'src' : 'href');
      if (scheme) {
        const what = node.type === 'image' ? 'an image' : 'a link';
        push(position?.start.line, position?.start.column, ...urlRemoval(scheme, url, what, node.type === 'image' ? 'images must use http(s) addresses' : 'links must use http(s) or mailto addresses: the text stays, without the link'));
      }
    }
  });
  if (fragments.length === 0) return findings;

  const file_ = { toString: () => body } as unknown as RawOptions['file'];
  for (const fragment of fragments) {
    if (/^\s*<!--/.test(fragment.value) && /-->\s*$/.test(fragment.value)) continue;
    const hast: HastRoot = { type: 'root', children: [{ type: 'raw', value: fragment.value, position: fragment.position }] };
    let parsed: HastRoot;
    try {
      parsed = raw(hast, { file: file_ }) as HastRoot;
    } catch {
      continue;
    }
    visit(parsed, 'element', (element: Element) => {
      const line = element.position?.start.line ?? fragment.position?.start.line;
      const column = element.position?.start.column ?? fragment.position?.start.column;
      const tag = element.tagName;
      if (!ALLOWED_TAGS.has(tag)) {
        if (!/^[a-z][a-z0-9-]*$/.test(tag)) {
          push(line, column, `removed "<${tag}…>", text that reads as an HTML tag`, 'write &lt; for a literal "<", or write a web address as <https://…> without spaces');
          return undefined;
        }
        push(line, column, `removed <${tag}> element${STRIPPED_TAGS.has(tag) ? ' and its content' : ''}`, ELEMENT_HINTS[tag] ?? `<${tag}> is not in the allowed HTML: its text is kept, the tag removed`);
        if (STRIPPED_TAGS.has(tag) || tag === 'iframe') return SKIP;
      }
      for (const [property, value] of Object.entries(element.properties ?? {})) {
        if (/^on[A-Z]/.test(property) || /^on[a-z]+$/.test(property)) {
          push(line, column, `removed ${property.toLowerCase()} attribute from <${tag}>`, 'event handlers never run on the site: delete the attribute');
        } else if (URL_PROPERTIES.includes(property) && typeof value === 'string') {
          const scheme = droppedScheme(value, property);
          if (scheme) push(line, column, ...urlRemoval(scheme, value, `<${tag}>`, 'only http(s) and mailto addresses are kept: use a normal web address'));
        }
      }
      return undefined;
    });
  }
  return findings;
}
