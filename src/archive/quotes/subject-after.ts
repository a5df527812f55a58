/** The subject after a verb that opens its clause: "said Vendrell", "according to the statement". */
import { AFTER_NAME, DOC_NOUNS, POSSESSIVE_PRONOUNS, PREP_CONJ, TITLES } from './words.ts';
import { isDocNoun, isWord, type Mention, type ProseBlock } from './blocks.ts';
import { verbGroupAt } from './verbs.ts';

export type Subject =
  | { type: 'mention'; mention: Mention; start: number; end: number }
  | { type: 'pronoun'; index: number; start: number; end: number }
  | { type: 'document'; author?: Mention; start: number; end: number }
  | { type: 'generic' }
  | { type: 'none' };

export const NONE: Subject = { type: 'none' };
export const GENERIC: Subject = { type: 'generic' };

/**
 * A name that may describe the speaker named after it: an untagged one, an organisation's, or
 * anyone's in a possessive ("Twitter's Adam Sharp", "Clinton's aide Jake Sullivan").
 */
export function describesSpeaker(m: Mention): boolean {
  return m.target === 'unknown' || (typeof m.target === 'object' && m.target.speaker.kind === 'organisations');
}

export function describing(m: Mention): boolean {
  if (m.possessive) return m.target !== 'other';
  return describesSpeaker(m);
}

/**
 * After a name that describes the one after it ("said Cruz constituent Dan Golvach", "said Senate
 * Minority Whip Dick Durbin"), the start of that tagged name: at most four lowercase words,
 * titles and untagged names between, and no verb.
 */
export function nameAfterDescriptor(block: ProseBlock, n: number, to: number): number {
  const { tokens } = block;
  for (let k = n; k < to && k <= n + 4; k++) {
    const m = block.mentionStart.get(k);
    if (m && typeof m.target === 'object') return k > n ? k : -1;
    const t = tokens[k]!;
    if (m?.target === 'unknown' && !m.possessive) {
      k = m.end - 1;
      continue;
    }
    const word = t.type === 'word' && (!t.cap || TITLES.has(t.low)) && !PREP_CONJ.has(t.low) && !AFTER_NAME.has(t.low);
    if (!word || verbGroupAt(tokens, k) || POSSESSIVE_PRONOUNS.has(t.low) || isWord(t, 'he', 'she')) return -1;
  }
  return -1;
}

/** The subject after a verb at the start of a clause: "said Vendrell", "according to the statement". */
export function subjectAfter(block: ProseBlock, e: number, to: number): Subject {
  const { tokens } = block;
  let k = e;
  let skipped = 0;
  let plains = 0;
  while (k < to && skipped < 8) {
    const u = tokens[k]!;
    const plain =
      u.type === 'word' &&
      !u.cap &&
      !PREP_CONJ.has(u.low) &&
      !POSSESSIVE_PRONOUNS.has(u.low) &&
      !DOC_NOUNS.has(u.low) &&
      !isWord(u, 'he', 'she') &&
      !block.mentionStart.has(k);
    // "said Mr. Rhodes", "said Republican strategist Ryan Williams": a title, or a descriptive
    // unknown name before a lowercase word, stands before the speaker's name.
    const title = u.type === 'word' && TITLES.has(u.low) && !block.mentionStart.has(k);
    const titleDot = u.text === '.' && k > e && TITLES.has(tokens[k - 1]!.low);
    const descriptor = block.mentionStart.get(k);
    const describes =
      descriptor !== undefined &&
      describing(descriptor) &&
      isWord(tokens[descriptor.end]) &&
      (!tokens[descriptor.end]!.cap ||
        TITLES.has(tokens[descriptor.end]!.low) ||
        typeof block.mentionStart.get(descriptor.end)?.target === 'object');
    if (describes) {
      skipped += descriptor!.end - k;
      k = descriptor!.end;
      continue;
    }
    const named =
      descriptor === undefined || descriptor.target === 'other' ? -1 : nameAfterDescriptor(block, descriptor.end, to);
    if (named !== -1) {
      skipped += named - k;
      k = named;
      break;
    }
    if (!plain && !title && !titleDot) break;
    if (plain && ++plains > 4) break;
    k++;
    skipped++;
  }
  if (k >= to) return NONE;
  const t = tokens[k]!;
  const endsHere = (n: number) => {
    const next = tokens[n];
    // "said Mr. Nevins of Showtime", "said Gov. Phil Bryant of Mississippi", "said David French of
    // the National Retail Federation".
    const named = (k: number) => tokens[k]?.cap === true || (isWord(tokens[k], 'the') && tokens[k + 1]?.cap === true);
    const of = isWord(next, 'of') && named(n + 1);
    return n >= to || !next || next.type !== 'word' || AFTER_NAME.has(next.low) || of;
  };
  /** Skips up to two lowercase adjectives and returns the index of a document noun, if one follows. */
  const docAfter = (n: number) => {
    for (let a = 0; a < 3 && n < to; a++, n++) {
      if (isDocNoun(tokens[n])) return n;
      // "said X in a statement" is X's own statement, not a document X wrote of.
      if (tokens[n]!.type !== 'word' || tokens[n]!.cap || AFTER_NAME.has(tokens[n]!.low)) return -1;
    }
    return -1;
  };
  if (isWord(t, 'he', 'she') && skipped === 0)
    return endsHere(k + 1) ? { type: 'pronoun', index: k, start: k, end: k + 1 } : GENERIC;
  const m = block.mentionStart.get(k);
  if (m) {
    const doc = docAfter(m.end);
    if (doc !== -1) return { type: 'document', author: m, start: k, end: doc + 1 };
    if (m.possessive) return GENERIC;
    return endsHere(m.end) ? { type: 'mention', mention: m, start: m.start, end: m.end } : GENERIC;
  }
  if (isDocNoun(t)) {
    let n = k + 1;
    while (isWord(tokens[n], 'issued', 'released', 'published', 'signed', 'sent')) n++;
    if (isWord(tokens[n], 'from', 'by', 'of')) {
      n++;
      if (isWord(tokens[n], 'the')) n++;
      const author = block.mentionStart.get(n);
      if (author && !author.possessive) return { type: 'document', author, start: k, end: author.end };
      return GENERIC;
    }
    return { type: 'document', start: k, end: k + 1 };
  }
  return GENERIC;
}
