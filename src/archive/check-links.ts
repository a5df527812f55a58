/**
 * Internal links of the content check: links written in Markdown (or raw HTML `<a href>`) that
 * lead to a page of the archive that does not exist, or from a published article to a draft, with
 * the address probably meant.
 */
import { decodeHTMLStrict } from 'entities';
import type { Definition, Html, Link, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Article } from './article.ts';
import type { ArchiveIndex } from './archive-index.ts';
import type { Finding } from './check-findings.ts';
import { isEntityKind, KIND_LABELS, type EntityKind } from './kinds.ts';
import { closest, everyName } from './names.ts';
import { slugify } from './slug.ts';

/** `news`, `/news` → `/news/`; `` → `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const INTERNAL_ORIGIN = 'http://archive.invalid';

/** A link as written in a body, with its place in the file. */
export interface WrittenLink {
  url: string;
  line: number | undefined;
  column: number | undefined;
}

/** Every link of a body in Markdown or raw HTML `<a href>`, in the order written; `lineOffset`
 * is the body's first line in its file, less one. */
export function writtenLinks(tree: MdastRoot, lineOffset: number): WrittenLink[] {
  const links: WrittenLink[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: node.position ? node.position.start.line + lineOffset : undefined,
    column: node.position?.start.column,
  });
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') {
      links.push({ url: (node as Link | Definition).url, ...at(node) });
    } else if (node.type === 'html') {
      for (const match of (node as Html).value.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
        links.push({ url: decodeHTMLStrict(match[1] ?? match[2] ?? match[3] ?? ''), ...at(node) });
      }
    }
  });
  return links;
}

export class LinkChecker {
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

  /** Findings for an article's links (writtenLinks) that lead to no page of the archive. */
  check(links: readonly WrittenLink[], file: string, slug: string, isDraft: boolean): Finding[] {
    const findings: Finding[] = [];
    for (const { url, line, column } of links) {
      const finding = this.checkUrl(url, slug, isDraft);
      if (finding) findings.push({ ...finding, file, line, column });
    }
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
  return closest(slug, candidates, { maxDistance: Math.min(3, Math.floor(slug.length / 4)) });
}
