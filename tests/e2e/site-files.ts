/**
 * Reading a built site from disk, for the e2e tests: its HTML pages, and every internal link in
 * them checked against the files the build actually wrote. (Not a test file itself.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface SitePage {
  /** The file, relative to the output folder, with `/` separators: `people/hun-sen/index.html`. */
  file: string;
  /** The URL path the page is served at, without the base: `/people/hun-sen/`, `/404.html`. */
  path: string;
  html: string;
}

/** Every `.html` file under `outDir`. */
export function htmlPages(outDir: string): SitePage[] {
  const pages: SitePage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        const file = relative(outDir, full).split(sep).join('/');
        const path = file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
        pages.push({ file, path, html: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(outDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an attribute value may hold (`&amp;`, `&#39;`, `&#x2F;`). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The value of each `attribute` on each `<tag …>` in the HTML (quoted or not), decoded. */
export function attributeValues(html: string, tag: string, attribute: string): string[] {
  const values: string[] = [];
  const tagPattern = new RegExp(`<${tag}\\b([^>]*)>`, 'gi');
  const attrPattern = new RegExp(`(?:^|\\s)${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
  for (const match of html.matchAll(tagPattern)) {
    const attrs = match[1] ?? '';
    const found = attrPattern.exec(attrs);
    if (found) values.push(decodeEntities(found[1] ?? found[2] ?? found[3] ?? ''));
  }
  return values;
}

/** Every `id` (and `name` on anchors) in a page: the targets of `#fragment` links. */
export function fragmentTargets(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    ids.add(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
  }
  return ids;
}

export interface LinkProblem {
  page: string;
  href: string;
  problem: string;
}

export interface LinkReport {
  pagesChecked: number;
  linksChecked: number;
  /** Distinct site paths (without base) that some `<a>` points at. */
  linkedPaths: Set<string>;
  problems: LinkProblem[];
}

/**
 * Checks every root-relative link in every page of `outDir`: `<a href="/…">` and, for assets,
 * `<link href="/…">`, `<img|script|source src="/…">`. Each must point under `base`, decode, and
 * name a file the build wrote (`…/` → `…/index.html`); a `#fragment` must name an id on that page.
 */
export function checkInternalLinks(outDir: string, base = ''): LinkReport {
  const prefix = base.replace(/\/+$/, '');
  const pages = htmlPages(outDir);
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (page: SitePage) => {
    let ids = idsCache.get(page.path);
    if (!ids) idsCache.set(page.path, (ids = fragmentTargets(page.html)));
    return ids;
  };

  const report: LinkReport = { pagesChecked: pages.length, linksChecked: 0, linkedPaths: new Set(), problems: [] };

  for (const page of pages) {
    const problem = (href: string, text: string) => report.problems.push({ page: page.path, href, problem: text });
    const anchors = attributeValues(page.html, 'a', 'href');
    const assets = [
      ...attributeValues(page.html, 'link', 'href'),
      ...['img', 'script', 'source', 'iframe'].flatMap((tag) => attributeValues(page.html, tag, 'src')),
    ];

    // Same-page fragments (`#main`) must have a target too.
    for (const href of anchors.filter((h) => h.startsWith('#') && h.length > 1)) {
      report.linksChecked++;
      if (!idsOf(page).has(decodeURIComponentSafe(href.slice(1)) ?? href.slice(1))) problem(href, 'no element with that id on this page');
    }

    for (const [href, isAnchor] of [...anchors.map((h) => [h, true] as const), ...assets.map((h) => [h, false] as const)]) {
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      report.linksChecked++;
      const hashAt = href.indexOf('#');
      const fragment = hashAt === -1 ? '' : href.slice(hashAt + 1);
      const withoutHash = hashAt === -1 ? href : href.slice(0, hashAt);
      const rawPath = withoutHash.split('?')[0] ?? '';

      if (prefix !== '' && rawPath !== `${prefix}/` && !rawPath.startsWith(`${prefix}/`)) {
        problem(href, `is outside the base path ${prefix}/`);
        continue;
      }
      const encodedPath = rawPath.slice(prefix.length);
      const sitePath = decodeURIComponentSafe(encodedPath);
      if (sitePath === undefined) {
        problem(href, 'has malformed percent-encoding');
        continue;
      }
      if (sitePath.split('/').some((segment) => segment === '..' || segment === '.')) {
        problem(href, 'contains . or .. segments');
        continue;
      }

      const file = join(outDir, ...sitePath.split('/').filter(Boolean), sitePath.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) {
        problem(href, `points at ${sitePath}, which the build did not write`);
        continue;
      }
      if (statSync(file).isDirectory()) {
        problem(href, `points at the folder ${sitePath} without a trailing slash`);
        continue;
      }
      if (!isAnchor) continue;
      report.linkedPaths.add(sitePath);

      if (fragment !== '') {
        const target = byPath.get(sitePath);
        const id = decodeURIComponentSafe(fragment) ?? fragment;
        if (target && !idsOf(target).has(id)) problem(href, `has no element with id "${id}" on ${sitePath}`);
      }
    }
  }
  return report;
}

function decodeURIComponentSafe(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** Problems as readable lines, for assertion messages. */
export function formatProblems(problems: LinkProblem[], limit = 40): string {
  const lines = problems.slice(0, limit).map((p) => `  ${p.page}: ${p.href} — ${p.problem}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join('\n');
}

/**
 * Whether a `<script type="…">` runs as JavaScript. Data blocks (`application/ld+json` and any
 * other non-script type) are not client JS; no type, `module`, or a JavaScript MIME type is.
 */
export function isExecutableScriptType(type: string | null | undefined): boolean {
  const t = (type ?? '').trim().toLowerCase();
  return t === '' || t === 'module' || /(java|ecma|j|live)script/.test(t);
}

export interface ScriptTag {
  type: string;
  src?: string;
  /** The text between the tags (empty for `src` scripts). */
  body: string;
}

/** Every `<script>` in a page. */
export function scriptTags(html: string): ScriptTag[] {
  const tags: ScriptTag[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const open = `<script${match[1] ?? ''}>`;
    tags.push({
      type: attributeValues(open, 'script', 'type')[0] ?? '',
      src: attributeValues(open, 'script', 'src')[0],
      body: match[2] ?? '',
    });
  }
  return tags;
}
