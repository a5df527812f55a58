/** Speakers, their short forms, and the lexicon that finds them in the words of a body. */
import type { NamedEntity } from '../name-index.ts';
import { foldDiacritics, nameKey } from '../names.ts';
import type { Speaker } from './types.ts';
import { KHMER_SCRIPT, NAME_SUFFIXES, SURNAME_PARTICLES, VIETNAMESE_SURNAMES } from './words.ts';

export function fold(word: string): string {
  return foldDiacritics(word).toLowerCase();
}

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

function isLatin(name: string): boolean {
  return !/[^\p{Script=Latin}\p{M}\s'’.-]/u.test(name);
}

/** A person or organisation entity as a speaker; other kinds cannot be quoted. */
export function toSpeaker(
  entity: NamedEntity,
  options: { short?: string | readonly string[]; familyNameFirst?: boolean } = {},
): Speaker | undefined {
  if (entity.kind !== 'people' && entity.kind !== 'organisations') return undefined;
  const short =
    options.short === undefined ? [] : typeof options.short === 'string' ? [options.short] : [...options.short];
  return {
    kind: entity.kind,
    slug: entity.slug,
    name: entity.name,
    names: [...new Set([entity.name, ...entity.names])],
    ...(short.length > 0 ? { short } : {}),
    ...(options.familyNameFirst === undefined ? {} : { familyNameFirst: options.familyNameFirst }),
  };
}

/** Whether a name looks Vietnamese: a Latin name of two or more words led by a common family name. */
export function isVietnameseName(name: string): boolean {
  const parts = words(name);
  return parts.length >= 2 && isLatin(name) && VIETNAMESE_SURNAMES.has(fold(parts[0]!));
}

/** The short forms a speaker is recognised by, besides its full names (see the module comment). */
export function shortForms(speaker: Speaker): string[] {
  const forms = new Set((speaker.short ?? []).map((s) => s.trim()).filter(Boolean));
  if (speaker.kind !== 'people') return [...forms];
  const all = [speaker.name, ...speaker.names];
  const familyFirst = speaker.familyNameFirst ?? all.some((n) => KHMER_SCRIPT.test(n));
  if (familyFirst) return [...forms];
  const vietnamese = all.filter(isVietnameseName);
  for (const name of vietnamese) forms.add(words(name).at(-1)!);
  if (vietnamese.length === 0 && isLatin(speaker.name)) {
    // The surname is the last word, whatever stands before it ("Loretta E. Lynch" → Lynch).
    const parts = words(speaker.name).filter((w) => !NAME_SUFFIXES.has(fold(w).replace(/\.$/, '')));
    const surname = parts.at(-1);
    if (
      parts.length >= 2 &&
      surname !== undefined &&
      /^\p{Lu}/u.test(surname) &&
      surname.replace(/[^\p{L}]/gu, '').length >= 2
    )
      forms.add(surname);
    // "Marine Le Pen" is "Le Pen" (a lowercase particle, as in "de Vos", starts no mention: "Vos" is found).
    const particle = parts.at(-2);
    if (
      parts.length >= 3 &&
      particle !== undefined &&
      surname !== undefined &&
      /^\p{Lu}/u.test(particle) &&
      SURNAME_PARTICLES.has(fold(particle))
    )
      forms.add(`${particle} ${surname}`);
  }
  return [...forms];
}

export type Target = { speaker: Speaker; via: 'name' | 'short' } | 'other' | 'ambiguous';

export interface Lexicon {
  lookup(key: string): Target | undefined;
  maxWords: number;
  /** The first word of every name in it: a word that is none of these starts no name. */
  firstWords: ReadonlySet<string>;
}

function lexiconKey(name: string): string {
  return nameKey(name).replace(/^the /, '');
}

export function buildLexicon(speakers: readonly Speaker[], others: readonly string[]): Lexicon {
  const entries = new Map<string, Map<string, Target>>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  const add = (name: string, id: string, target: Target) => {
    const key = lexiconKey(name);
    if (key === '') return;
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    firstWords.add(words[0]!);
    const byId = entries.get(key) ?? new Map<string, Target>();
    const existing = byId.get(id);
    // A speaker's full name wins over the same speaker's short form.
    if (!existing || (typeof existing === 'object' && typeof target === 'object' && target.via === 'name'))
      byId.set(id, target);
    entries.set(key, byId);
  };
  for (const speaker of speakers) {
    const id = `${speaker.kind}/${speaker.slug}`;
    for (const name of [speaker.name, ...speaker.names]) add(name, id, { speaker, via: 'name' });
    for (const short of shortForms(speaker)) add(short, id, { speaker, via: 'short' });
  }
  for (const other of others) add(other, `other/${lexiconKey(other)}`, 'other');
  return {
    lookup(key) {
      const byId = entries.get(key);
      if (!byId) return undefined;
      const targets = [...byId.values()];
      if (targets.length === 1) return targets[0];
      // Two speakers, or a speaker and a place, answer to these words.
      return 'ambiguous';
    },
    maxWords,
    firstWords,
  };
}
