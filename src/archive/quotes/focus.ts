/**
 * Who is in focus where a pronoun speaks: "“…,” he said" goes to the person the story is about at
 * that point. Gender comes only from the article itself: honorifics (Mr., Mrs., Ms.) before a
 * person's name and pronouns used of a person in a sentence that names no one else.
 */
import type { Speaker } from './types.ts';
import { PERSON_NOUNS, POSSESSIVE_PRONOUNS, TITLES } from './words.ts';
import { type Block, isWord, type Mention, type ProseBlock, type Token } from './blocks.ts';
import { sentenceStartBefore } from './sentences.ts';
import { analyse } from './frames.ts';
import { opensSentence } from './openers.ts';
import { verbGroups } from './verbs.ts';
import { previousSentence } from './attribute.ts';

export type Gender = 'male' | 'female';

const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'male',
  him: 'male',
  his: 'male',
  himself: 'male',
  she: 'female',
  her: 'female',
  hers: 'female',
  herself: 'female',
};
const HONORIFIC_GENDER: Record<string, Gender> = { mr: 'male', mrs: 'female', ms: 'female', miss: 'female' };

interface Evidence {
  block: number;
  token: number;
  slug: string;
  gender: Gender;
}

/** What an article says of its people's gender, in document order. */
export interface GenderEvidence {
  readonly evidence: readonly Evidence[];
}

function personOf(m: Mention): Speaker | undefined {
  return typeof m.target === 'object' && m.target.speaker.kind === 'people' ? m.target.speaker : undefined;
}

export function genderEvidence(blocks: readonly Block[]): GenderEvidence {
  const evidence: Evidence[] = [];
  blocks.forEach((block, b) => {
    if (block.type !== 'prose') return;
    const { tokens, mentions } = block;
    for (const m of mentions) {
      const person = personOf(m);
      if (!person) continue;
      let k = m.start - 1;
      if (tokens[k]?.text === '.') k--;
      const honorific = tokens[k]?.type === 'word' ? HONORIFIC_GENDER[tokens[k]!.low] : undefined;
      if (honorific) evidence.push({ block: b, token: m.start, slug: person.slug, gender: honorific });
    }
    // A sentence naming one person and no one else: its pronouns are that person's.
    for (let s = 0; s < tokens.length;) {
      let e = s;
      while (e < tokens.length - 1 && !block.boundaryAfter[e]) e++;
      const inside = mentions.filter((m) => m.start >= s && m.end <= e + 1 && m.target !== 'other');
      const people = new Set(inside.map((m) => personOf(m)?.slug ?? '?'));
      if (people.size === 1 && !people.has('?') && inside.every((m) => !m.possessive)) {
        const slug = [...people][0]!;
        for (let k = inside[0]!.end; k <= e; k++) {
          const t = tokens[k]!;
          const gender = t.type === 'word' && !t.cap ? PRONOUN_GENDER[t.low] : undefined;
          if (gender) evidence.push({ block: b, token: k, slug, gender });
        }
      }
      s = e + 1;
    }
  });
  return { evidence };
}

/** A person's gender as the article has shown it before (b, p); undefined when unknown or contradictory. */
function genderBefore(genders: GenderEvidence, slug: string, b: number, p: number): Gender | undefined {
  let gender: Gender | undefined;
  for (const e of genders.evidence) {
    if (e.block > b || (e.block === b && e.token >= p)) break;
    if (e.slug !== slug) continue;
    if (gender && gender !== e.gender) return undefined;
    gender = e.gender;
  }
  return gender;
}

/** A point where the focus changes: to a person, or (null) to someone else who speaks. */
interface Point {
  block: number;
  token: number;
  speaker: Speaker | null;
}

/** Who the story is about, sentence by sentence: the people named as subjects, and what continues them. */
export interface Focus {
  readonly genders: GenderEvidence;
  readonly points: readonly Point[];
}

function before(point: { block: number; token: number }, b: number, p: number): boolean {
  return point.block < b || (point.block === b && point.token < p);
}

function compatible(
  genders: GenderEvidence,
  speaker: Speaker,
  gender: Gender | undefined,
  b: number,
  p: number,
): boolean {
  const known = genderBefore(genders, speaker.slug, b, p);
  return known === undefined || gender === undefined || known === gender;
}

/** Words before a verb whose subject is left out: it is the subject of the clause before. */
const ELIDING = new Set(['and', 'but', 'when', 'if', 'as', 'after', 'before', 'while', 'once', 'then']);

function subjectElided(tokens: readonly Token[], v: number): boolean {
  const t = tokens[v - 1];
  return t?.type === 'word' && ELIDING.has(t.low);
}

/**
 * "To political science professor Brigid Harrison, the stare seemed…": the one whose view the
 * sentence gives, named after "To" and a few descriptive words, and a comma.
 */
function viewpoint(block: ProseBlock, m: Mention): boolean {
  const { tokens } = block;
  if (tokens[m.end]?.text !== ',') return false;
  let k = m.start - 1;
  for (let words = 0; k >= 0 && words < 6 && !block.sentenceStart[k]; k--, words++) {
    const t = tokens[k]!;
    // Untagged names and organisations describe: "To Montclair State University professor X".
    const describes = block.mentionEnd.get(k);
    const target = describes?.target;
    if (target === 'unknown' || (typeof target === 'object' && target.speaker.kind === 'organisations')) {
      k = describes!.start;
      if (block.sentenceStart[k]) break;
      continue;
    }
    if (!isWord(t) || (t.cap && !TITLES.has(t.low))) return false;
  }
  return k >= 0 && block.sentenceStart[k] === true && isWord(tokens[k], 'to');
}

/**
 * The focus through a body: a person named as the subject of a sentence (opening it, or the
 * subject of a speech verb) takes it; someone else speaking ("a spokesman said", an untagged name)
 * ends it; "he"/"she" as a subject continues it, for two paragraphs, when the gender fits.
 */
export function trackFocus(blocks: readonly Block[], genders: GenderEvidence): Focus {
  const points: Point[] = [];
  blocks.forEach((block, b) => {
    if (block.type !== 'prose') return;
    const { tokens } = block;
    // A pronoun subject (speaker undefined) continues whoever is in focus.
    const events: { token: number; speaker: Speaker | null | undefined }[] = [];
    const subjects = new Set<Mention>();
    /** The start of the sentence whose last verb group had a person as its subject. */
    let spokeIn = -1;
    for (const group of verbGroups(tokens, 0, tokens.length)) {
      if (group.according || group.naming) continue;
      const from = sentenceStartBefore(block, group.start);
      let to = group.end;
      while (to < tokens.length && !block.boundaryAfter[to - 1]) to++;
      // "X admitted …, but said …", "X told MSNBC when asked …": the verb's subject is X's, not someone else.
      // So is "X denounced the remarks and warned…": the subject opening the sentence.
      const opened = () =>
        block.mentions.some(
          (m) => m.start >= from && m.end <= group.start && personOf(m) && !m.possessive && opensSentence(block, m),
        );
      if (subjectElided(tokens, group.start) && (spokeIn === from || opened())) continue;
      const subject = analyse(block, from, to, group);
      spokeIn = -1;
      if (subject.type === 'mention') {
        const person = personOf(subject.mention);
        if (person && !subject.mention.possessive) {
          subjects.add(subject.mention);
          spokeIn = from;
        } else events.push({ token: subject.start, speaker: null });
      } else if (subject.type === 'generic' || subject.type === 'document') {
        events.push({ token: group.start, speaker: null });
      }
    }
    for (const m of block.mentions) {
      const person = personOf(m);
      // "Vendrell and Quillfeather met…": two people equally in focus are no one.
      const joined = isWord(tokens[m.end], 'and', 'or', 'nor') && block.mentionStart.has(m.end + 1);
      if (person && !m.possessive && (subjects.has(m) || opensSentence(block, m) || viewpoint(block, m)))
        events.push({ token: m.start, speaker: joined ? null : person });
      // "Anna Karsk met…", "Vendrell's daughter arrived": someone untagged is the subject.
      else if ((m.target === 'unknown' || m.possessive) && m.target !== 'other' && block.sentenceStart[m.start])
        events.push({ token: m.start, speaker: null });
    }
    tokens.forEach((t, k) => {
      const gender = isWord(t, 'he', 'she') ? PRONOUN_GENDER[t.low] : undefined;
      if (!gender || !(block.sentenceStart[k] || tokens[k - 1]?.type === 'quote' || tokens[k - 1]?.text === ','))
        return;
      events.push({ token: k, speaker: undefined });
    });
    events.sort((x, y) => x.token - y.token);
    for (const event of events) {
      if (event.speaker !== undefined) {
        points.push({ block: b, token: event.token, speaker: event.speaker });
        continue;
      }
      const last = points.at(-1);
      const gender = PRONOUN_GENDER[tokens[event.token]!.low];
      if (last?.speaker && last.block >= b - 1 && compatible(genders, last.speaker, gender, b, event.token)) {
        points.push({ block: b, token: event.token, speaker: last.speaker });
      }
    }
  });
  return { genders, points };
}

/**
 * The person a pronoun at (b, p) stands for: the one in focus, if the focus was set or continued
 * in this paragraph or the one before (a quotation over several paragraphs counts as one: the
 * window starts at the paragraph before the one it opens in) and the gender fits; when it does not
 * fit, the last person in focus whose gender fits, if everyone in focus after them is known to be
 * of the other gender. Without a focus, the one person named in the window whose gender fits.
 */
export function resolvePronoun(
  blocks: Block[],
  b: number,
  p: number,
  opening: number,
  focus: Focus,
): Speaker | undefined {
  const current = blocks[b] as ProseBlock;
  const gender = PRONOUN_GENDER[current.tokens[p]!.low];
  const start = Math.min(opening, b) - 1;
  const window = focus.points.filter((point) => point.block >= start && before(point, b, p));
  let speaker: Speaker | undefined;
  const last = window.at(-1);
  if (last) {
    if (!last.speaker) return undefined;
    for (let i = window.length - 1; i >= 0 && !speaker; i--) {
      const candidate = window[i]!.speaker;
      if (!candidate) return undefined;
      const known = genderBefore(focus.genders, candidate.slug, b, p);
      if (known === undefined && gender !== undefined) {
        // Someone of unknown gender, where another in the window is known to fit: two candidates differ.
        const other = window.some(
          (x) =>
            x.speaker &&
            x.speaker.slug !== candidate.slug &&
            genderBefore(focus.genders, x.speaker.slug, b, p) === gender,
        );
        // Unless the candidate was just quoted, in the sentence before: “…,” said Solomon. He…
        if (other && !(i === window.length - 1 && inSentenceBefore(blocks, window[i]!, b, p))) return undefined;
        speaker = candidate;
      } else if (known === gender || gender === undefined) speaker = candidate;
      else if (known === undefined) return undefined;
    }
  } else {
    speaker = onlyPersonNamed(blocks, b, p, start, gender, focus.genders);
  }
  if (!speaker) return undefined;
  // "“…,” he told Vendrell": whoever the pronoun is, it is not the person told.
  for (let k = p + 1; k < current.tokens.length && current.tokens[k]!.type !== 'quote'; k++) {
    const target = current.mentionStart.get(k)?.target;
    if (typeof target === 'object' && target.speaker.kind === speaker.kind && target.speaker.slug === speaker.slug)
      return undefined;
    if (current.boundaryAfter[k]) break;
  }
  return speaker;
}

/** Whether a point lies in the sentence before the one holding token `p` of block `b`, and that sentence holds a quotation. */
function inSentenceBefore(blocks: Block[], point: Point, b: number, p: number): boolean {
  const start = sentenceStartBefore(blocks[b] as ProseBlock, p);
  const range = previousSentence(blocks, b, start);
  if (range === undefined || point.block !== range.block || point.token < range.from || point.token >= range.to)
    return false;
  return (blocks[range.block] as ProseBlock).tokens.slice(range.from, range.to).some((t) => t.type === 'quote');
}

/** The one person named outside quotations in the window whose gender fits, when nothing there blocks. */
function onlyPersonNamed(
  blocks: Block[],
  b: number,
  p: number,
  start: number,
  gender: Gender | undefined,
  genders: GenderEvidence,
): Speaker | undefined {
  const persons = new Map<string, Speaker>();
  const scan = (block: ProseBlock, to: number): boolean => {
    for (const m of block.mentions) {
      if (m.end > to) break;
      if (m.target === 'ambiguous') return false;
      const person = personOf(m);
      if (!person) continue;
      if (m.possessive) return false;
      if (compatible(genders, person, gender, b, p)) persons.set(person.slug, person);
    }
    const { tokens } = block;
    for (let k = 0; k < to; k++) {
      const t = tokens[k]!;
      if (
        t.type === 'word' &&
        POSSESSIVE_PRONOUNS.has(t.low) &&
        isWord(tokens[k + 1]) &&
        PERSON_NOUNS.has(tokens[k + 1]!.low)
      )
        return false;
    }
    return true;
  };
  for (let k = Math.max(start, 0); k < b; k++) {
    const block = blocks[k];
    if (block?.type === 'prose' && !scan(block, block.tokens.length)) return undefined;
  }
  if (!scan(blocks[b] as ProseBlock, p)) return undefined;
  return persons.size === 1 ? [...persons.values()][0] : undefined;
}
