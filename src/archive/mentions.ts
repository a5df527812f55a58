/**
 * Entity mentions in an article body, on the Markdown syntax tree:
 * - `linkMentions` links the first mention of each entity the article is tagged with to its page
 *   (by name or any alias, ignoring case and diacritics, whole words only, never inside links,
 *   an editor's raw `<a>` included, headings, code or raw HTML);
 * - `findKnownMentions` lists known entities the body names, so the editor can be told about
 *   the ones the frontmatter does not tag.
 */
import type { Link, Parent, Root, Text } from 'mdast';
import type { NameIndex, NamedEntity } from './name-index.ts';
import { POSSESSIVE, foldDiacritics, nameKey } from './names.ts';

/** Nodes whose text is not prose to link or scan. */
const OPAQUE = new Set(['link', 'linkReference', 'heading', 'code', 'inlineCode', 'html', 'definition', 'image', 'imageReference']);

/** Text folded for matching, with the position in the original of every folded character
 * (none when folding kept every position). */
interface Folded {
  text: string;
  origin?: number[];
}

const PLAIN_ASCII = /^[\x00-\x5f\x61-\x7f]*$/;

/** What each character beyond ASCII folds to, worked out once: an article repeats few of them
 * (a Vietnamese name's letters) many times. */
const charFolds = new Map<string, string>();

function foldChar(char: string): string {
  let folded = charFolds.get(char);
  if (folded === undefined) {
    folded = foldDiacritics(char).toLowerCase().replace(/['’ʼ‘`´]/g, "'");
    charFolds.set(char, folded);
  }
  return folded;
}

function fold(text: string): Folded {
  // Plain ASCII (no backtick) folds to its lowercase, position for position: nearly all of an
  // English article.
  if (PLAIN_ASCII.test(text)) return { text: text.toLowerCase() };
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const char of text) {
    const f = char < '\u0080' ? (char === '`' ? "'" : char.toLowerCase()) : foldChar(char);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += char.length;
  }
  origin.push(i);
  return { text: folded, origin };
}

/** Apostrophes are not word characters here, so "Hun Sen's" mentions Hun Sen. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isBoundary(text: string, index: number): boolean {
  return index <= 0 || index >= text.length || !WORD_CHAR.test(text[index]!);
}

/** Parents of inline HTML, where an HTML node is one tag as micromark reads it (a block of HTML
 * is one node of many tags, and opaque). */
const PHRASING = new Set(['paragraph', 'emphasis', 'strong', 'delete', 'tableCell']);
/** The opening and closing tags of an editor's raw link. */
const RAW_LINK_OPEN = /^<a(?=[\s/>])/i;
const RAW_LINK_CLOSE = /^<\/a[\s>]/i;

/** Each prose text node, in document order, with its parent and position; `fn` may replace the
 * node and say at which index of its parent to go on. Text inside an editor's raw `<a>…</a>` is a
 * link's text, like a Markdown link's, and is not prose. A hand-written recursion rather than
 * unist-util-visit, which cost more than the matching: the tree's depth is bounded before any
 * walk (nesting.ts). */
function eachProseText(parent: Parent, fn: (node: Text, index: number, parent: Parent) => number | void): void {
  const { children } = parent;
  // From a raw <a> among these children on, to its </a> (or their end if it is never closed, as a
  // browser reads it), the children are a link's.
  let inRawLink = false;
  for (let i = 0; i < children.length; ) {
    const node = children[i]!;
    if (inRawLink) {
      if (node.type === 'html' && RAW_LINK_CLOSE.test(node.value)) inRawLink = false;
      i++;
      continue;
    }
    if (node.type === 'html' && PHRASING.has(parent.type) && RAW_LINK_OPEN.test(node.value)) inRawLink = true;
    if (node.type === 'text') {
      i = fn(node, i, parent) ?? i + 1;
      continue;
    }
    if (!OPAQUE.has(node.type) && 'children' in node) eachProseText(node, fn);
    i++;
  }
}

export interface MentionTarget {
  entity: NamedEntity;
  url: string;
}

/** Links the first mention of each target in the tree; returns the targets it linked. */
export function linkMentions(tree: Root, targets: readonly MentionTarget[]): MentionTarget[] {
  const patterns = targets.flatMap((target) =>
    target.entity.names.map((name) => ({ target, folded: fold(name.trim()).text })).filter((p) => p.folded.length > 1),
  );
  // Longest names first, so "Hun Sen" is not taken for "Hun Sen's son Hun Manet"'s shorter rival.
  patterns.sort((a, b) => b.folded.length - a.folded.length);
  const linked = new Set<MentionTarget>();
  if (patterns.length === 0) return [];

  eachProseText(tree, (node, index, parent) => {
    if (linked.size === targets.length) return undefined;
    const { text, origin } = fold(node.value);
    let best: { start: number; end: number; target: MentionTarget } | undefined;
    for (const { target, folded } of patterns) {
      if (linked.has(target)) continue;
      let from = 0;
      for (let at = text.indexOf(folded, from); at !== -1; at = text.indexOf(folded, from)) {
        const end = at + folded.length;
        if (isBoundary(text, at - 1) && isBoundary(text, end)) {
          if (!best || at < best.start) best = { start: at, end, target };
          break;
        }
        from = at + 1;
      }
    }
    if (!best) return undefined;
    linked.add(best.target);
    const start = origin ? origin[best.start]! : best.start;
    const end = origin ? origin[best.end]! : best.end;
    const link: Link = {
      type: 'link',
      url: best.target.url,
      children: [{ type: 'text', value: node.value.slice(start, end) }],
      data: { hProperties: { className: ['mention'] } },
    };
    const pieces: (Text | Link)[] = [];
    if (start > 0) pieces.push({ type: 'text', value: node.value.slice(0, start) });
    pieces.push(link);
    if (end < node.value.length) pieces.push({ type: 'text', value: node.value.slice(end) });
    parent.children.splice(index, 1, ...(pieces as Parent['children']));
    // Look again at the text after the link: it may hold the first mention of another entity.
    return index + pieces.length - (end < node.value.length ? 1 : 0);
  });
  return [...linked];
}

export interface KnownMention {
  entity: NamedEntity;
  /** The words as written. */
  text: string;
  line?: number;
}

/** Known entities named in the body's prose, first mention of each, in document order. */
export function findKnownMentions(tree: Root, names: NameIndex): KnownMention[] {
  // Splitting every text into words and keys is most of an article's scan: none when nothing is known.
  if (names.empty) return [];
  const found = new Map<NamedEntity, KnownMention>();
  eachProseText(tree, (node) => {
    const words = node.value.split(/[^\p{L}\p{M}\p{N}'’]+/u).filter(Boolean);
    // Keys only of the words a name may start at or run on to.
    const keys: string[] = [];
    const keyAt = (j: number): string => (keys[j] ??= nameKey(words[j]!));
    // A name may end in a possessive: "Hun Sen's" names Hun Sen, "People's" stays whole.
    const lastKeys = (j: number): string[] => {
      const bare = POSSESSIVE.test(words[j]!) ? nameKey(words[j]!.slice(0, -2)) : keyAt(j);
      return bare === keyAt(j) ? [bare] : [keyAt(j), bare];
    };
    // Longest name first at each position, and its words are not read again: "Royal Academy of
    // Cambodia" names the academy, not the country. Reading on stops as soon as no known name
    // starts with the words so far, so plain prose costs one lookup a word.
    for (let i = 0; i < words.length; ) {
      if (names.plain(words[i]!)) {
        i++;
        continue;
      }
      let matched = 0;
      let entities: NamedEntity[] = [];
      for (let j = i, prefix = ''; j < words.length; j++) {
        const lead = j === i ? '' : `${prefix} `;
        const here = lastKeys(j).flatMap((last) => names.byKey(lead + last));
        if (here.length > 0) {
          matched = j - i + 1;
          entities = here;
        }
        prefix = lead + keyAt(j);
        if (!names.continues(prefix)) break;
      }
      for (const entity of entities) {
        if (!found.has(entity)) found.set(entity, { entity, text: words.slice(i, i + matched).join(' '), line: node.position?.start.line });
      }
      i += Math.max(matched, 1);
    }
  });
  return [...found.values()];
}
