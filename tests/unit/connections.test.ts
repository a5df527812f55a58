import { describe, expect, it } from 'vitest';
import { CONNECTION_LIMIT, CROWD, CoOccurrence } from '../../src/archive/connections.ts';
import type { Entity } from '../../src/archive/entities.ts';
import type { EntityKind } from '../../src/archive/kinds.ts';

function entity(name: string, kind: EntityKind = 'people'): Entity {
  return { kind, slug: name.toLowerCase().replace(/ /g, '-'), name, aliases: [], names: {}, facts: {}, html: '', file: 'a.md', hasFile: false };
}

/** Every pair counted, sorted, as the index did before crowds: the reference. */
function naive(articles: Entity[][], of: Entity): { entity: string; shared: number }[] {
  const row = new Map<Entity, number>();
  for (const a of articles) if (a.includes(of)) for (const b of a) if (b !== of) row.set(b, (row.get(b) ?? 0) + 1);
  return [...row]
    .map(([e, shared]) => ({ entity: e.name, shared }))
    .sort((a, b) => b.shared - a.shared || new Intl.Collator().compare(a.entity, b.entity));
}

describe('CoOccurrence', () => {
  it('lists the most shared first, then by name, with counts by kind', () => {
    const [a, b, c, d] = [entity('Ana'), entity('Bo'), entity('Cy'), entity('Port Ellery', 'places')];
    const together = new CoOccurrence<Entity>();
    together.add([a!, b!, d!]);
    together.add([a!, c!]);
    together.add([a!, c!]);
    const { list, counts } = together.of(a!);
    expect(list.map((x) => [x.entity.name, x.shared])).toEqual([['Cy', 2], ['Bo', 1], ['Port Ellery', 1]]);
    expect(counts).toEqual({ people: 2, organisations: 0, events: 0, places: 1, tags: 0 });
  });

  it('gives crowds (articles naming more than CROWD) exactly what counting every pair gives, bounded', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const people = Array.from({ length: 400 }, (_, i) => entity(`Person ${String(i).padStart(3, '0')}`, i % 5 === 0 ? 'organisations' : 'people'));
    const articles: Entity[][] = [];
    for (let i = 0; i < 60; i++) {
      const size = i % 6 === 0 ? CROWD + 1 + Math.floor(random() * 200) : 2 + Math.floor(random() * 8);
      articles.push([...new Set(Array.from({ length: size }, () => people[Math.floor(random() * people.length)]!))]);
    }
    expect(articles.filter((a) => a.length > CROWD).length).toBeGreaterThan(3);
    const together = new CoOccurrence<Entity>();
    for (const a of articles) together.add(a);
    for (const person of people) {
      const expected = naive(articles, person);
      const { list, counts } = together.of(person);
      expect(list.map((c) => ({ entity: c.entity.name, shared: c.shared }))).toEqual(expected.slice(0, CONNECTION_LIMIT));
      expect(counts.people + counts.organisations).toBe(expected.length);
    }
  });

  it('gives every connection: each ordinary one with its full count, each crowd once with its size', () => {
    const people = Array.from({ length: 300 }, (_, i) => entity(`Person ${String(i).padStart(3, '0')}`));
    const [me, friend, other] = people as [Entity, Entity, Entity];
    const together = new CoOccurrence<Entity, string>();
    // More ordinary connections than a page keeps, all of them exact.
    for (let i = 3; i < 153; i++) together.add([me, people[i]!, ...(i % 2 ? [friend] : [])], `article ${i}`);
    together.add(people.slice(0, 150), 'the register');
    together.add([other, friend], 'the follow-up');
    expect(together.of(me).list).toHaveLength(CONNECTION_LIMIT);
    const { list, crowds } = together.complete(me);
    expect(list).toHaveLength(151);
    expect(list[0]).toEqual({ entity: friend, shared: 76 });
    expect(list.find((c) => c.entity === people[4])).toEqual({ entity: people[4], shared: 2 });
    expect(list.find((c) => c.entity === people[152])).toEqual({ entity: people[152], shared: 1 });
    expect(crowds).toEqual([{ source: 'the register', others: 149 }]);
    expect(together.complete(other)).toEqual({ list: [{ entity: friend, shared: 2 }], crowds: [{ source: 'the register', others: 149 }] });
  });

  it('counts one article of 10,000 names within seconds, keeping a hundred each', () => {
    const crowd = Array.from({ length: 10_000 }, (_, i) => entity(`Name ${i}`));
    const started = performance.now();
    const together = new CoOccurrence<Entity>();
    together.add(crowd);
    for (const e of crowd) {
      const { list, counts } = together.of(e);
      expect(list).toHaveLength(CONNECTION_LIMIT);
      expect(counts.people).toBe(9_999);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
