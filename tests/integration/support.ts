/**
 * Small helpers for reading built HTML in integration tests. Deliberately plain string and regex
 * work over Astro's compact output, so the tests depend on no HTML parser the project does not use.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every `.html` file under a folder, as site paths (`/people/mara-quillfeather/`, `/404.html`), sorted. */
export function htmlPages(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const site = `/${relative(outDir, path).split(sep).join('/')}`;
        pages.push(site.endsWith('/index.html') ? site.slice(0, -'index.html'.length) : site);
      }
    }
  };
  walk(outDir);
  return pages.sort();
}

/** Every file under a folder, as paths from it (`/people/index.html`), sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length))
    .sort();
}

/** The numbers of one line of a build's log, or none when the build wrote no such line. */
const logLine =
  (pattern: RegExp) =>
  (build: { output: string }): number[] | undefined =>
    pattern.exec(build.output)?.slice(1).map(Number);

/** `8 articles (2 processed, 6 unchanged)` → [8, 2, 6]. */
export const articlesLine = logLine(/\b(\d+) articles \((\d+) processed, (\d+) unchanged\)/);
/** `3 of 52 pages to render, 49 unchanged` → [3, 52, 49]. */
export const pagesLine = logLine(/(\d+) of (\d+) pages to render, (\d+) unchanged/);
/** Search shards, and shards left unchanged: `(4 shards, 2 unchanged)` → [4, 2]. */
export const searchLine = logLine(/search index: \d+ pages in \d+ ms \((\d+) shards, (\d+) unchanged\)/);
/** `feeds and API: 57 files (3 written, 54 unchanged)` → [57, 3, 54]. */
export const feedsLine = logLine(/feeds and API: (\d+) files \((\d+) written, (\d+) unchanged\)/);

/** The slugs of pages directly under a section: `/people/<slug>/` → `<slug>`, sorted. */
export function sectionSlugs(pages: readonly string[], section: string): string[] {
  const pattern = new RegExp(`^/${section}/([^/]+)/$`);
  return pages.flatMap((p) => pattern.exec(p)?.[1] ?? []).sort();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Astro writes (named, decimal and hex). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML fragment: tags removed, references decoded, white space collapsed. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The page's `<main>` element (the whole page when it has none), so navigation is left out. */
export function mainOf(html: string): string {
  const match = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html);
  return match ? match[1]! : html;
}

/** Article slugs linked from a fragment, in order of first appearance. */
export function linkedArticles(html: string): string[] {
  const slugs: string[] = [];
  for (const match of html.matchAll(/href="(?:[^"]*?)\/articles\/([^/"#?]+)\/?(?:[#?][^"]*)?"/g)) {
    const slug = decodeURIComponent(match[1]!);
    if (!slugs.includes(slug)) slugs.push(slug);
  }
  return slugs;
}

/** Every `href`/`src` value in a page. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/** `<a>` elements as { href, rel, text }. */
export function anchors(html: string): { href: string; rel: string; text: string }[] {
  return [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)].map((m) => ({
    href: decodeEntities(/\shref="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
    rel: /\srel="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
    text: textOf(m[2]!),
  }));
}

/** `<time>` elements as { datetime, text }, in document order. */
export function times(html: string): { datetime: string; text: string }[] {
  return [...html.matchAll(/<time\b([^>]*)>([\s\S]*?)<\/time>/gi)].map((m) => ({
    datetime: decodeEntities(/\sdatetime="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
    text: textOf(m[2]!),
  }));
}

/**
 * The content of the section introduced by the `<h2>` whose text starts with `heading`: from the
 * end of that heading to the next `</section>` (sections read this way hold no nested sections).
 */
export function section(html: string, heading: string): string | undefined {
  for (const match of html.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/gi)) {
    if (!textOf(match[1]!).startsWith(heading)) continue;
    const from = match.index! + match[0].length;
    const end = html.indexOf('</section>', from);
    return html.slice(from, end === -1 ? undefined : end);
  }
  return undefined;
}

/** The text of the first `<h1>`. */
export function h1Of(html: string): string | undefined {
  const match = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return match ? textOf(match[1]!) : undefined;
}

/**
 * The page with every quoted attribute value emptied (`content="…"` → `content=""`), so what is
 * left is markup and text. `<script>` inside an attribute value is inert text; outside one it is not.
 */
export function markupOnly(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) return out + html.slice(i);
    out += html.slice(i, open);
    // Inside a tag: copy up to its closing `>`, emptying quoted values on the way.
    let j = open;
    while (j < html.length && html[j] !== '>') {
      const c = html[j]!;
      if ((c === '"' || c === "'") && /=\s*$/.test(html.slice(open, j))) {
        const close = html.indexOf(c, j + 1);
        out += c + c;
        j = close === -1 ? html.length : close + 1;
        continue;
      }
      out += c;
      j++;
    }
    out += '>';
    i = j + 1;
  }
  return out;
}

/** The contents of each `<script>` element. */
export function scripts(html: string): string[] {
  return [...markupOnly(html).matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m) => m[1]!);
}

/** Markup and text only: attribute values emptied, script and style contents removed. */
export function visibleMarkup(html: string): string {
  return markupOnly(html).replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2></$1>');
}

/** Removes terminal colour codes from build output. */
export function plain(output: string): string {
  return output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}
