/** Frames: the words around a quotation that say who speaks. */
import {
  AFTER_NAME,
  AUX_ADV,
  DETERMINERS,
  DOC_NOUNS,
  OTHER_SUBJECT_PRONOUNS,
  POSSESSIVE_PRONOUNS,
  PERSON_NOUNS,
  PREP_CONJ,
  SPEECH_NOUNS,
  TITLES,
} from './words.ts';
import { type Block, isDocNoun, isWord, type ProseBlock } from './blocks.ts';
import { closesClause, readsOthersWords } from './clauses.ts';
import { opensSentence } from './openers.ts';
import {
  describesSpeaker,
  describing,
  GENERIC,
  nameAfterDescriptor,
  NONE,
  type Subject,
  subjectAfter,
} from './subject-after.ts';
import { sentenceStartBefore } from './sentences.ts';
import { type VerbGroup, verbGroupAt, verbGroups } from './verbs.ts';

/** Verbs with which someone named after the frame gives words of their own: "Quillfeather called it “…”". */
const NAMING_VERBS = new Set([
  'called',
  'calls',
  'described',
  'describes',
  'dubbed',
  'termed',
  'labeled',
  'labelled',
  'branded',
  'deemed',
]);

/** A document phrase ending at `j` (the document noun), read leftwards: "a HPG press release". */
function documentLeft(block: ProseBlock, from: number, j: number): Subject {
  const { tokens } = block;
  let k = j - 1;
  for (let adjectives = 0; k >= from && adjectives < 3; k--, adjectives++) {
    const t = tokens[k]!;
    if (t.type !== 'word' || t.cap || DETERMINERS.has(t.low) || PREP_CONJ.has(t.low) || block.mentionEnd.has(k)) break;
    if (t.low === 'joint') return GENERIC;
  }
  if (k >= from) {
    const m = block.mentionEnd.get(k);
    if (m && m.start >= from) return { type: 'document', author: m, start: m.start, end: j + 1 };
    const t = tokens[k]!;
    if (isWord(t, 'his', 'her', 'their', 'my', 'our', 'your')) return GENERIC;
    if (isWord(t, 'joint')) return GENERIC;
    return { type: 'document', start: k, end: j + 1 };
  }
  return { type: 'document', start: j, end: j + 1 };
}

/** The subject phrase whose last token is `j`. */
function subjectEndingAt(block: ProseBlock, from: number, j: number): Subject {
  const { tokens } = block;
  const t = tokens[j];
  if (!t || j < from) return NONE;
  const m = block.mentionEnd.get(j);
  if (m && m.start >= from) {
    if (m.possessive) return GENERIC;
    let p = m.start - 1;
    while (p >= from && isWord(tokens[p]) && (TITLES.has(tokens[p]!.low) || tokens[p]!.low === 'the')) p--;
    if (p >= from) {
      const q = tokens[p]!;
      if (q.type === 'word' && PREP_CONJ.has(q.low) && !q.cap) {
        if (['from', 'by', 'of'].includes(q.low)) {
          let r = p - 1;
          while (r >= from && isWord(tokens[r], 'issued', 'released', 'published', 'signed', 'sent', 'posted')) r--;
          if (r >= from && isDocNoun(tokens[r])) {
            const doc = documentLeft(block, from, r);
            if (doc.type === 'document' && !doc.author)
              return { type: 'document', author: m, start: doc.start, end: m.end };
          }
        }
        // "Rep. Lee Zeldin of New York, a Trump supporter, said": the person before "of" a place.
        const before = q.low === 'of' && m.target === 'unknown' ? block.mentionEnd.get(p - 1) : undefined;
        if (
          before &&
          before.start >= from &&
          !before.possessive &&
          typeof before.target === 'object' &&
          before.target.speaker.kind === 'people'
        )
          return subjectEndingAt(block, from, p - 1);
        return GENERIC;
      }
      if (q.type === 'word' && POSSESSIVE_PRONOUNS.has(q.low)) return GENERIC;
      // "American Action Forum's Douglas Holtz-Eakin said": an organisation's or an untagged
      // name's possessive describes the speaker; a person's ("Vendrell's Quillfeather") does not.
      const owner = block.mentionEnd.get(p);
      if (owner?.possessive && !(p === m.start - 1 && describesSpeaker(owner))) return GENERIC;
    }
    return { type: 'mention', mention: m, start: m.start, end: m.end };
  }
  if (isWord(t, 'he', 'she')) return { type: 'pronoun', index: j, start: j, end: j + 1 };
  if (isDocNoun(t)) return documentLeft(block, from, j);
  if (t.type === 'quote') return NONE;
  return GENERIC;
}

/** Whether the name starting at `start` is the object of a verb: "who heads the Banking Committee". */
function objectOfVerb(block: ProseBlock, from: number, start: number): boolean {
  const { tokens } = block;
  let k = start - 1;
  while (k >= from && isWord(tokens[k]) && (TITLES.has(tokens[k]!.low) || DETERMINERS.has(tokens[k]!.low))) k--;
  for (let lower = 0; k >= from && lower < 3; k--, lower++) {
    const t = tokens[k]!;
    if (t.type !== 'word' || t.cap || block.mentionEnd.has(k)) return false;
    if (PREP_CONJ.has(t.low)) return t.low === 'who' || t.low === 'which' || t.low === 'that';
  }
  return false;
}

/**
 * Whether the phrase starting at `start` follows a comma that itself follows a name: "Sam
 * Solovey, a contestant on the show "The Apprentice," who…, said" is Solovey's frame, not the show's.
 */
function insideApposition(block: ProseBlock, from: number, start: number): boolean {
  const { tokens } = block;
  let k = start - 1;
  while (k >= from && isWord(tokens[k]) && (TITLES.has(tokens[k]!.low) || DETERMINERS.has(tokens[k]!.low))) k--;
  if (k < from || tokens[k]!.text !== ',') return false;
  // The name heads an apposition of its own: a comma follows it, and no preposition stands before
  // it ("At Boca West, where…, Jay DiPietro, the club's president, said" is DiPietro's).
  return block.mentions.some((m) => {
    if (m.start < from || m.end > k || m.possessive || m.target === 'other' || tokens[m.end]?.text !== ',')
      return false;
    let p = m.start - 1;
    while (p >= from && isWord(tokens[p]) && (TITLES.has(tokens[p]!.low) || DETERMINERS.has(tokens[p]!.low))) p--;
    return !(p >= from && isWord(tokens[p]) && (PREP_CONJ.has(tokens[p]!.low) || AFTER_NAME.has(tokens[p]!.low)));
  });
}

/**
 * Whether an appositive may open at token `k`: a lowercase word, a number, a possessive, a title
 * ("X, Mrs. Obama's chief of staff, said"), a party ("X, R-Ky., said", "X, Republican of New York, said").
 */
function opensAppositive(block: ProseBlock, k: number): boolean {
  const t = block.tokens[k]!;
  // "X, R-Ky., said": a party and state.
  if (!t.cap || /^\d/.test(t.text) || t.possessive || /^[RDI]-\p{Lu}/u.test(t.text)) return true;
  if (TITLES.has(t.low) || block.mentionStart.get(k)?.possessive) return true;
  return isWord(block.tokens[k + 1], 'of') && typeof block.mentionStart.get(k)?.target !== 'object';
}

/** Whether the words owned at `k` run straight to the quotation at `q` and speak it: "Y's statement: “…”". */
function ownsTheWords(block: ProseBlock, k: number, q: number): boolean {
  const between = block.tokens.slice(k, q).filter((t) => !/^[,:]$/.test(t.text));
  return (
    between.length <= 3 &&
    between.every((t) => t.type === 'word' && !t.cap) &&
    between.some((t) => DOC_NOUNS.has(t.low) || PERSON_NOUNS.has(t.low) || SPEECH_NOUNS.has(t.low))
  );
}

/** The subject of the verb group starting at `v`, read leftwards (skipping adverbs and an appositive). */
function subjectBefore(block: ProseBlock, from: number, v: number): Subject {
  const { tokens } = block;
  let j = v - 1;
  while (
    j >= from &&
    tokens[j]!.type === 'word' &&
    !tokens[j]!.cap &&
    (AUX_ADV.has(tokens[j]!.low) || /ly$/.test(tokens[j]!.low))
  )
    j--;
  // "Rep. Gwen Moore (D-Wis.) said", "Gov. John Kasich (R-OH), said": a bracket after the name is skipped.
  if (j > from && tokens[j]!.text === ',' && tokens[j - 1]!.text === ')') j--;
  if (j >= from && tokens[j]!.text === ')') {
    let k = j - 1;
    while (k >= Math.max(from, j - 10) && tokens[k]!.text !== '(' && tokens[k]!.type !== 'quote') k--;
    if (k >= from && tokens[k]!.text === '(') j = k - 1;
  }
  if (j < from) return NONE;
  const t = tokens[j]!;
  if (t.type === 'quote') return NONE;
  if (t.type === 'punct') {
    if (!/^[,\u2014\u2013]$/.test(t.text)) return NONE;
    // "X, the harbour pilot, said", "X, Twitter's director of advertising, said": an appositive
    // opening with a lowercase word, a number or a possessive.
    // Commas inside the appositive ("X, 30, of Raleigh, N.C., said") are passed over to a name.
    for (let k = j - 1; k >= Math.max(from, j - 30); k--) {
      const u = tokens[k]!;
      if (u.type === 'quote') break;
      if (u.type === 'punct' && u.text === t.text) {
        const opening = tokens[k + 1]!;
        if (k + 1 < j && opening.type === 'word' && opensAppositive(block, k + 1)) {
          const subject = subjectEndingAt(block, from, k - 1);
          // "X, the senator who heads the Banking Committee, which oversees…, said": an object is passed over.
          if (subject.type === 'mention' && !objectOfVerb(block, from, subject.start))
            return insideApposition(block, from, subject.start) ? GENERIC : subject;
          if (subject.type === 'pronoun' || subject.type === 'document') return subject;
        }
        continue;
      }
      if (
        u.type === 'punct' &&
        /^[.!?;:]$/.test(u.text) &&
        !(u.text === '.' && /^\p{Lu}/u.test(tokens[k - 1]?.text ?? ''))
      )
        break;
    }
    return NONE;
  }
  return subjectEndingAt(block, from, j);
}

function atClauseStart(block: ProseBlock, from: number, v: number): boolean {
  if (v === from) return true;
  let before = block.tokens[v - 1]!;
  if (/^['’]$/.test(before.text) && v - 2 >= from && block.tokens[v - 2]!.type === 'quote')
    before = block.tokens[v - 2]!;
  return before.type === 'quote' || (before.type === 'punct' && /^[,\u2014\u2013:(]$/.test(before.text));
}

export interface Frame {
  block: number;
  /** The block the quotation opens in. */
  opening: number;
  subject: Exclude<Subject, { type: 'generic' } | { type: 'none' }>;
}

export type FrameResult = Frame | 'blocked' | undefined;

/** The subject of the sentence a participle or a colon frame is in: the person or organisation opening it, or he/she. */
function sentenceSubject(block: ProseBlock, end: number): Subject {
  const s = sentenceStartBefore(block, end);
  const { tokens } = block;
  if (isWord(tokens[s], 'he', 'she')) return { type: 'pronoun', index: s, start: s, end: s + 1 };
  const m = block.mentions.find((x) => x.start >= s && x.start < end && typeof x.target === 'object');
  if (!m || m.possessive || !opensSentence(block, m)) return GENERIC;
  // "CBC Chairman G.K. Butterfield …, arguing": the organisation describes the person after it.
  const named = describing(m) ? nameAfterDescriptor(block, m.end, end) : -1;
  const person = named === -1 ? undefined : block.mentionStart.get(named);
  if (person) return { type: 'mention', mention: person, start: person.start, end: person.end };
  return { type: 'mention', mention: m, start: m.start, end: m.end };
}

export function analyse(block: ProseBlock, from: number, to: number, group: VerbGroup): Subject {
  if (group.according) return subjectAfter(block, group.end, to);
  if (group.participle) return sentenceSubject(block, group.start);
  const before = subjectBefore(block, from, group.start);
  if (before.type === 'none' && atClauseStart(block, from, group.start)) return subjectAfter(block, group.end, to);
  return before;
}

/** The frame before a quotation: the nearest speech verb in the sentence, with a clean run of words to the quote. */
export function frameBefore(blocks: Block[], b: number, from: number, q: number): FrameResult {
  const block = blocks[b] as ProseBlock;
  const { tokens } = block;
  const groups = verbGroups(tokens, from, q);
  const group = groups.at(-1);
  if (!group) {
    // "Vendrell delivered a retort: “…”": a colon before the quotation, and the sentence's subject.
    if (tokens[q - 1]?.text !== ':' || q - 1 <= from) return undefined;
    const subject = sentenceSubject(block, q - 1);
    return subject.type === 'mention' ? { block: b, opening: b, subject } : undefined;
  }
  let subject = analyse(block, from, q, group);
  const outer = groups.at(-2);
  // "Suu Kyi said it was too early but added, “…”": the subject of the verb before.
  let v = group.start - 1;
  while (v > from && tokens[v]!.type === 'word' && AUX_ADV.has(tokens[v]!.low)) v--;
  const coordinated = subject.type === 'generic' && outer && !outer.according && isWord(tokens[v], 'and', 'but');
  if (coordinated) subject = analyse(block, from, outer.start, outer);
  // "“…,” Manafort said, adding, “…”": a participle after a frame takes that frame's subject.
  // So does one right after it ("Ryan and Hope will meet, Spicer said, adding, “…”"), whoever opens the sentence.
  const chained =
    !coordinated &&
    (subject.type === 'generic' || outer?.end === group.start - 1) &&
    group.participle === true &&
    outer !== undefined &&
    !outer.according &&
    tokens[group.start - 1]?.text === ',';
  if (chained) subject = analyse(block, from, group.start, outer);
  if (subject.type === 'none' || subject.type === 'generic') return 'blocked';
  // "Vendrell said (that) Quillfeather had promised “…”": words reported by someone else.
  if (!coordinated && !chained && outer && !outer.according && subject.start >= outer.end) {
    const between = tokens.slice(outer.end, subject.start).filter((t) => !isWord(t, 'that'));
    if (
      between.length === 0 ||
      between.every((t) => t.type === 'word' && !t.cap && !PREP_CONJ.has(t.low) && !DOC_NOUNS.has(t.low))
    )
      return 'blocked';
  }
  const tailStart = Math.max(group.end, subject.end);
  let wordsInTail = 0;
  for (let k = tailStart; k < q; k++) {
    const t = tokens[k]!;
    if (t.type === 'word') wordsInTail++;
    const m = block.mentionStart.get(k);
    if (m) {
      // The person told ("told The Post", "in a statement to Reuters") is not a rival speaker.
      let p = k - 1;
      if (isWord(tokens[p], 'the')) p--;
      const recipient = isWord(tokens[p], 'to', 'told', 'tells') || (p < tailStart && group.telling);
      // Anyone else named is what the speaker talks about ("Oltchick said Freddy had “…”", "Ryan
      // said Obama's words and actions “amount to…”"), unless a speech verb of their own follows
      // (caught below) or what they own speaks the quotation ("X said Y's statement: “…”").
      const naming = isWord(tokens[m.end]) && NAMING_VERBS.has(tokens[m.end]!.low);
      if (!recipient && ((m.possessive && ownsTheWords(block, m.end, q)) || naming)) return 'blocked';
      k = m.end - 1;
      continue;
    }
    if (verbGroupAt(tokens, k)) return 'blocked';
  }
  if (wordsInTail > 25) return 'blocked';
  if (readsOthersWords(block, subject.type === 'document', group, q)) return 'blocked';
  return { block: b, opening: b, subject };
}

/** The frame after a quotation: the first speech verb, attached right after the quote. */
export function frameAfter(
  blocks: Block[],
  b: number,
  q: number,
  to: number,
  newSentence: boolean,
  opening: number,
): FrameResult {
  const block = blocks[b] as ProseBlock;
  const { tokens } = block;
  const from = q + 1;
  const give = newSentence ? undefined : 'blocked';
  const group = verbGroups(tokens, from, to)[0];
  if (!group) return undefined;
  const subject = analyse(block, from, to, group);
  if (subject.type === 'none' || subject.type === 'generic') return give;
  const inverted = subject.start >= group.end;
  const head = inverted ? group.start : subject.start;
  let descriptors = 0;
  for (let k = from; k < head; k++) {
    const t = tokens[k]!;
    // A stray mark after the quote (''…,'' ' said X, where copy closed a quote inside it) is no word.
    if (t.type === 'punct' && /^[,\u2014\u2013'’-]$/.test(t.text)) continue;
    // "“…,” harbour pilot Mara Quillfeather said": a few descriptive words may come first.
    // "Mr. Fitton said", "Democratic pollster Peter Fenn said", "CIA spokesman Ryan Trapani said":
    // titles, unknown names and organisations describe.
    // Before a subject that precedes its verb, anyone's name describes: "Sanders campaign manager
    // Jeff Weaver said"; before "told X" it is the teller ("Lombardi, told Vatican Radio").
    const unknown = block.mentions.some(
      (m) => (inverted ? describing(m) : m.target !== 'other') && m.start <= k && k < m.end,
    );
    const descriptive =
      (t.type === 'word' &&
        (TITLES.has(t.low) ||
          unknown ||
          (!t.cap &&
            !PREP_CONJ.has(t.low) &&
            !OTHER_SUBJECT_PRONOUNS.has(t.low) &&
            !isWord(t, 'he', 'she', 'is', 'was', 'are', 'were')))) ||
      (t.text === '.' && k > from && TITLES.has(tokens[k - 1]!.low));
    if (descriptive && descriptors < 6) {
      descriptors++;
      continue;
    }
    // "…, told Vatican Radio": after "told" stands the one told, not the speaker.
    if (!newSentence && !(inverted && group.telling) && closesClause(block, from, head)) break;
    return give;
  }
  let after = Math.max(group.end, subject.end);
  if (isWord(tokens[after], 'that')) after++;
  const next =
    block.mentionStart.get(after)?.end ??
    (isWord(tokens[after], 'he', 'she', 'they', 'it', 'we', 'i') ? after + 1 : -1);
  if (next !== -1 && verbGroupAt(tokens, next)) return 'blocked';
  if (newSentence) {
    // A new sentence after the quote is its frame only when it says nothing else: "Vendrell said."
    let k = after;
    if (group.telling && !inverted) {
      while (k < to && tokens[k]!.type === 'word' && k < after + 3 && !AFTER_NAME.has(tokens[k]!.low)) k++;
    }
    const rest = tokens.slice(k, to).filter((t) => t.type !== 'punct');
    if (rest.length > 0 && (!AFTER_NAME.has(rest[0]!.low) || rest.length > 6)) return undefined;
    if (tokens.slice(k, to).some((_, n) => block.mentionStart.has(k + n))) return undefined;
  }
  if (readsOthersWords(block, subject.type === 'document', group, to)) return 'blocked';
  return { block: b, opening, subject };
}
