import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/archive/article.ts';
import { relatedScorer } from '../../src/archive/related.ts';

// Articles are identified by slug; position 0 is the newest.
const articles = Array.from({ length: 12 }, (_, i) => ({ slug: `a${i}` }) as Article);

const bySlug = (slug: string) => articles.find((a) => a.slug === slug)!;

/** A scorer over the articles, each tagged with the entities `tags` gives its slug. */
function scorerFor(tags: Record<string, string[]>, options = {}) {
  const entitiesOf = (a: Article) => tags[a.slug] ?? [];
  const lists = new Map<string, Article[]>();
  for (const a of articles) for (const e of entitiesOf(a)) lists.set(e, [...(lists.get(e) ?? []), a]);
  return relatedScorer(articles, entitiesOf, (e) => lists.get(e) ?? [], options);
}

function related(tags: Record<string, string[]>, of: string, options = {}) {
  return scorerFor(tags, options)(bySlug(of)).map((r) => r.article.slug);
}

describe('relatedScorer', () => {
  it('ranks by shared entities weighted by rarity, ties to the newer article, and never the article itself', () => {
    const tags = { a0: ['rare', 'common'], a1: ['common'], a2: ['common'], a3: ['rare'], a4: ['rare', 'common'], a5: [] };
    expect(related(tags, 'a0')).toEqual(['a4', 'a3', 'a1', 'a2']);
  });

  it('keeps the best `limit`', () => {
    const tags = Object.fromEntries(articles.map((a, i) => [a.slug, i % 2 === 0 ? ['x', 'y'] : ['x']]));
    expect(related(tags, 'a0', { limit: 3 })).toEqual(['a2', 'a4', 'a6']);
  });

  it('takes only date neighbours from an entity in more than hubSize articles, but counts its weight for any candidate', () => {
    const tags = Object.fromEntries(articles.map((a) => [a.slug, ['hub']]));
    tags['a11'] = ['hub', 'rare'];
    tags['a0'] = ['hub', 'rare'];
    // a11 comes in through "rare" and shares the hub too; of the hub's list only the `limit`
    // nearest a0 in date come in (a1, a2 for 2; a1 to a5 for 5), never the far end.
    expect(related(tags, 'a0', { hubSize: 4, limit: 2 })).toEqual(['a11', 'a1']);
    expect(related(tags, 'a0', { hubSize: 4, limit: 5 })).toEqual(['a11', 'a1', 'a2', 'a3', 'a4']);
    // a6's neighbours a4, a5, a7, a8 tie; the newer win.
    expect(related(tags, 'a6', { hubSize: 4, limit: 2 })).toEqual(['a4', 'a5']);
  });

  it('gives each article its own answer when one scorer serves them in turn', () => {
    const scorer = scorerFor({ a0: ['x'], a1: ['x', 'y'], a2: ['y'], a3: ['z'], a4: ['z', 'x'] });
    const answers = ['a0', 'a2', 'a3', 'a0'].map((slug) => scorer(bySlug(slug)).map((r) => r.article.slug));
    expect(answers).toEqual([['a1', 'a4'], ['a1'], ['a4'], ['a1', 'a4']]);
    expect(scorer({ slug: 'elsewhere' } as Article)).toEqual([]);
  });
});
