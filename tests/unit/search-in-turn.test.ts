import { describe, expect, it } from 'vitest';
import type { PagefindResult } from '../../src/client/pagefind-api.ts';
import { searchInTurn } from '../../src/client/search-in-turn.ts';

/** A result that is only a name, for telling which part gave it. */
const result = (name: string): PagefindResult => ({ data: async () => ({ url: name, excerpt: '', meta: {} }) });

/** Parts of `sizes` results each, noting which are prepared and asked. */
function parts(sizes: number[]) {
  const log: string[] = [];
  const made = sizes.map((size, i) => ({
    prepare: async () => void log.push(`prepare ${i}`),
    search: async () => (log.push(`search ${i}`), Array.from({ length: size }, (_, k) => result(`${i}.${k}`))),
  }));
  return { log, made };
}

const urls = async (results: PagefindResult[]) => Promise.all(results.map(async (r) => (await r.data()).url));

describe('searchInTurn', () => {
  it('asks parts in order only until there are enough results, and the rest when asked for all', async () => {
    const { log, made } = parts([1, 0, 2, 3]);
    const found = searchInTurn(made);
    await found.fill(3);
    expect(log).toEqual(['prepare 0', 'search 0', 'prepare 1', 'search 1', 'prepare 2', 'search 2']);
    expect(await urls(found.results)).toEqual(['0.0', '2.0', '2.1']);
    expect(found.complete).toBe(false);
    await found.fill(Infinity);
    expect(await urls(found.results)).toEqual(['0.0', '2.0', '2.1', '3.0', '3.1', '3.2']);
    expect(found.complete).toBe(true);
    expect(log.filter((line) => line.startsWith('search'))).toEqual(['search 0', 'search 1', 'search 2', 'search 3']);
  });

  it('calls back after each part that found more, and asks no part twice when filled twice at once', async () => {
    const { log, made } = parts([2, 0, 1]);
    const found = searchInTurn(made);
    const seen: number[] = [];
    await Promise.all([found.fill(Infinity, async () => void seen.push(found.results.length)), found.fill(Infinity)]);
    expect(seen).toEqual([2, 3]);
    expect(log.filter((line) => line.startsWith('search'))).toEqual(['search 0', 'search 1', 'search 2']);
    expect(found.results).toHaveLength(3);
  });

  it('is complete at once with no parts', async () => {
    const found = searchInTurn([]);
    expect(found.complete).toBe(true);
    await found.fill(Infinity);
    expect(found.results).toEqual([]);
  });
});
