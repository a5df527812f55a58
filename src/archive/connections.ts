/**
 * Who and what appears together. Co-occurrence counts are gathered in one pass over the articles
 * when the index is first asked; each entity's list is made only when a page asks for it, and
 * holds at most `limit` entities (the most shared first), with the rest counted by kind.
 *
 * Counting every pair is quadratic in the names of one article: an article naming 3,000 people
 * made 9 million pairs and 1.2 GB of data files, one naming 10,000 ran out of memory. So an
 * article with more than `CROWD` entities ("a crowd") is kept as a list instead of as pairs: each
 * of its members shares it with every other. An entity's list adds its crowds' members to the
 * pairs from ordinary articles, and is still exact: members of the same crowds all share the same
 * count, so their best are the first of one list sorted once for all of them.
 */
import type { Entity } from './entities.ts';
import { ENTITY_KINDS, type EntityKind } from './kinds.ts';
import { rankByCount } from './names.ts';

/** What connections need of an entity: its kind to count by, its name to rank by. */
type Connectable = Pick<Entity, 'kind' | 'name'>;

export interface Connection<E extends Connectable = Entity> {
  entity: E;
  /** Articles the two share. */
  shared: number;
}

/** An entity's connections: the most shared, and how many it has of each kind in all. */
export interface Connections<E extends Connectable = Entity> {
  /** Most shared first, then by name; at most the limit. */
  list: Connection<E>[];
  /** Every entity it shares an article with, by kind, listed or not. */
  counts: Record<EntityKind, number>;
}

/**
 * Every connection of an entity: all it shares an ordinary article with, and the crowds it is in,
 * whose members are listed where the crowd is (its article), not again for each member.
 */
export interface CompleteConnections<E extends Connectable = Entity, S = unknown> {
  /** Most shared first, then by name; the shared counts include the crowds. */
  list: Connection<E>[];
  /** The crowds the entity is in, and how many others each names. */
  crowds: { source: S; others: number }[];
}

/** Articles with more entities than this are crowds (see above). */
export const CROWD = 100;
/** Connections kept per entity: more than any page shows. */
export const CONNECTION_LIMIT = 100;

/** What the members of one set of crowds share through them, made once for all of them. */
interface CrowdGroup<E> {
  /** Member → the number of the set's crowds it is in. */
  shared: Map<E, number>;
  /** The members, most shared first, then by name. */
  ranked: E[];
  counts: Record<EntityKind, number>;
}

/** `S` is what a crowd came from (its article), for complete lists that name it. */
export class CoOccurrence<E extends Connectable, S = undefined> {
  private readonly counts = new Map<E, Map<E, number>>();
  private readonly crowds: (readonly E[])[] = [];
  private readonly sources: S[] = [];
  private readonly crowdsOf = new Map<E, number[]>();
  /** The last few crowd groups made: the entities of one crowd are asked one after another. */
  private readonly groups = new Map<string, CrowdGroup<E>>();
  private readonly made = new Map<E, Connections<E>>();

  private readonly limit: number;

  constructor(limit = CONNECTION_LIMIT) {
    this.limit = limit;
  }

  /** Counts every pair among one article's entities, or keeps a crowd as it is. */
  add(entities: readonly E[], source?: S): void {
    if (entities.length > CROWD) {
      const at = this.crowds.push(entities) - 1;
      this.sources.push(source as S);
      for (const e of entities) {
        const list = this.crowdsOf.get(e);
        if (list) list.push(at);
        else this.crowdsOf.set(e, [at]);
      }
      return;
    }
    for (const a of entities) {
      let row = this.counts.get(a);
      if (!row) this.counts.set(a, (row = new Map()));
      for (const b of entities) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }

  /** Entities sharing the most articles with this one, most first, then by name. */
  of(entity: E): Connections<E> {
    let made = this.made.get(entity);
    if (!made) {
      made = this.make(entity);
      this.made.set(entity, made);
    }
    return made;
  }

  /** Every connection, made when asked and not kept: only an entity's full list and data file ask. */
  complete(entity: E): CompleteConnections<E, S> {
    const row = this.counts.get(entity) ?? new Map<E, number>();
    const crowds = this.crowdsOf.get(entity) ?? [];
    const group = crowds.length > 0 ? this.group(crowds) : undefined;
    const list: Connection<E>[] = [];
    for (const [other, shared] of row) list.push({ entity: other, shared: shared + (group?.shared.get(other) ?? 0) });
    return { list: ranked(list), crowds: crowds.map((at) => ({ source: this.sources[at]!, others: this.crowds[at]!.length - 1 })) };
  }

  private make(entity: E): Connections<E> {
    const row = this.counts.get(entity) ?? new Map<E, number>();
    const crowds = this.crowdsOf.get(entity);
    const group = crowds ? this.group(crowds) : undefined;
    const counts = group ? { ...group.counts } : zeroCounts();
    if (group) counts[entity.kind]--;
    const candidates: Connection<E>[] = [];
    for (const [other, shared] of row) {
      const inCrowds = group?.shared.get(other);
      if (inCrowds === undefined) counts[other.kind]++;
      candidates.push({ entity: other, shared: shared + (inCrowds ?? 0) });
    }
    // Members of the crowds only: the first of the ranked list are the best of them.
    if (group) {
      let taken = 0;
      for (const other of group.ranked) {
        if (taken === this.limit) break;
        if (other === entity || row.has(other)) continue;
        candidates.push({ entity: other, shared: group.shared.get(other)! });
        taken++;
      }
    }
    return { list: ranked(candidates).slice(0, this.limit), counts };
  }

  private group(crowds: readonly number[]): CrowdGroup<E> {
    const id = crowds.join();
    let group = this.groups.get(id);
    if (group) return group;
    const shared = new Map<E, number>();
    for (const at of crowds) for (const member of this.crowds[at]!) shared.set(member, (shared.get(member) ?? 0) + 1);
    const ranked = rankByCount([...shared.keys()], (member) => shared.get(member)!, (member) => member.name);
    const counts = zeroCounts();
    for (const member of ranked) counts[member.kind]++;
    group = { shared, ranked, counts };
    // A few groups are enough for the entities of a crowd, asked in turn; more would hold memory.
    if (this.groups.size >= 8) this.groups.delete(this.groups.keys().next().value!);
    this.groups.set(id, group);
    return group;
  }
}

/** Most shared first, then by name (the order of every list of entities); sorts in place. */
function ranked<E extends Connectable>(list: Connection<E>[]): Connection<E>[] {
  return rankByCount(list, (connection) => connection.shared, (connection) => connection.entity.name);
}

function zeroCounts(): Record<EntityKind, number> {
  return Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, 0])) as Record<EntityKind, number>;
}
