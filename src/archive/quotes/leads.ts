/**
 * A quotation led by a short one: “I don't care,” Trump said. “…”. The short quote makes no
 * quotation of its own, so its frame is found here, in the sentence just before the long one.
 */
import { type Block, isWord, type ProseBlock } from './blocks.ts';
import { frameAfter, type Frame } from './frames.ts';
import { previousSentence, type Range } from './attribute.ts';
import { verbGroups } from './verbs.ts';

/** Whether a clause with a subject of its own starts between `from` and `to`: "…, and Hope left". */
function newClause(block: ProseBlock, from: number, to: number): boolean {
  const { tokens } = block;
  for (let k = from; k < to - 1; k++) {
    if (!isWord(tokens[k], 'and', 'but', 'while', 'whereas')) continue;
    if (block.mentionStart.has(k + 1) || isWord(tokens[k + 1], 'he', 'she', 'they', 'it', 'we', 'i')) return true;
  }
  return false;
}

/**
 * The frame of a short quote that closes the sentence before token `q` (“…,” X said.), when that
 * sentence holds no quotation and its words after the short quote hold no other speech verb.
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
  // In the quotation's own paragraph the frame is attached to the short quote, so what follows it
  // may describe the speaker (“Fine,” said X, who…; “Fine,” X said from his office) but hold no
  // other speech verb; across paragraphs the sentence must be the frame and nothing else.
  const attached = range.block === b;
  if (attached && (verbGroups(tokens, last + 1, range.to).length !== 1 || newClause(block, last + 1, range.to)))
    return undefined;
  const frame = frameAfter(blocks, range.block, last, range.to, !attached, range.block);
  if (!frame || frame === 'blocked') return undefined;
  return { frame, range };
}
