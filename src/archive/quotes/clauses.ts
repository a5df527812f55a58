/** What the rest of a sentence says of its frame: whether the frame closes it, and whether its speaker gives others' words. */
import { TITLES } from './words.ts';
import { isDocNoun, isWord, type ProseBlock } from './blocks.ts';
import { sentenceStartBefore } from './sentences.ts';
import { type VerbGroup, verbGroupAt } from './verbs.ts';

/** Whether a source follows "citing" at `k`: a name (not a possessive) or a document, after a determiner. */
function citesSource(block: ProseBlock, k: number): boolean {
  const { tokens } = block;
  for (let n = k; n < k + 3 && n < tokens.length; n++) {
    const m = block.mentionStart.get(n);
    if (m) return !m.possessive;
    if (isDocNoun(tokens[n])) return true;
    if (!isWord(tokens[n]) || tokens[n]!.cap) return false;
  }
  return false;
}

/** "Vendrell read from the guild's letter", "…, quoting the minutes": a person giving others' words. */
export function readsOthersWords(block: ProseBlock, document: boolean, group: VerbGroup, to: number): boolean {
  const { tokens } = block;
  if (document) return false;
  if (isWord(tokens[group.start], 'read', 'reads')) return true;
  for (let k = sentenceStartBefore(block, group.start); k < to; k++) {
    if (k >= group.start && k < group.end) continue;
    if (isWord(tokens[k], 'quoting', 'quoted', 'reading')) return true;
    // "…, citing the report" gives its words; "…, citing low growth" gives reasons.
    if (isWord(tokens[k], 'citing') && citesSource(block, k + 1)) return true;
  }
  return false;
}

/**
 * Whether the frame starting at `head` closes the sentence the quotation runs on in: “…” since the
 * votes were close, said Vendrell. A comma before it (and its titles), and between the quote and
 * the comma no other speech verb and no clause break.
 */
export function closesClause(block: ProseBlock, from: number, head: number): boolean {
  const { tokens } = block;
  let h = head;
  while (h > from && (tokens[h - 1]!.text === '.' || TITLES.has(tokens[h - 1]!.low))) h--;
  if (h - 1 <= from || tokens[h - 1]!.text !== ',') return false;
  for (let k = from; k < h - 1; k++) {
    if (tokens[k]!.type === 'quote' || /^[:;\u2014\u2013]$/.test(tokens[k]!.text) || verbGroupAt(tokens, k))
      return false;
  }
  return true;
}
