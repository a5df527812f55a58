/**
 * Who is in focus where a pronoun speaks: "“…,” he said" goes to the person the story is about at
 * that point. Gender comes only from the article itself: honorifics (Mr., Mrs., Ms.) before a
 * person's name and pronouns used of a person in a sentence that names no one else.
 */
import type { Speaker } from './types.ts';
import { PERSON_NOUNS, POSSESSIVE_PRONOUNS, TITLES } from './words.ts';
import type { Block, Mention, ProseBlock } from './blocks.ts';
import { sentenceStartBefore } from './sentences.ts';
import { analyse, isWord, verbGroups } from './frames.ts';

export type Gender = 'male' | 'female';

const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'male', him: 'male', his: 'male', himself: 'male', she: 'female', her: 'female', hers: 'female', herself: 'female',
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
    for (let s = 0; s < tokens.length; ) {
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

/** A mention that opens its sentence (after titles), the usual place of the one a story is about. */
function opensSentence(block: ProseBlock, m: Mention): boolean {
  let k = m.start - 1;
  while (k >= 0 && (block.tokens[k]!.text === '.' || (isWord(block.tokens[k]) && (TITLES.has(block.tokens[k]!.low) || block.tokens[k]!.low === 'the')))) k--;
  return k < 0 || block.boundaryAfter[k] === true;
}

interface Seen {
  speaker: Speaker;
  subject: boolean;
}

/**
 * The person a pronoun at (b, p) stands for: of the people named outside quotations before it in
 * its paragraph, or in the paragraph before (a quotation over several paragraphs counts as one, so
 * the window of "he said" after it starts at the paragraph before the one it opens in), those whose
 * gender does not contradict the pronoun; if several, the last one named as a subject, when no
 * other is named after it.
 */
export function resolvePronoun(blocks: Block[], b: number, p: number, opening: number, genders: GenderEvidence): Speaker | undefined {
  const seen: Seen[] = [];
  const subjects = new Set<Mention>();
  const scan = (block: ProseBlock, to: number): boolean => {
    const { tokens } = block;
    for (const group of verbGroups(tokens, 0, to)) {
      if (group.according) continue;
      const subject = analyse(block, sentenceStartBefore(block, group.start), to, group);
      // Someone else speaks in the window: "a spokesman said", "they said", an untagged name.
      if (subject.type === 'generic') return false;
      if (subject.type === 'mention') {
        if (typeof subject.mention.target !== 'object') return false;
        subjects.add(subject.mention);
      }
    }
    for (const m of block.mentions) {
      if (m.end > to) break;
      if (m.target === 'ambiguous') return false;
      if (typeof m.target !== 'object') continue;
      if (m.target.speaker.kind !== 'people') continue;
      if (m.possessive) return false;
      seen.push({ speaker: m.target.speaker, subject: subjects.has(m) || opensSentence(block, m) });
    }
    for (let k = 0; k < to; k++) {
      const t = tokens[k]!;
      if (t.type === 'word' && POSSESSIVE_PRONOUNS.has(t.low) && isWord(tokens[k + 1]) && PERSON_NOUNS.has(tokens[k + 1]!.low)) return false;
    }
    return true;
  };
  for (let k = Math.min(opening, b) - 1; k < b; k++) {
    const block = blocks[k];
    if (block?.type === 'prose' && !scan(block, block.tokens.length)) return undefined;
  }
  const current = blocks[b] as ProseBlock;
  if (!scan(current, p)) return undefined;
  const pronoun = PRONOUN_GENDER[current.tokens[p]!.low];
  const fits = seen.filter((s) => {
    const gender = genderBefore(genders, s.speaker.slug, b, p);
    return gender === undefined || gender === pronoun;
  });
  const distinct = new Set(fits.map((s) => s.speaker.slug));
  let speaker: Speaker | undefined;
  if (distinct.size === 1) speaker = fits[0]!.speaker;
  else {
    const last = fits.findLastIndex((s) => s.subject);
    if (last === -1 || fits.slice(last + 1).some((s) => s.speaker.slug !== fits[last]!.speaker.slug)) return undefined;
    speaker = fits[last]!.speaker;
  }
  // "“…,” he told Vendrell": whoever the pronoun is, it is not the person told.
  for (let k = p + 1; k < current.tokens.length && current.tokens[k]!.type !== 'quote'; k++) {
    const target = current.mentionStart.get(k)?.target;
    if (typeof target === 'object' && target.speaker.kind === speaker.kind && target.speaker.slug === speaker.slug) return undefined;
    if (current.boundaryAfter[k]) break;
  }
  return speaker;
}
