/**
 * How deeply a Markdown body nests: block quotes in block quotes, lists in lists, emphasis in
 * emphasis, HTML elements in HTML elements. Every walk of the pipeline (remark-rehype, hast-util-raw,
 * the HTML writer, unist-util-visit, the quote reader) recurses once a level, and micromark's time
 * grows with the square of the depth: thousands of levels overflow the stack or take minutes.
 * Neither measure here recurses: the source is read line by line before it is parsed, the tree with
 * an explicit stack after, before any other walk sees it.
 */
import type { Html, Node, Parent, Root } from 'mdast';

/** Deeper than any article needs (a quote in a list in a quote is three), and far below where
 * any walk of the pipeline runs out of stack. */
export const MAX_NESTING = 100;

export interface Nesting {
  depth: number;
  /** Line in the body (1-based) where the deepest level is first reached. */
  line?: number;
}

const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;
const DELIMITER = /[*_~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** An emphasis run still open, and the deepest emphasis already closed inside it. */
interface OpenRun {
  char: string;
  length: number;
  inner: number;
}

/**
 * The deepest nesting the source can give, read before parsing: block containers by their markers
 * (a `>` or a list marker each, and two columns of indentation for each open container an indented
 * line continues), and emphasis by pairing its delimiter runs as CommonMark does, paragraph by
 * paragraph.
 */
export function sourceNesting(source: string): Nesting {
  let best: Nesting = { depth: 0 };
  const note = (depth: number, line: number) => {
    if (depth > best.depth) best = { depth, line };
  };
  let open: OpenRun[] = [];
  let openOf = new Map<string, number>();
  let lineNumber = 0;
  // Indentation only continues containers already open: a line indented 300 columns in a code
  // block is not 150 lists deep. Each marker opens one level more.
  let previous = 0;
  for (const line of source.split(/\r\n|\r|\n/)) {
    lineNumber++;
    // Block containers.
    let i = 0;
    let containers = 0;
    for (;;) {
      let columns = 0;
      while (line[i] === ' ' || line[i] === '\t') columns += line[i++] === '\t' ? 4 - (columns % 4) : 1;
      const continued = Math.min(Math.floor(columns / 2), Math.max(0, previous - containers));
      LIST_MARKER.lastIndex = i;
      const marker = line[i] === '>' ? '>' : LIST_MARKER.exec(line)?.[0];
      if (marker === undefined) {
        containers += continued;
        break;
      }
      containers += 1 + continued;
      i += marker.length;
    }
    note(containers, lineNumber);
    const blank = line.slice(i).trim() === '';
    if (!blank) previous = containers;
    if (blank) {
      open = [];
      openOf = new Map();
      continue;
    }
    // Emphasis: a closing run closes the nearest open run of its character, as micromark does.
    for (let at = i; at < line.length; ) {
      const char = line[at]!;
      if (!DELIMITER.test(char)) {
        at++;
        continue;
      }
      let end = at;
      while (line[end] === char) end++;
      const before = line[at - 1] ?? ' ';
      const after = line[end] ?? ' ';
      const left = !/\s/.test(after) && (!PUNCTUATION.test(after) || /\s/.test(before) || PUNCTUATION.test(before));
      const right = !/\s/.test(before) && (!PUNCTUATION.test(before) || /\s/.test(after) || PUNCTUATION.test(after));
      const canOpen = char === '_' ? left && (!right || PUNCTUATION.test(before)) : left;
      const canClose = char === '_' ? right && (!left || PUNCTUATION.test(after)) : right;
      let remaining = end - at;
      while (canClose && remaining > 0 && (openOf.get(char) ?? 0) > 0) {
        let carried = 0;
        while (open.at(-1)!.char !== char) {
          const dropped = open.pop()!;
          openOf.set(dropped.char, openOf.get(dropped.char)! - 1);
          carried = Math.max(carried, dropped.inner);
        }
        const opener = open.at(-1)!;
        const used = Math.min(opener.length, remaining);
        const depth = containers + Math.max(opener.inner, carried) + (char === '~' ? 1 : Math.ceil(used / 2));
        note(depth, lineNumber);
        opener.length -= used;
        remaining -= used;
        const closed = depth - containers;
        if (opener.length > 0) opener.inner = closed;
        else {
          open.pop();
          openOf.set(char, openOf.get(char)! - 1);
          const below = open.at(-1);
          if (below) below.inner = Math.max(below.inner, closed);
        }
      }
      if (canOpen && remaining > 0) {
        open.push({ char, length: remaining, inner: 0 });
        openOf.set(char, (openOf.get(char) ?? 0) + 1);
      }
      at = end;
    }
  }
  return best;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements a new one of the same name closes: `<p>a<p>b` is two paragraphs, not one in another. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/**
 * The deepest nesting of a parsed tree: its nodes (a list and its items count as one level), and the
 * elements its raw HTML opens and has not closed. HTML opened inside a Markdown block ends with it,
 * as the HTML parser ends it; HTML opened at the top (a `<div>` on its own line) stays open.
 */
export function treeNesting(tree: Root): Nesting {
  let best: Nesting = { depth: 0 };
  const html: string[] = [];
  const stack: { node: Node; depth: number; htmlAt: number; next: number }[] = [{ node: tree, depth: 0, htmlAt: 0, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const children = (frame.node as Parent).children;
    if (frame.next >= children.length) {
      stack.pop();
      html.length = frame.htmlAt;
      continue;
    }
    const child = children[frame.next++]!;
    const line = child.position?.start.line;
    if (child.type === 'html') {
      for (const [whole, closing, name, selfClosed] of (child as Html).value.matchAll(TAG)) {
        if (whole.startsWith('<!--')) continue;
        const tag = name!.toLowerCase();
        if (closing) {
          const at = html.lastIndexOf(tag);
          if (at >= frame.htmlAt) html.length = at;
        } else if (!VOID_ELEMENTS.has(tag) && !selfClosed) {
          if (SELF_CLOSING_SIBLINGS.has(tag) && html.at(-1) === tag) html.pop();
          html.push(tag);
          const depth = frame.depth + html.length;
          if (depth > best.depth) best = { depth, line };
        }
      }
    }
    if ('children' in child) {
      const depth = frame.depth + (child.type === 'list' ? 0 : 1);
      if (depth + html.length > best.depth) best = { depth: depth + html.length, line };
      stack.push({ node: child, depth, htmlAt: html.length, next: 0 });
    }
  }
  return best;
}
