/**
 * What the entity files say about names, in a form the per-article work can use without the whole
 * archive: every known name and alias by its key, with the entity it stands for. Articles are
 * processed against it (mention links, untagged mentions), so its fingerprint is part of each
 * article's cache key.
 */
import { digest } from './cache-key.ts';
import type { EntityFile } from './entity-file.ts';
import type { EntityKind } from './kinds.ts';
import { POSSESSIVE, everyName, nameKey } from './names.ts';
import { slugify } from './slug.ts';

export interface NamedEntity {
  kind: EntityKind;
  slug: string;
  name: string;
  /** Every name the entity goes by: its name, aliases and names in other languages. */
  names: string[];
  /** Short forms later mentions use ("Trong"), from the entity file. */
  short?: string[];
  /** Khmer names put the family name first and are not shortened. */
  familyNameFirst?: boolean;
}

export interface NameIndex {
  /** The entity a name in an article's frontmatter stands for: a known one, or one of its own. */
  resolve(kind: EntityKind, name: string): NamedEntity;
  /** Known entities whose name or alias has this key, of any kind. */
  byKey(key: string): readonly NamedEntity[];
  /** Whether a longer known name starts with these words (as keys, joined by spaces), so a scan
   * over text reads on only while a name could still match. */
  continues(prefix: string): boolean;
  /** Whether a word, as written, is plain prose: no known name, in any form, is it or starts with
   * it. Most words of every article are, so the answer is kept for each word. */
  plain(word: string): boolean;
  /** No entity file names anything: no text can mention a known entity. */
  empty: boolean;
  /** Changes whenever any name, alias or slug changes. */
  fingerprint: string;
}

/** Words whose answer `plain` keeps at most: far more than an archive's vocabulary, and a bound
 * on a worker that reads a very long archive. */
const PLAIN_WORDS_HELD = 200_000;

export function buildNameIndex(files: readonly EntityFile[]): NameIndex {
  const keys = new Map<string, NamedEntity[]>();
  const known = new Map<string, NamedEntity>();
  const prefixes = new Set<string>();
  for (const file of files) {
    const entity: NamedEntity = {
      kind: file.kind,
      slug: file.slug,
      name: file.name,
      names: everyName(file),
      ...(file.facts.short?.length ? { short: file.facts.short } : {}),
      ...(file.names['km'] ? { familyNameFirst: true } : {}),
    };
    for (const name of entity.names) {
      const key = nameKey(name);
      if (key === '') continue;
      // A name two files claim is an error (entities.ts); until it is mended the first file keeps
      // it, as the entity resolver does.
      const kindKey = `${file.kind}\u0000${key}`;
      if (!known.has(kindKey)) known.set(kindKey, entity);
      const list = keys.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      keys.set(key, list);
      for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) prefixes.add(key.slice(0, at));
    }
  }
  const plainWords = new Map<string, boolean>();
  const fingerprint = digest([JSON.stringify([...known.entries()].map(([key, e]) => [key, e.slug]).sort())]);
  return {
    resolve(kind, name) {
      return known.get(`${kind}\u0000${nameKey(name)}`) ?? { kind, slug: slugify(name), name, names: [name] };
    },
    byKey: (key) => keys.get(key) ?? [],
    continues: (prefix) => prefixes.has(prefix),
    plain(word) {
      let plain = plainWords.get(word);
      if (plain === undefined) {
        const key = nameKey(word);
        plain = !prefixes.has(key) && !keys.has(key) && !POSSESSIVE.test(word);
        if (plainWords.size >= PLAIN_WORDS_HELD) plainWords.clear();
        plainWords.set(word, plain);
      }
      return plain;
    },
    empty: keys.size === 0,
    fingerprint,
  };
}
