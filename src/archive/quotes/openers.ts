/** Where the subject a story is about stands in a sentence: opening it, or after an introductory phrase. */
import { AFTER_NAME, CONNECTIVES, INTRODUCING, PREP_CONJ, TITLES } from './words.ts';
import { isWord, type Mention, type ProseBlock } from './blocks.ts';
import { verbGroupAt } from './verbs.ts';

/**
 * A mention that opens its sentence, after titles and a few descriptive words ("Florida developer
 * Mel Sembler expressed…"): the usual place of the one a story is about.
 */
export function opensSentence(block: ProseBlock, m: Mention): boolean {
  const { tokens } = block;
  const titles = (k: number) => {
    while (
      k >= 0 &&
      !block.boundaryAfter[k] &&
      (tokens[k]!.text === '.' || (isWord(tokens[k]) && (TITLES.has(tokens[k]!.low) || tokens[k]!.low === 'the')))
    )
      k--;
    return k;
  };
  let k = titles(m.start - 1);
  if (k >= 0 && !block.boundaryAfter[k] && afterIntroduction(block, k, m)) return true;
  let lower = 0;
  while (lower < 3 && k >= 0 && !block.boundaryAfter[k] && isWord(tokens[k]) && !tokens[k]!.cap) {
    k--;
    lower++;
  }
  const descriptor = k >= 0 && !block.boundaryAfter[k] ? block.mentionEnd.get(k) : undefined;
  // "Florida developer Mel Sembler expressed…", not "Karsk met Vendrell at…": a verb follows the name.
  const next = tokens[m.end];
  const verbFollows = isWord(next) && !next!.cap && !PREP_CONJ.has(next!.low);
  if (descriptor?.target === 'unknown' && !descriptor.possessive && (lower === 0 || verbFollows))
    k = titles(descriptor.start - 1);
  else if (lower > 0) return false;
  return k < 0 || block.boundaryAfter[k] === true;
}

/**
 * Whether the mention follows an introductory phrase ending in a comma at `k` ("In an interview
 * last week, X described…", "Continuing his answer, X rejected…"), in which no person is named, or
 * only connectives ("And then X went…"), and a verb follows it: the subject of the main clause.
 */
function afterIntroduction(block: ProseBlock, k: number, m: Mention): boolean {
  const { tokens } = block;
  let s = k;
  while (s > 0 && !block.boundaryAfter[s - 1]) s--;
  if (tokens[k]?.text === ',') {
    const first = tokens[s]!;
    const opener = INTRODUCING.has(first.low) || CONNECTIVES.has(first.low) || /(?:ing|ly)$/.test(first.low);
    if (!isWord(first) || !opener) return false;
    for (let i = s; i < k; i++) {
      const t = tokens[i]!;
      // "On Sunday, she disclosed that after the rape, X called": a clause with a subject of its own.
      if (t.type === 'quote' || verbGroupAt(tokens, i) || isWord(t, 'he', 'she', 'they', 'we', 'i')) return false;
      const other = block.mentionStart.get(i);
      if (other && typeof other.target === 'object' && other.target.speaker.kind === 'people') return false;
    }
  } else {
    for (let i = s; i <= k; i++) if (!isWord(tokens[i]) || !CONNECTIVES.has(tokens[i]!.low)) return false;
  }
  let e = m.end;
  if (tokens[e]?.text === '(') while (e < tokens.length && tokens[e - 1]!.text !== ')') e++;
  const next = tokens[e];
  return isWord(next) && !next!.cap && !PREP_CONJ.has(next!.low) && !AFTER_NAME.has(next!.low);
}
