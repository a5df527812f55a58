/**
 * Who and what appears together. Co-occurrence counts are gathered in one pass over the articles
 * when the index is first asked; each entity's list is sorted only when a page asks for it.
 */
import type { Entity } from './entities.ts';

export interface Connection<E extends Entity = Entity> {
  entity: E;
  /** Articles the two share. */
  shared: number;
}

export class CoOccurrence<E extends Entity> {
  private readonly counts = new Map<E, Map<E, number>>();
  private readonly sorted = new Map<E, Connection<E>[]>();

  /** Counts every pair among one article's entities. */
  add(entities: readonly E[]): void {
    for (const a of entities) {
      let row = this.counts.get(a);
      if (!row) this.counts.set(a, (row = new Map()));
      for (const b of entities) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }

  /** Entities sharing the most articles with this one, most first, then by name. */
  of(entity: E): Connection<E>[] {
    let list = this.sorted.get(entity);
    if (!list) {
      list = [...(this.counts.get(entity) ?? [])]
        .map(([other, shared]) => ({ entity: other, shared }))
        .sort((a, b) => b.shared - a.shared || a.entity.name.localeCompare(b.entity.name));
      this.sorted.set(entity, list);
    }
    return list;
  }
}
