/**
 * URL slugs: lowercase ASCII words joined by hyphens, derived from the same key that decides
 * whether two names are one (names.ts), so two spellings of one name can never get two slugs.
 * A name with no Latin letters (Khmer `ហ៊ុន សែន`) keeps its own script instead of collapsing to
 * an empty slug: `ហ៊ុន-សែន`.
 *
 * A slug is a folder and a file name of the built site (`people/<slug>/index.html`,
 * `api/people/<slug>.json`), and file systems take at most 255 bytes a name. A slug longer than
 * `MAX_SLUG_BYTES` (in UTF-8, as the build writes it) is cut to a readable start and a short hash
 * of the whole, so it stays one address of its own and the same from build to build.
 */
import { createHash } from 'node:crypto';
import { nameKey } from './names.ts';

const LATIN = /[a-z]/;

/** Room for `.json` and more within 255 bytes, and short enough for any host's file system. */
export const MAX_SLUG_BYTES = 150;
const HASH_LENGTH = 8;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

export function slugify(text: string): string {
  return boundSlug(fullSlug(text));
}

/** The slug of a text before any bound: for telling whether `slugify` had to shorten it. */
export function fullSlug(text: string): string {
  const key = nameKey(text);
  const ascii = key.replace(/[^a-z0-9 ]+/g, ' ').trim();
  const words = LATIN.test(ascii) ? ascii : key;
  return words.split(/\s+/).filter(Boolean).join('-');
}

/** A slug's length as a file name: bytes of UTF-8, as the build writes it. */
export function slugBytes(slug: string): number {
  // Counted without encoding: a slug is worked out for every name on every article.
  return Buffer.byteLength(slug, 'utf8');
}

export function isOverlong(slug: string): boolean {
  return slugBytes(slug) > MAX_SLUG_BYTES;
}

/**
 * A slug within `MAX_SLUG_BYTES`: as it is when it fits, else its start (whole words where they
 * leave most of the room used, never half a letter) and a hash of the whole slug.
 */
export function boundSlug(slug: string): string {
  if (!isOverlong(slug)) return slug;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, HASH_LENGTH);
  const room = MAX_SLUG_BYTES - HASH_LENGTH - 1;
  let start = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(slug)) {
    bytes += slugBytes(segment);
    if (bytes > room) break;
    start += segment;
  }
  const lastHyphen = start.lastIndexOf('-');
  if (lastHyphen > start.length / 2) start = start.slice(0, lastHyphen);
  return `${start.replace(/-+$/, '')}-${hash}`;
}

/**
 * True for a slug an editor may set by hand: lowercase words joined by single hyphens, Latin
 * letters only as plain ASCII (`nguyen`, not `nguyễn`); other scripts keep their own letters.
 */
export function isValidSlug(slug: string): boolean {
  const latinBeyondAscii = /[\u0300-\u036f]|(?![\x00-\x7f])\p{Script=Latin}/u;
  return /^[\p{Ll}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u.test(slug) && !latinBeyondAscii.test(slug.normalize('NFD'));
}
