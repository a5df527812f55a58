/**
 * The files of a build that are data rather than pages: a feed and a JSON file for every entity,
 * and the JSON list of each kind. A build writes them in a worker process while Astro renders the
 * pages (src/integrations/data-files.ts), from the build's archive index as the worker is handed it
 * (src/integrations/data-plan.ts): as Astro routes, each of these thousands of small files paid
 * Astro's cost of a route. Under `astro dev` the routes in src/pages serve the same text from the
 * same functions and the index itself.
 */
import type { Article } from '../archive/article.ts';
import type { IndexedEntity } from '../archive/archive-index.ts';
import type { CompleteConnections } from '../archive/connections.ts';
import { entityUrlPath } from '../archive/entities.ts';
import { ENTITY_KINDS, type EntityKind } from '../archive/kinds.ts';
import { entityDetail, entitySummary } from './api.ts';
import { entityFeed, feedHref } from './feeds.ts';
import { apiPath, type Links } from './urls.ts';

/** What a data file shows of an entity. */
export type DataEntity = Pick<IndexedEntity, 'kind' | 'slug' | 'name' | 'aliases' | 'names' | 'wikidata' | 'facts' | 'articles' | 'quotes'>;

/** What the data files read of the archive: the index (ArchiveIndex), or the worker's copy of it. */
export interface DataSource {
  /** A–Z by name. */
  entities(kind: EntityKind): readonly DataEntity[];
  allConnections(entity: DataEntity): CompleteConnections<DataEntity, Article>;
}

export interface DataFile {
  /** Its path in the output folder, from the base: `/people/hun-sen/rss.xml`. */
  path: string;
  text: () => string;
}

/** Every data file of the archive; each one's text is made only when asked for. */
export function dataFiles(archive: DataSource, site: URL, links: Links): DataFile[] {
  return ENTITY_KINDS.flatMap((kind) => {
    const entities = archive.entities(kind);
    return [
      { path: apiPath(kind), text: () => JSON.stringify(entities.map((entity) => entitySummary(entity, site, links))) },
      ...entities.flatMap((entity) => [
        { path: feedHref(entityUrlPath(kind, entity.slug)), text: () => entityFeed(entity, site, links) },
        { path: apiPath(kind, entity.slug), text: () => JSON.stringify(entityDetail(archive, entity, site, links)) },
      ]),
    ];
  });
}
