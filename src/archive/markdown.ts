/**
 * Markdown to safe HTML, parsed once. The syntax tree is kept long enough to take what the archive
 * needs from it (the first paragraph for a summary, headings, plain text) before it is turned into
 * HTML through remark-rehype and rehype-sanitize. Raw HTML in a body is parsed into the tree only
 * when there is some, then cut down to the sanitiser's allow-list: no scripts, no event handlers,
 * no `javascript:` URLs.
 */
import type { Element, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import type { Heading, Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkNews from './remark-news.ts';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostics.ts';
import { MAX_NESTING, sourceNesting, treeNesting, type Nesting } from './nesting.ts';
import { slugify } from './slug.ts';

export interface RenderedMarkdown {
  html: string;
  /** Plain text of the first paragraph, for summaries. */
  firstParagraph: string;
  headings: { depth: number; slug: string; text: string }[];
  wordCount: number;
}

/** Parses raw HTML into real elements, for the sanitiser to cut down. */
const rehypeRaw: Plugin<[], HastRoot> = () => (tree) => raw(tree) as HastRoot;

/** GitHub's allow-list, plus the class that marks entity-mention links (mentions.ts). The check
 * (check.ts) reads it too, to tell editors what it removes. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // A <style> element is dropped with its content, not unwrapped into page text.
  strip: [...(defaultSchema.strip ?? []), 'style'],
  attributes: {
    ...defaultSchema.attributes,
    // The sanitiser reads only the first className rule of an element, so extend that one.
    a: (defaultSchema.attributes?.['a'] ?? []).map((rule) => (Array.isArray(rule) && rule[0] === 'className' ? [...rule, 'mention'] : rule)),
  },
};

/** The prefix the sanitiser puts on every id, so no id in a body can clobber the page's own. */
const ID_PREFIX = sanitizeSchema.clobberPrefix ?? 'user-content-';

/**
 * Points in-page links (`#fn-1`, an editor's `#section`) at the ids the sanitiser renamed. The
 * footnotes remark-rehype writes would otherwise link to `#fn-1` while the note's id is
 * `user-content-fn-1`. A link whose target is not in the body is left as written.
 */
const rehypeFragmentLinks: Plugin<[], HastRoot> = () => (tree) => {
  const ids = new Set<string>();
  const fragmentLinks: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    const { id, href } = node.properties;
    if (typeof id === 'string') ids.add(id);
    if (typeof href === 'string' && href.startsWith('#')) fragmentLinks.push(node);
  });
  for (const link of fragmentLinks) {
    const target = ID_PREFIX + (link.properties['href'] as string).slice(1);
    if (ids.has(target)) link.properties['href'] = `#${target}`;
  }
};

const gfmParser = unified().use(remarkParse).use(remarkNews);
const plainParser = unified().use(remarkParse);

/** A GFM table needs a `|`, strikethrough a `~` and a footnote `[^`: a body with none of them
 * parses the same without those extensions, which cost a quarter of the parse. */
const MAY_USE_GFM = /[|~]|\[\^/;
// Footnote ids unprefixed here: the sanitiser prefixes every id, these too.
const toHast = () => unified().use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' });
/** Which of these a body takes, renderTree tells from its syntax tree: raw HTML there is an `html`
 * node, and footnotes and raw HTML are the only ids an in-page link can reach. */
const toHtml = toHast().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);
const toHtmlWithIds = toHast().use(rehypeSanitize, sanitizeSchema).use(rehypeFragmentLinks).use(rehypeStringify);
const toHtmlWithRaw = toHast().use(rehypeRaw).use(rehypeSanitize, sanitizeSchema).use(rehypeFragmentLinks).use(rehypeStringify);

/** A parsed body, or how deeply it nests when that is past the limit (nesting.ts). */
export type ParsedMarkdown = { ok: true; tree: MdastRoot } | { ok: false; tooDeep: Nesting };

/** Parses a body, unless it nests past the limit: measured in the source before parsing, and in
 * the tree before anything else walks it. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const before = sourceNesting(source);
  if (before.depth > MAX_NESTING) return { ok: false, tooDeep: before };
  const parser = MAY_USE_GFM.test(source) ? gfmParser : plainParser;
  const tree = parser.runSync(parser.parse(source)) as MdastRoot;
  const after = treeNesting(tree);
  return after.depth > MAX_NESTING ? { ok: false, tooDeep: after } : { ok: true, tree };
}

/** The finding for a body that nests too deeply; `bodyLine` is the file's line of the body's first. */
export function tooDeepDiagnostic({ depth, line }: Nesting, file: string, bodyLine: number): Diagnostic {
  return {
    severity: 'error',
    code: 'nesting',
    file,
    line: line === undefined ? bodyLine : bodyLine + line - 1,
    message: `the body nests ${depth} levels deep; the limit is ${MAX_NESTING}`,
    hint: 'flatten the block quotes, lists, emphasis or HTML elements nested inside one another there; no article needs more than a few levels',
  };
}

/** Renders a parsed (and possibly transformed) tree. */
export function renderTree(tree: MdastRoot): RenderedMarkdown {
  let firstParagraph = '';
  const headings: RenderedMarkdown['headings'] = [];
  let hasFootnotes = false;
  let hasRaw = false;
  // Words counted per block, so words either side of a block boundary stay two words; no block
  // of these three holds another, so none is counted twice.
  let wordCount = 0;
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') hasFootnotes = true;
    if (node.type === 'html') hasRaw = true;
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    const text = toString(node, { includeHtml: false });
    wordCount += text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (node.type === 'paragraph' && firstParagraph === '') firstParagraph = text.trim();
    if (node.type === 'heading') {
      const title = toString(node as Heading).trim();
      headings.push({ depth: (node as Heading).depth, slug: slugify(title), text: title });
    }
  });
  const processor = hasRaw ? toHtmlWithRaw : hasFootnotes ? toHtmlWithIds : toHtml;
  const hast = processor.runSync(tree) as HastRoot;
  return {
    html: processor.stringify(hast),
    firstParagraph,
    headings,
    wordCount,
  };
}

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const end = cut.lastIndexOf(' ');
  return `${cut.slice(0, end > max * 0.6 ? end : max).replace(/[\s,;:.–—-]+$/, '')}…`;
}
