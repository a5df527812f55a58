/**
 * A quotation signed with a dash, as pull quotes and reader responses are: “…” ― Pamela Ortiz, or a
 * paragraph of its own after the quotation ("- Ortiz."). The signature names the speaker and
 * nothing else.
 */
import type { Block, Mention, ProseBlock, Token } from './blocks.ts';

const DASH = /^[\u2015\u2014\u2013-]$/u;

/** The name signed at token `k` of a block: a dash, one mention, then a full stop, a quotation or nothing. */
function signedAt(block: ProseBlock, k: number): Mention | undefined {
  const { tokens } = block;
  if (!DASH.test(tokens[k]?.text ?? '') || tokens[k]!.type !== 'punct') return undefined;
  const m = block.mentionStart.get(k + 1);
  if (!m || m.possessive) return undefined;
  let e = m.end;
  if (tokens[e]?.text === '.') e++;
  const next: Token | undefined = tokens[e];
  return next === undefined || next.type === 'quote' ? m : undefined;
}

/** The signature after the quote token `q` of block `b`, in its paragraph or as the next one. */
export function signatureAfter(blocks: readonly Block[], b: number, q: number): Mention | undefined {
  const block = blocks[b] as ProseBlock;
  if (q + 1 < block.tokens.length) return signedAt(block, q + 1);
  const next = blocks[b + 1];
  return next?.type === 'prose' && next.spans.length === 0 ? signedAt(next, 0) : undefined;
}
