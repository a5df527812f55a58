/**
 * Names of the synthetic archive and the registry that keeps them apart: no two entities of a kind
 * share a name key or a slug, and none is one edit from another.
 */
import { nameKey } from '../../../src/archive/names.ts';
import type { PoolKind } from '../generate.ts';
import { AFTER_QUOTE, BODY_PHRASES, CLAUSES, EVENT_NOUNS, FIELDS, FILLER, GROUPS, HEADINGS, LIST_INTROS, LIST_ITEMS, NOUN_PHRASES, PLACE_BODIES, QUOTES, SURNAME_BODIES, THINGS, TIMES, TITLES, VERBS_PAST } from './words.ts';

/** Words the templates use: a one-word name or alias must not be one of them (lower case, folded). */
const VOCABULARY = new Set(
  [
    ...FILLER, ...QUOTES, ...AFTER_QUOTE, ...LIST_ITEMS, ...HEADINGS, ...NOUN_PHRASES, ...VERBS_PAST, ...TIMES,
    ...CLAUSES, ...GROUPS, ...THINGS, ...TITLES, ...EVENT_NOUNS, ...FIELDS, ...PLACE_BODIES, ...SURNAME_BODIES,
    ...BODY_PHRASES, ...LIST_INTROS,
  ].flatMap((text) => nameKey(text).split(' ')),
);

/** Matches near-duplicates.ts: names shorter than this are never compared. */
const NEAR_MIN_LENGTH = 6;

export interface Entity {
  id: number;
  kind: PoolKind;
  name: string;
  key: string;
  slug: string;
  /** Set when the slug is not slugify(name): Khmer names. */
  explicitSlug?: string;
  aliases: string[];
  hasFile: boolean;
  /** How the body refers to it after the first mention: a surname, a given name, an abbreviation. */
  short: string;
  /** A plain-ASCII spelling articles may use instead of the name (folded Vietnamese). */
  ascii?: string;
  /** The place named inside an organisation's or event's name, tagged with it. */
  place?: Entity;
  role?: string;
  abbreviation?: string;
  country?: string;
  region?: string;
  start?: number;
  end?: number;
  script: 'latin' | 'vi' | 'km';
}

/** Per kind: claimed name keys, slugs and one-deletion variants (for near-duplicate checks). */
export class Registry {
  readonly keys = new Set<string>();
  readonly slugs = new Set<string>();
  private readonly variants = new Map<string, number>();

  private nearOwner(key: string, owner: number): boolean {
    if (key.length < NEAR_MIN_LENGTH) return false;
    for (const variant of deletions(key)) {
      const other = this.variants.get(variant);
      if (other !== undefined && other !== owner) return true;
    }
    return false;
  }

  private addVariants(key: string, owner: number): void {
    if (key.length < NEAR_MIN_LENGTH) return;
    for (const variant of deletions(key)) if (!this.variants.has(variant)) this.variants.set(variant, owner);
  }

  /** Claims a name and its slug for a new entity, or returns false when either is taken or too close. */
  claimName(name: string, slug: string, owner: number): boolean {
    const key = nameKey(name);
    if (key === '' || slug === '' || this.keys.has(key) || this.slugs.has(slug) || this.nearOwner(key, owner)) return false;
    this.keys.add(key);
    this.slugs.add(slug);
    this.addVariants(key, owner);
    return true;
  }

  /** Claims an alias for an entity: its own key is fine, another entity's key or a near one is not. */
  claimAlias(alias: string, entity: Entity): boolean {
    const key = nameKey(alias);
    if (key === '' || key === entity.key) return key !== '';
    if (this.keys.has(key) || this.nearOwner(key, entity.id)) return false;
    this.keys.add(key);
    this.addVariants(key, entity.id);
    return true;
  }
}

function deletions(key: string): Set<string> {
  const set = new Set([key]);
  for (let i = 0; i < key.length; i++) set.add(key.slice(0, i) + key.slice(i + 1));
  return set;
}

/** One-word keys of every kind, and every word of every name: a one-word name must be neither. */
export class WordGuard {
  readonly singleWordKeys = new Set<string>();
  readonly nameWords = new Set<string>();

  /**
   * True when the name is safe to add. `within` is the key of a place the name contains on
   * purpose (the Vellmar Harbour Authority), which is always tagged along with it.
   */
  accept(key: string, within?: string): boolean {
    const words = key.split(' ');
    if (words.length === 1) return !(VOCABULARY.has(key) || this.nameWords.has(key) || this.singleWordKeys.has(key));
    // A word of a longer name that is some entity's one-word name would read as a mention of it.
    const allowed = within?.split(' ') ?? [];
    return !words.some((w) => !allowed.includes(w) && this.singleWordKeys.has(w));
  }

  record(key: string): void {
    const words = key.split(' ');
    if (words.length === 1) this.singleWordKeys.add(key);
    for (const w of words) this.nameWords.add(w);
  }
}
