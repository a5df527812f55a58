/**
 * How names compare. Two spellings are one name when they differ only in case, spacing,
 * punctuation or Latin diacritics: `Nguyễn Phú Trọng`, `nguyen phu trong` and `NGUYEN  PHU-TRONG`
 * share one key. Letters of other scripts (Khmer, Thai, Chinese) are kept as they are, with their
 * own combining signs, so a Khmer name keeps a meaningful key.
 */

/** Latin letters that do not decompose under NFKD, folded to what a newsroom writes in ASCII. */
const LATIN_FOLDS: Record<string, string> = {
  đ: 'd', Đ: 'D', ẞ: 'SS', ð: 'd', Ð: 'D', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'AE',
  œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T',
};
const LATIN_FOLD_PATTERN = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'g');

/** Combining diacritical marks (U+0300–U+036F): the accents NFKD splits off Latin letters. */
const LATIN_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’ʼ‘`´]/g;

const ASCII = /^[\x00-\x7f]*$/;

/** Removes Latin diacritics and folds special Latin letters; other scripts pass through unchanged. */
export function foldDiacritics(text: string): string {
  if (ASCII.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .replace(LATIN_FOLD_PATTERN, (c) => LATIN_FOLDS[c] ?? c)
    .normalize('NFC');
}

/** A word ending in a possessive 's ("Hun Sen's"), which may end a name without it. */
export const POSSESSIVE = /['’]s$/i;

/**
 * The comparison key of a name: lowercase, diacritics folded, apostrophes dropped
 * (`People's` = `Peoples`), every other run of non-letters a single space.
 */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // Invisible characters are no part of a name, so `Quill\u200Dfeather` is `Quillfeather`; a
    // zero-width space separates words, as a space does.
    key = foldDiacritics(name.replace(INVISIBLE_BUT_SPACE, ''))
      .toLowerCase()
      .replace(APOSTROPHES, '')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
      .trim();
    // Article text asks for the same words again and again; the memo is bounded, not a leak.
    if (keys.size > 100_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** Symbols that make a name another name: `+` (and other maths signs), currency, `&`, `%`, and `#`
 * after a letter (`C#`). Separators are not, nor the `#` and `@` that mark a hashtag or a handle
 * (`#MeToo` is `MeToo`). */
const SIGNIFICANT_SYMBOLS = /[\p{Sm}\p{Sc}&%]|(?<=[\p{L}\p{N}])#/gu;

/**
 * The symbols of a name that its key leaves out: `C++`, `C#` and `C` share the key `c` but not
 * their symbols (`++`, `#`, none), so they are different names that must not become one entity.
 */
export function nameSymbols(name: string): string {
  return name.match(SIGNIFICANT_SYMBOLS)?.join('') ?? '';
}

/** Whether two spellings are one name: one key and the same symbols (`C++` is not `C#`). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b) && nameSymbols(a) === nameSymbols(b);
}

/** Every spelling an entity goes by: its name, aliases and names in other languages. */
export function everyName(entity: { name: string; aliases: readonly string[]; names: Readonly<Record<string, string>> }): string[] {
  return [entity.name, ...entity.aliases, ...Object.values(entity.names)];
}

/**
 * Characters that show nothing: zero-width space, joiners and non-joiners, the word joiner and
 * byte-order mark, soft hyphen, invisible operators, and the marks, embeddings, overrides and
 * isolates that change the direction of text. A name carrying them would look like another name.
 */
export const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const INVISIBLE_BUT_SPACE = /[\u00ad\u061c\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const JOINERS = /[\u200c\u200d]/;
/** Letters and signs of scripts whose writing uses joiners (Persian, the scripts of India), emoji. */
// The skin-tone modifiers are meant as characters of their own here, not as part of an emoji.
// eslint-disable-next-line no-misleading-character-class
const JOINS_AFTER = /[\p{L}\p{M}\p{Extended_Pictographic}\ufe0f\u{1f3fb}-\u{1f3ff}]$/u;
const JOINS_BEFORE = /^[\p{L}\p{M}\p{Extended_Pictographic}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * The invisible characters of a text that a reader cannot want there, each once, in order. A
 * zero-width joiner or non-joiner between two letters of a script that is not Latin (Persian
 * `می‌خواهم`), or a joiner inside an emoji sequence, is part of the writing and not counted.
 */
export function strayInvisibles(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(INVISIBLE)) {
    const c = match[0];
    if (JOINERS.test(c)) {
      const before = text.slice(0, match.index);
      const after = text.slice(match.index + 1);
      const [last] = [...before].slice(-1);
      const [next] = after;
      const inWriting = last !== undefined && next !== undefined && JOINS_AFTER.test(last) && JOINS_BEFORE.test(next);
      const latin = (last !== undefined && LATIN_LETTER.test(last)) || (next !== undefined && LATIN_LETTER.test(next));
      if (inWriting && !latin) continue;
    }
    found.add(c);
  }
  return [...found];
}

/** A text with its stray invisible characters (see strayInvisibles) left out; a zero-width space
 * becomes a space, as it separates words. */
export function withoutInvisibles(text: string): string {
  const stray = new Set(strayInvisibles(text));
  if (stray.size === 0) return text;
  return [...text].map((c) => (stray.has(c) ? (c === '\u200b' ? ' ' : '') : c)).join('');
}

/**
 * A name as readers see it: stray invisible characters left out, runs of white space one space,
 * trimmed, and composed (NFC), so one name written in two Unicode forms is shown one way.
 */
export function cleanName(name: string): string {
  return withoutInvisibles(name).replace(/\s+/g, ' ').trim().normalize('NFC');
}

function nonAscii(text: string): number {
  return text.replace(/[\x00-\x7f]/g, '').length;
}

/**
 * The spellings of one name by how many articles use each, best first: the most used; on a tie
 * the one with more diacritics (the fuller form: Nguyễn Phú Trọng before Nguyen Phu Trong), then
 * the first alphabetically. The build names an entity without a file by the first, and so does
 * `npm run new`.
 */
export function rankSpellings(counts: Iterable<[string, number]>): string[] {
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || nonAscii(b) - nonAscii(a) || a.localeCompare(b)).map(([spelling]) => spelling);
}

/** The order lists of entities are read in: by name, A–Z, letters before accents and digits as numbers. */
export const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Entities (or anything with one) with a count, most first and then by name; sorts in place. */
export function rankByCount<T>(items: T[], count: (item: T) => number, name: (item: T) => string): T[] {
  return items.sort((a, b) => count(b) - count(a) || byName.compare(name(a), name(b)));
}

/** Levenshtein distance, for did-you-mean suggestions and near-duplicate names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface ClosestOptions {
  /** Edits at most; default 2. */
  maxDistance?: number;
  /** What of the word and of each candidate is compared; default lowercased. */
  keyOf?: (text: string) => string;
  /** Leave out a candidate that is the word itself (by its key). */
  skipSame?: boolean;
}

/** The candidate closest to `word` within `maxDistance` edits (the first of equally close ones), for
 * did-you-mean hints. */
export function closest(word: string, candidates: Iterable<string>, { maxDistance = 2, keyOf = (text) => text.toLowerCase(), skipSame = false }: ClosestOptions = {}): string | undefined {
  const key = keyOf(word);
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const other = keyOf(candidate);
    // The distance is at least the difference in length: most candidates need no comparing.
    if (Math.abs(other.length - key.length) >= bestDistance) continue;
    const distance = editDistance(key, other);
    if (distance < bestDistance && !(skipSame && distance === 0)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
