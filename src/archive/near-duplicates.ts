/**
 * Names so alike that they are probably one entity spelt two ways (`Hun Sen` / `Hun Senn`).
 * Two keys one edit apart share a one-character deletion (or one is a deletion of the other), so
 * indexing every key's deletions finds all such pairs in time linear in the number of names,
 * with no comparison of every name against every other.
 */
import { nameKey } from './names.ts';

/** Shorter names are too often distinct abbreviations (CPP, CPV) to flag. */
const MIN_LENGTH = 6;

export interface NamedThing {
  id: string;
  names: readonly string[];
}

export function findNearDuplicates<T extends NamedThing>(things: readonly T[]): [T, string, T, string][] {
  const byVariant = new Map<string, { thing: T; name: string; key: string }[]>();
  const pairs = new Map<string, [T, string, T, string]>();
  for (const thing of things) {
    for (const name of thing.names) {
      const key = nameKey(name);
      if (key.length < MIN_LENGTH) continue;
      const variants = new Set([key]);
      for (let i = 0; i < key.length; i++) variants.add(key.slice(0, i) + key.slice(i + 1));
      for (const variant of variants) {
        const list = byVariant.get(variant) ?? [];
        for (const other of list) {
          if (other.thing.id === thing.id || other.key === key) continue;
          const pairId = [other.thing.id, thing.id].sort().join('\u0000');
          if (!pairs.has(pairId)) pairs.set(pairId, [other.thing, other.name, thing, name]);
        }
        list.push({ thing, name, key });
        byVariant.set(variant, list);
      }
    }
  }
  return [...pairs.values()];
}
