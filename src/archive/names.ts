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

/**
 * The comparison key of a name: lowercase, diacritics folded, apostrophes dropped
 * (`People's` = `Peoples`), every other run of non-letters a single space.
 */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = foldDiacritics(name)
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

/** Collapses runs of white space and trims, for names shown to readers. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
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

/** The closest candidate within `maxDistance` edits, if any. */
export function didYouMean(word: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
