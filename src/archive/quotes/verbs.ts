/** Verb groups: the speech verbs, participles and set phrases that may frame a quotation. */
import { PARTICIPLES } from './words.ts';
import type { Token } from './blocks.ts';
import { isSpeechVerb } from './sentences.ts';

export interface VerbGroup {
  start: number;
  end: number;
  according: boolean;
  telling: boolean;
  /** "…, stating: “…”": the speaker is the subject of the sentence. */
  participle?: boolean;
  /** "X called Y “…”": a frame for the words after it, but no sign of who the story is about ("X called her"). */
  naming?: boolean;
}

/** Words after which a speech verb's form is a noun. */
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those']);

/** What may stand before a participle that frames a quotation: "…, adding", "by warning". */
const BEFORE_PARTICIPLE = new Set([',', 'by', 'while', 'before', 'after', 'and', 'then', 'when']);

export function verbGroupAt(tokens: readonly Token[], i: number): VerbGroup | undefined {
  const t = tokens[i];
  if (t?.type !== 'word') return undefined;
  const low = (k: number) => tokens[k]?.low;
  if (t.low === 'according' && low(i + 1) === 'to') return { start: i, end: i + 2, according: true, telling: false };
  if (['was', 'is', 'were', 'are'].includes(t.low) && low(i + 1) === 'quoted') {
    if (low(i + 2) === 'as' && low(i + 3) === 'saying')
      return { start: i, end: i + 4, according: false, telling: false };
    if (low(i + 2) === 'saying') return { start: i, end: i + 3, according: false, telling: false };
  }
  if (
    t.low === 'has' &&
    low(i + 1) === 'been' &&
    low(i + 2) === 'quoted' &&
    low(i + 3) === 'as' &&
    low(i + 4) === 'saying'
  ) {
    return { start: i, end: i + 5, according: false, telling: false };
  }
  if (t.low === 'went' && low(i + 1) === 'on' && low(i + 2) === 'to' && low(i + 3) === 'say') {
    return { start: i, end: i + 4, according: false, telling: false };
  }
  // "Trump called the protester “…”": naming is saying, but "was called “…”" is someone else's word.
  if (!t.cap && (t.low === 'called' || t.low === 'calls')) {
    const passive = ['was', 'is', 'were', 'are', 'be', 'been', 'being', 'so'].includes(low(i - 1) ?? '');
    return passive ? undefined : { start: i, end: i + 1, according: false, telling: false, naming: true };
  }
  // "Trump's remarks", "his comments", "the claims": a noun, not a verb.
  const previous = tokens[i - 1];
  const noun = previous?.type === 'word' && (previous.possessive || NOUN_MARKERS.has(previous.low));
  if (isSpeechVerb(t) && !noun)
    return { start: i, end: i + 1, according: false, telling: t.low === 'told' || t.low === 'tells' };
  const before = tokens[i - 1];
  if (
    !t.cap &&
    PARTICIPLES.has(t.low) &&
    before &&
    BEFORE_PARTICIPLE.has(before.type === 'word' ? before.low : before.text)
  ) {
    return { start: i, end: i + 1, according: false, telling: t.low === 'telling', participle: true };
  }
  return undefined;
}

export function verbGroups(tokens: readonly Token[], from: number, to: number): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let i = from; i < to; i++) {
    const group = verbGroupAt(tokens, i);
    if (group && group.end <= to) {
      groups.push(group);
      i = group.end - 1;
    }
  }
  return groups;
}
