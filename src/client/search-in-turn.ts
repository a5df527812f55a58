/** A search made of parts (Pagefind shards) asked one after another, only as far as needed. */
import type { PagefindResult } from './pagefind-api.ts';

/** A search's results as far as they are known: `fill` asks more of its parts (shards) in
 * turn, one at a time, until there are `upTo` results or every part has answered, waiting for
 * `answered` after each that found more (so they are shown before the next shard is loaded:
 * Pagefind's worker does one thing at a time). */
export interface Found {
  results: PagefindResult[];
  complete: boolean;
  fill(upTo: number, answered?: () => Promise<void>): Promise<void>;
}

/** A search made in parts, each made ready (`prepare`) and asked (`search`) only when the
 * results before it do not fill what is asked for. */
export function searchInTurn(parts: { prepare: () => Promise<unknown>; search: () => Promise<PagefindResult[]> }[]): Found {
  let asked = 0;
  let queue = Promise.resolve();
  const found: Found = {
    results: [],
    complete: parts.length === 0,
    async fill(upTo, answered) {
      while (!found.complete && found.results.length < upTo) {
        const known = found.results.length;
        queue = queue.then(async () => {
          if (found.complete) return;
          const part = parts[asked]!;
          await part.prepare();
          found.results.push(...(await part.search()));
          asked++;
          found.complete = asked === parts.length;
        });
        await queue;
        if (found.results.length > known) await answered?.();
      }
    },
  };
  return found;
}
