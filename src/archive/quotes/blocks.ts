/** The blocks of a body (paragraphs, block quotes, barriers) and the quoted spans in them, grouped into units. */
import type { Blockquote, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { Target } from './speakers.ts';
import { DOC_NOUNS } from './words.ts';

export interface Token {
  type: 'word' | 'punct' | 'quote';
  text: string;
  /** Folded lowercase, for the word lists. */
  low: string;
  key: string;
  /** The key without a possessive 's. */
  bare: string;
  cap: boolean;
  possessive: boolean;
  /** For quote tokens: the unit, and whether its words end a sentence. */
  unit?: number;
  endsSentence?: boolean;
  /** A word inside quote marks that make no quotation (too short, a title). */
  quoted?: boolean;
}

export function isWord(token: Token | undefined, ...lows: string[]): boolean {
  return token?.type === 'word' && (lows.length === 0 || lows.includes(token.low));
}

export function isDocNoun(token: Token | undefined): boolean {
  return token?.type === 'word' && !token.cap && DOC_NOUNS.has(token.low);
}

export interface Mention {
  start: number;
  /** Exclusive. */
  end: number;
  target: Target | 'unknown';
  possessive: boolean;
}

interface Span {
  block: number;
  /** Index of the opening mark (or of the paragraph start for a continuation without one). */
  open: number;
  /** Index after the closing mark, or the paragraph end. */
  close: number;
  start: number;
  end: number;
  closed: boolean;
}

export interface ProseBlock {
  type: 'prose';
  text: string;
  inert: boolean[];
  line: number | undefined;
  tokens: Token[];
  boundaryAfter: boolean[];
  sentenceStart: boolean[];
  mentions: Mention[];
  mentionEnd: Map<number, Mention>;
  mentionStart: Map<number, Mention>;
  spans: { span: Span; unit: number }[];
  /** Spans too short or title-like to be quotations: read as words, but known to be quoted. */
  minor: Span[];
}

export interface QuoteBlock {
  type: 'blockquote';
  node: Blockquote;
}

interface Barrier {
  type: 'barrier';
}

export type Block = ProseBlock | QuoteBlock | Barrier;

export interface Unit {
  spans: Span[];
  text: string;
  paragraphs: number;
  line: number | undefined;
  accepted: boolean;
  blockquote?: { block: number; dash?: string };
}

export function collectBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  const walk = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') blocks.push(proseBlock(node));
      else if (node.type === 'blockquote') blocks.push({ type: 'blockquote', node });
      else if (node.type === 'list' || node.type === 'listItem') walk(node.children);
      else if (node.type === 'definition') continue;
      else blocks.push({ type: 'barrier' });
    }
  };
  walk(tree.children);
  return blocks;
}

/** A paragraph's text, with the characters (code, links) whose quote marks do not count. */
export function flatten(node: Paragraph): { text: string; inert: boolean[] } {
  let text = '';
  const inert: boolean[] = [];
  const add = (value: string, isInert: boolean) => {
    text += value;
    for (let i = 0; i < value.length; i++) inert.push(isInert);
  };
  const walk = (children: readonly PhrasingContent[], isInert: boolean) => {
    for (const child of children) {
      switch (child.type) {
        case 'text':
          add(child.value, isInert);
          break;
        case 'inlineCode':
          add(child.value, true);
          break;
        case 'break':
          add('\n', isInert);
          break;
        case 'html':
          add(' ', true);
          break;
        case 'link':
        case 'linkReference':
          walk(child.children, true);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          walk(child.children, isInert);
          break;
        default:
          break;
      }
    }
  };
  walk(node.children, false);
  return { text, inert };
}

export function proseBlock(node: Paragraph): ProseBlock {
  const { text, inert } = flatten(node);
  return {
    type: 'prose',
    text,
    inert,
    line: node.position?.start.line,
    tokens: [],
    boundaryAfter: [],
    sentenceStart: [],
    mentions: [],
    mentionEnd: new Map(),
    mentionStart: new Map(),
    spans: [],
    minor: [],
  };
}

function lineAt(block: ProseBlock, offset: number): number | undefined {
  if (block.line === undefined) return undefined;
  return block.line + (block.text.slice(0, offset).match(/\n/g)?.length ?? 0);
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:]/u;

/**
 * Whether the straight mark at `i` closes a quotation opened with “: it stands where a closing
 * mark stands (after a word or punctuation, before a space or the end) and no ” follows in the
 * paragraph to close it instead, or the ” that follows closes a quotation opened by a later straight mark.
 */
function closesMixed(text: string, i: number): boolean {
  if (i === 0 || /\s/.test(text[i - 1]!)) return false;
  if (i + 1 < text.length && !/[\s.,;:!?)\u2014\u2013]/u.test(text[i + 1]!)) return false;
  const curly = text.indexOf('”', i + 1);
  if (curly === -1) return true;
  // “…," X said. "…”: the ” closes a quotation the next straight mark opens.
  const next = text.indexOf('"', i + 1);
  return (
    /[,.!?]/.test(text[i - 1]!) &&
    next !== -1 &&
    next < curly &&
    /\s/.test(text[next - 1]!) &&
    /\S/.test(text[next + 1] ?? '')
  );
}

/** Finds quoted spans in the prose blocks, in order, and groups continued ones into units. */
export function findUnits(blocks: Block[]): Unit[] {
  const groups: Span[][] = [];
  let carried: { mark: 'typo' | 'straight'; group: Span[] } | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.type !== 'prose') {
      carried = undefined;
      continue;
    }
    const { text, inert } = block;
    let i = 0;
    let inside: { mark: 'typo' | 'straight'; depth: number; open: number; group: Span[] } | undefined;
    if (carried) {
      const first = text.search(/\S/);
      const c = first === -1 ? '' : text[first]!;
      if (first !== -1 && !inert[first] && (c === '“' || c === '"')) {
        inside = { mark: c === '“' ? 'typo' : 'straight', depth: 1, open: first, group: carried.group };
        i = first + 1;
      }
      carried = undefined;
    }
    for (; i < text.length; i++) {
      if (inert[i]) continue;
      const c = text[i]!;
      if (!inside) {
        if (c === '“') inside = { mark: 'typo', depth: 1, open: i, group: [] };
        else if (
          c === '"' &&
          (i === 0 || OPENING_CONTEXT.test(text[i - 1]!)) &&
          i + 1 < text.length &&
          /\S/.test(text[i + 1]!)
        ) {
          inside = { mark: 'straight', depth: 1, open: i, group: [] };
        }
        continue;
      }
      let closes = false;
      if (inside.mark === 'typo') {
        if (c === '“') inside.depth++;
        else if (c === '”') closes = --inside.depth === 0;
        else if (c === '"') closes = inside.depth === 1 && closesMixed(text, i);
      } else if (c === '"' || c === '”') {
        // Copy that mixes marks ("…”): a curly close ends a straight quotation too.
        closes = true;
      }
      if (closes) {
        inside.group.push({ block: b, open: inside.open, close: i + 1, start: inside.open + 1, end: i, closed: true });
        if (inside.group.length === 1) groups.push(inside.group);
        inside = undefined;
      }
    }
    if (inside) {
      inside.group.push({
        block: b,
        open: inside.open,
        close: text.length,
        start: inside.open + 1,
        end: text.length,
        closed: false,
      });
      if (inside.group.length === 1) groups.push(inside.group);
      carried = { mark: inside.mark, group: inside.group };
    }
  }
  return groups.map((spans) => makeUnit(blocks, spans));
}

function spanText(blocks: Block[], span: Span): string {
  return (blocks[span.block] as ProseBlock).text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

function makeUnit(blocks: Block[], spans: Span[]): Unit {
  const parts: string[] = [];
  for (let k = 0; k < spans.length; k++) {
    const text = spanText(blocks, spans[k]!);
    if (k > 0 && spans[k - 1]!.block === spans[k]!.block) parts[parts.length - 1] += ` ${text}`;
    else parts.push(text);
  }
  const first = spans[0]!;
  return {
    spans,
    // The comma of “…,” she said belongs to the sentence around the quotation.
    text: parts.join('\n\n').replace(/,$/, ''),
    paragraphs: parts.length,
    line: lineAt(blocks[first.block] as ProseBlock, first.open),
    accepted: false,
  };
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** A title rather than a quotation: Title Case throughout, or introduced as one. */
export function looksLikeTitle(text: string, before: string): boolean {
  if (/\b(?:titled|entitled|headlined|headline)\s*[,:]?\s*$/i.test(before)) return true;
  if (/[.!?,;:]\s*$/.test(text)) return false;
  const all = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const long = all.filter((w) => w.length >= 4);
  return long.length >= 2 && /^\p{Lu}/u.test(all[0] ?? '') && long.every((w) => /^\p{Lu}/u.test(w));
}

/** Joins “first part,” X said, “second part” into one unit. */
export function mergeInterrupted(blocks: Block[], units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const previous = out.at(-1);
    if (previous) {
      const a = previous.spans.at(-1)!;
      const b = unit.spans[0]!;
      if (a.closed && a.block === b.block) {
        const text = (blocks[a.block] as ProseBlock).text;
        const gap = text.slice(a.close, b.open);
        const inner = text.slice(a.start, a.end).trim();
        const next = text.slice(b.start, b.end).trim();
        if (
          /,$/.test(inner) &&
          /,\s*$/.test(gap) &&
          !/[.!?;:]/.test(gap) &&
          wordCount(gap) <= 12 &&
          /^\p{Ll}/u.test(next)
        ) {
          out[out.length - 1] = makeUnit(blocks, [...previous.spans, ...unit.spans]);
          continue;
        }
      }
    }
    out.push(unit);
  }
  return out;
}
