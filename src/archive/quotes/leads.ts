/**
 * A quotation led by a short one: “I don't care,” Trump said. “…”. The short quote makes no
 * quotation of its own, so its frame is found here, in the sentence just before the long one.
 */
import type { Block, ProseBlock } from './blocks.ts';
import { frameAfter, type Frame } from './frames.ts';
import { previousSentence, type Range } from './attribute.ts';

/**
 * The frame of a short quote that closes the sentence before token `q` (“…,” X said.), when that
 * sentence holds no quotation and its words after the short quote are a frame and nothing else.
 */
export function shortLeadFrame(blocks: Block[], b: number, q: number): { frame: Frame; range: Range } | undefined {
  if (q > 0 && !(blocks[b] as ProseBlock).boundaryAfter[q - 1]) return undefined;
  const range = previousSentence(blocks, b, q);
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
