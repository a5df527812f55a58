/**
 * URL slugs: lowercase ASCII words joined by hyphens, derived from the same key that decides
 * whether two names are one (names.ts), so two spellings of one name can never get two slugs.
 * A name with no Latin letters (Khmer `ហ៊ុន សែន`) keeps its own script instead of collapsing to
 * an empty slug: `ហ៊ុន-សែន`.
 */
import { nameKey } from './names.ts';

const LATIN = /[a-z]/;

export function slugify(text: string): string {
  const key = nameKey(text);
  const ascii = key.replace(/[^a-z0-9 ]+/g, ' ').trim();
  const words = LATIN.test(ascii) ? ascii : key;
  return words.split(/\s+/).filter(Boolean).join('-');
}

/**
 * True for a slug an editor may set by hand: lowercase words joined by single hyphens, Latin
 * letters only as plain ASCII (`nguyen`, not `nguyễn`); other scripts keep their own letters.
 */
export function isValidSlug(slug: string): boolean {
  const latinBeyondAscii = /[\u0300-\u036f]|(?![\x00-\x7f])\p{Script=Latin}/u;
  return /^[\p{Ll}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u.test(slug) && !latinBeyondAscii.test(slug.normalize('NFD'));
}
