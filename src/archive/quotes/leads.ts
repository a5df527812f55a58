/**
 * A quotation led by a short one: “I don't care,” Trump said. “…”. The short quote makes no
 * quotation of its own, so its frame is found here, in the sentence just before the long one.
 */
import type { Block, ProseBlock } from './blocks.ts';
import { sentenceStartBefore } from './sentences.ts';
import { frameAfter, type Frame } from './frames.ts';
import type { Range } from './attribute.ts';

/** The sentence ending right before token `q` of block `b`: in the same paragraph, or closing the one before. */
function sentenceBefore(blocks: Block[], b: number, q: number): Range | undefined {
  const block = blocks[b] as ProseBlock;
  if (q > 0) {
    if (!block.boundaryAfter[q - 1]) return undefined;
    return { block: b, from: sentenceStartBefore(block, q - 1), to: q };
  }
  const previous = blocks[b - 1];
  if (previous?.type !== 'prose' || previous.tokens.length === 0) return undefined;
  const end = previous.tokens.length;
  return { block: b - 1, from: sentenceStartBefore(previous, end - 1), to: end };
}

/**
 * The frame of a short quote that closes the sentence before token `q` (“…,” X said.), when that
 * sentence holds no quotation and its words after the short quote are a frame and nothing else.
 */
export function shortLeadFrame(blocks: Block[], b: number, q: number): { frame: Frame; range: Range } | undefined {
  const range = sentenceBefore(blocks, b, q);
  if (!range) return undefined;
  const block = blocks[range.block] as ProseBlock;
  const { tokens } = block;
  let last = -1;
  for (let k = range.from; k < range.to; k++) {
    if (tokens[k]!.type === 'quote') return undefined;
    if (tokens[k]!.quoted) last = k;
  }
  if (last === -1) return undefined;
  const frame = frameAfter(blocks, range.block, last, range.to, true, range.block);
  if (!frame || frame === 'blocked') return undefined;
  return { frame, range };
}
