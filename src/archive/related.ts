/**
 * Related articles: those sharing the most with an article, where a shared entity counts by its
 * inverse document frequency, ln(1 + N / articles naming it), so sharing a rarely covered person says
 * more than sharing a country every article names. Ties go to the newer article.
 *
 * Candidates come from the article's entities; an entity in more than `hubSize` articles only adds
 * the articles nearest in date from its list, which keeps the work per article bounded in an
 * archive where one person is in half of 50,000 articles. Their weight still counts in full
 * for every candidate that shares them.
 *
 * Every article of an archive asks, so the scorer works on positions in the archive's order rather
 * than on article objects: entity lists become arrays of positions once, and one table of scores
 * serves every article in turn.
 */
import type { Article } from './article.ts';

export interface RelatedOptions {
  limit?: number;
  hubSize?: number;
}

export interface Related {
  article: Article;
  score: number;
}

/**
 * A function giving the related articles of any article of `articles` (newest first); an entity's
 * list from `articlesOf` is in that order too.
 */
export function relatedScorer<E>(
  articles: readonly Article[],
  entitiesOf: (article: Article) => readonly E[],
  articlesOf: (entity: E) => readonly Article[],
  { limit = 5, hubSize = 300 }: RelatedOptions = {},
): (article: Article) => Related[] {
  const total = articles.length;
  const positionOf = new Map(articles.map((article, i) => [article, i]));
  const lists = new Map<E, Int32Array>();
  const positions = (entity: E): Int32Array => {
    let list = lists.get(entity);
    if (!list) {
      list = Int32Array.from(articlesOf(entity), (article) => positionOf.get(article)!);
      lists.set(entity, list);
    }
    return list;
  };
  // Which articles name a hub, as a table over positions: asked of every candidate.
  const members = new Map<E, Uint8Array>();
  const membersOf = (entity: E): Uint8Array => {
    let table = members.get(entity);
    if (!table) {
      table = new Uint8Array(total);
      for (const at of positions(entity)) table[at] = 1;
      members.set(entity, table);
    }
    return table;
  };

  // One score table for all articles; `round` marks which entries belong to the current article.
  const scores = new Float64Array(total);
  const round = new Uint32Array(total);
  const candidates = new Int32Array(total);
  let current = 0;

  return (article) => {
    const self = positionOf.get(article);
    if (self === undefined) return [];
    current++;
    let count = 0;
    const hubs: { table: Uint8Array; weight: number }[] = [];
    for (const entity of entitiesOf(article)) {
      const list = positions(entity);
      const weight = Math.log(1 + total / Math.max(1, list.length));
      // A hub's weight is added at the end to every candidate naming it, wherever it came from;
      // of its own list only the neighbours of this article in date come in, with no score yet.
      const hub = list.length > hubSize;
      if (hub) hubs.push({ table: membersOf(entity), weight });
      const near = hub ? nearest(list, self) : 0;
      const from = hub ? Math.max(0, near - limit) : 0;
      const to = hub ? Math.min(list.length, near + limit + 1) : list.length;
      for (let i = from; i < to; i++) {
        const at = list[i]!;
        if (round[at] !== current) {
          round[at] = current;
          scores[at] = 0;
          candidates[count++] = at;
        }
        if (!hub) scores[at] = scores[at]! + weight;
      }
    }

    // The best `limit`, kept sorted as they come: candidates run to thousands, the result to five.
    const best: { at: number; score: number }[] = [];
    const better = (a: { at: number; score: number }, b: { at: number; score: number }) => a.score > b.score || (a.score === b.score && a.at < b.at);
    for (let i = 0; i < count; i++) {
      const at = candidates[i]!;
      if (at === self) continue;
      let score = scores[at]!;
      for (const hub of hubs) if (hub.table[at] === 1) score += hub.weight;
      if (score <= 0) continue;
      const candidate = { at, score };
      if (best.length === limit && !better(candidate, best[limit - 1]!)) continue;
      let place = best.length;
      while (place > 0 && better(candidate, best[place - 1]!)) place--;
      best.splice(place, 0, candidate);
      if (best.length > limit) best.pop();
    }
    return best.map(({ at, score }) => ({ article: articles[at]!, score }));
  };
}

/** Index in an ascending list of the value closest to `target` (the first not below it). */
function nearest(list: Int32Array, target: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
