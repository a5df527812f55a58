/**
 * What an entity's pages show besides its article list: who appears with it (and, for an event,
 * who took part), when its full list of connections needs a page of its own, and labels a reader
 * understands. Works on one entity's data only.
 */
import type { Article } from '../archive/article.ts';
import type { CompleteConnections, Connection } from '../archive/connections.ts';
import type { ArchiveIndex, IndexedEntity } from '../archive/archive-index.ts';
import { countOf } from '../shared/count-of.ts';
import { FILE_KINDS } from '../archive/kinds.ts';
import { rankByCount } from '../archive/names.ts';
import { phaseOf } from './timeline.ts';

/** Connections a box shows before it links to the whole list. */
export const APPEARS_WITH = 15;
/** Quotes shown on an entity's first page before the link to its quote pages. */
export const QUOTES_PREVIEW = 3;

/** "2 articles together". */
export function togetherLabel(shared: number): string {
  return `${countOf(shared, 'article')} together`;
}

/** The name as a heading shows it: tags are written lowercase in articles, but a title starts with a capital. */
export function displayName(entity: Pick<IndexedEntity, 'kind' | 'name'>): string {
  return entity.kind === 'tags' ? entity.name.charAt(0).toLocaleUpperCase('en') + entity.name.slice(1) : entity.name;
}

/** Worked out once an entity of an archive: a route's paths, its cache keys and its pages all ask. */
export function perEntity<T>(make: (archive: ArchiveIndex, entity: IndexedEntity) => T): (archive: ArchiveIndex, entity: IndexedEntity) => T {
  const made = new WeakMap<ArchiveIndex, WeakMap<IndexedEntity, T>>();
  return (archive, entity) => {
    let ofArchive = made.get(archive);
    if (ofArchive === undefined) made.set(archive, (ofArchive = new WeakMap()));
    if (ofArchive.has(entity)) return ofArchive.get(entity)!;
    const value = make(archive, entity);
    ofArchive.set(entity, value);
    return value;
  };
}

/** Everyone and everything it shares an article with, tags aside. */
export const connectionCount = perEntity((archive, entity): number => {
  const { counts } = archive.connections(entity);
  return FILE_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
});

/** All of an entity's connections, for its connections page and that page's key. */
export const allConnections = perEntity((archive, entity): CompleteConnections<IndexedEntity, Article> => archive.allConnections(entity));

/** Whether the page leaves some connections out, and so links to a page listing them all. */
export function hasConnectionsPage(archive: ArchiveIndex, entity: IndexedEntity): boolean {
  return connectionCount(archive, entity) > APPEARS_WITH;
}

/**
 * An event's participants, as an editor means it: the people and organisations its own coverage
 * names while it happens (articles dated from its start to its end), most articles first. Those
 * named only before or after are in the rest of its coverage. Without dates, all its articles count.
 */
export const participants = perEntity((archive, event): Connection<IndexedEntity>[] => {
  const { start, end } = event.facts;
  const during = start ? event.articles.filter((a) => phaseOf(a, start.date, (end ?? start).date) === 'during') : event.articles;
  const counts = new Map<IndexedEntity, number>();
  for (const article of during) {
    const covers = archive.entitiesOf(article.slug);
    for (const entity of [...covers.people, ...covers.organisations]) counts.set(entity, (counts.get(entity) ?? 0) + 1);
  }
  return rankByCount(
    [...counts].map(([entity, shared]) => ({ entity, shared })),
    (c) => c.shared,
    (c) => c.entity.name,
  );
});
