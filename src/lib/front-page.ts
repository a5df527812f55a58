/**
 * What the front page leads with besides the latest articles: who and what the last months of
 * coverage were about. "The last months" are counted back from the newest article, not from the
 * day of the build, so an archive that stopped in 2023 still shows what 2023 was about.
 */
import type { ArchiveIndex, IndexedEntity } from '../archive/archive-index.ts';
import type { EntityKind } from '../archive/kinds.ts';
import { rankByCount } from '../archive/names.ts';

export const RECENT_MONTHS = 3;

/** `YYYY-MM-DD` a number of months before a date (the day clamped, which a cut-off can ignore). */
function monthsBefore(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}${date.slice(7)}`;
}

export interface RecentCoverage {
  /** The first day counted. */
  since: string;
  /** Per kind, the most covered in that time, with their article counts, most first. */
  top: { kind: EntityKind; entities: { entity: IndexedEntity; count: number }[] }[];
}

/** The entities of these kinds covered most since RECENT_MONTHS before the newest article. */
export function recentlyMostCovered(archive: ArchiveIndex, kinds: readonly EntityKind[], limit: number): RecentCoverage | undefined {
  const newest = archive.articles[0];
  if (!newest) return undefined;
  const since = monthsBefore(newest.date.date, RECENT_MONTHS);
  const counts = new Map<IndexedEntity, number>();
  for (const article of archive.articles) {
    if (article.date.date < since) break;
    const covers = archive.entitiesOf(article.slug);
    for (const kind of kinds) for (const entity of covers[kind]) counts.set(entity, (counts.get(entity) ?? 0) + 1);
  }
  const top = kinds.map((kind) => ({
    kind,
    entities: rankByCount(
      [...counts].filter(([entity]) => entity.kind === kind).map(([entity, count]) => ({ entity, count })),
      (e) => e.count,
      (e) => e.entity.name,
    ).slice(0, limit),
  }));
  return { since, top: top.filter((t) => t.entities.length > 0) };
}
