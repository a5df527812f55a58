/**
 * Related articles: those sharing the most with an article, where a shared entity counts by its
 * inverse document frequency, ln(1 + N / articles naming it), so sharing a rarely covered person says
 * more than sharing a country every article names. Ties go to the newer article.
 *
 * Candidates come from the article's entities; an entity in more than `hubSize` articles only adds
 * the articles nearest in date from its list, which keeps the work per article bounded in an
 * archive where one person is in half of 50,000 articles. Their weight still counts in full
 * for every candidate that shares them.
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

export function relatedArticles<E>(
  article: Article,
  entitiesOf: (article: Article) => readonly E[],
  articlesOf: (entity: E) => readonly Article[],
  total: number,
  order: (article: Article) => number,
  { limit = 5, hubSize = 300 }: RelatedOptions = {},
): Related[] {
  const mine = entitiesOf(article);
  const weight = (entity: E) => Math.log(1 + total / Math.max(1, articlesOf(entity).length));
  // Scores add up list by list; a hub's weight is added at the end to every candidate naming it,
  // wherever that candidate came from.
  const scores = new Map<Article, number>();
  const hubs: { entity: E; weight: number }[] = [];
  for (const entity of mine) {
    const list = articlesOf(entity);
    if (list.length <= hubSize) {
      const w = weight(entity);
      for (const other of list) scores.set(other, (scores.get(other) ?? 0) + w);
      continue;
    }
    hubs.push({ entity, weight: weight(entity) });
    // Lists are newest first, like the index; take the neighbours of this article in date.
    const at = nearest(list, order(article), order);
    for (let i = Math.max(0, at - limit); i < Math.min(list.length, at + limit + 1); i++) {
      if (!scores.has(list[i]!)) scores.set(list[i]!, 0);
    }
  }
  scores.delete(article);

  // The best `limit`, kept sorted as they come: candidates run to thousands, the result to five.
  const best: Related[] = [];
  const better = (a: Related, b: Related) => a.score > b.score || (a.score === b.score && order(a.article) < order(b.article));
  for (let [other, score] of scores) {
    if (hubs.length > 0) {
      const theirs = entitiesOf(other);
      for (const hub of hubs) if (theirs.includes(hub.entity)) score += hub.weight;
    }
    if (score <= 0) continue;
    const candidate = { article: other, score };
    if (best.length === limit && !better(candidate, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && better(candidate, best[at - 1]!)) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** Index in a list sorted by ascending `order` of the item closest to `target`. */
function nearest(list: readonly Article[], target: number, order: (a: Article) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
