/**
 * Entity mentions in an article body, on the Markdown syntax tree:
 * - `linkMentions` links the first mention of each entity the article is tagged with to its page
 *   (by name or any alias, ignoring case and diacritics, whole words only, never inside links,
 *   headings, code or raw HTML);
 * - `findKnownMentions` lists known entities the body names, so the editor can be told about
 *   the ones the frontmatter does not tag.
 */
import type { Link, Parent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { NameIndex, NamedEntity } from './name-index.ts';
import { foldDiacritics, nameKey } from './names.ts';

/** Nodes whose text is not prose to link or scan. */
const OPAQUE = new Set(['link', 'linkReference', 'heading', 'code', 'inlineCode', 'html', 'definition', 'image', 'imageReference']);

/** Text folded for matching, with the position in the original of every folded character. */
interface Folded {
  text: string;
  origin: number[];
}

function fold(text: string): Folded {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const char of text) {
    // Plain ASCII needs no Unicode folding, and is nearly all of an English article.
    const f = char < '\u0080' ? (char === '`' ? "'" : char.toLowerCase()) : foldDiacritics(char).toLowerCase().replace(/['’ʼ‘`´]/g, "'");
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

/** Each visit of a prose text node, in document order, with its parent and position. */
function eachProseText(tree: Root, fn: (node: Text, index: number, parent: Parent) => number | void): void {
  visit(tree, (node, index, parent) => {
    if (OPAQUE.has(node.type)) return SKIP;
    if (node.type === 'text' && parent && index !== undefined) {
      const next = fn(node as Text, index, parent as Parent);
      if (next !== undefined) return [SKIP, next];
    }
    return undefined;
  });
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
    const start = origin[best.start]!;
    const end = origin[best.end]!;
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
  const found = new Map<NamedEntity, KnownMention>();
  eachProseText(tree, (node) => {
    const words = node.value.split(/[^\p{L}\p{M}\p{N}'’]+/u).filter(Boolean);
    const keys = words.map((w) => nameKey(w));
    // A name may end in a possessive: "Hun Sen's" names Hun Sen, "People's" stays whole.
    const bare = words.map((w) => nameKey(w.replace(/['’]s$/i, '')));
    // Longest name first at each position, and its words are not read again: "Royal Academy of
    // Cambodia" names the academy, not the country.
    for (let i = 0; i < keys.length; ) {
      let matched = 0;
      for (let n = Math.min(names.maxWords, keys.length - i); n >= 1 && matched === 0; n--) {
        const inner = keys.slice(i, i + n - 1);
        for (const last of new Set([keys[i + n - 1]!, bare[i + n - 1]!])) {
          for (const entity of names.byKey([...inner, last].join(' '))) {
            matched = n;
            if (!found.has(entity)) found.set(entity, { entity, text: words.slice(i, i + n).join(' '), line: node.position?.start.line });
          }
        }
      }
      i += Math.max(matched, 1);
    }
  });
  return [...found.values()];
}
