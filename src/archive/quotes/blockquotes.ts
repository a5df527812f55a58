/** Markdown block quotes as quotations, and their signature lines. */
import type { Blockquote, Nodes, Paragraph } from 'mdast';
import type { Lexicon } from './speakers.ts';
import { flatten, proseBlock, type QuoteBlock, type Unit } from './blocks.ts';
import { findMentions, tokenise } from './sentences.ts';
import { type Resolution, resolveMention } from './attribute.ts';

function blockquoteParagraphs(node: Blockquote): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (nodes: readonly Nodes[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') out.push(n);
      else if (n.type === 'blockquote' || n.type === 'list' || n.type === 'listItem') walk(n.children);
    }
  };
  walk(node.children);
  return out;
}

export function blockquoteUnit(block: QuoteBlock, b: number): Unit {
  const paragraphs = blockquoteParagraphs(block.node)
    .map((p) => flatten(p).text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let dash: string | undefined;
  const last = paragraphs.at(-1);
  const signature = last === undefined ? null : /^(?:\u2014|\u2013|--?)\s*(.+)$/u.exec(last);
  if (signature && paragraphs.length > 1) {
    dash = signature[1]!;
    paragraphs.pop();
  }
  // Enclosing quote marks around the block (or around each paragraph) are not part of the words.
  const text = paragraphs.map((p) => p.replace(/^[“"]\s*/u, '').replace(/\s*[”"]$/u, '')).join('\n\n');
  return {
    spans: [],
    text,
    paragraphs: paragraphs.length,
    line: block.node.position?.start.line,
    accepted: false,
    blockquote: { block: b, ...(dash === undefined ? {} : { dash }) },
  };
}

export function resolveSignature(dash: string, lexicon: Lexicon): Resolution | undefined {
  const block = proseBlock({ type: 'paragraph', children: [{ type: 'text', value: dash }] });
  tokenise(block);
  findMentions(block, lexicon);
  const first = block.mentions[0];
  if (!first || first.start !== 0) return block.mentions.length > 0 ? 'blocked' : undefined;
  const next = block.tokens[first.end];
  if (next && !(next.type === 'punct' && /^[,(]$/.test(next.text))) return 'blocked';
  return resolveMention(first);
}
