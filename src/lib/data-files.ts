/**
 * The files of a build that are data rather than pages: a feed and a JSON file for every entity,
 * and the JSON list of each kind. A build writes them from the archive index in a worker process
 * while Astro renders the pages (src/integrations/data-files.ts): as Astro routes, each of these
 * thousands of small files paid Astro's cost of a route. Under `astro dev` the routes in
 * src/pages serve the same text from the same functions.
 */
import type { ArchiveIndex } from '../archive/archive-index.ts';
import { entityUrlPath } from '../archive/entities.ts';
import { ENTITY_KINDS } from '../archive/kinds.ts';
import { entityDetail, entitySummary } from './api.ts';
import { entityFeed, feedHref } from './feeds.ts';
import { apiPath } from './urls.ts';

export interface DataFile {
  /** Its path in the output folder, from the base: `/people/hun-sen/rss.xml`. */
  path: string;
  text: () => string;
}

/** Every data file of the archive; each one's text is made only when asked for. */
export function dataFiles(archive: ArchiveIndex, site: URL): DataFile[] {
  return ENTITY_KINDS.flatMap((kind) => {
    const entities = archive.entities(kind);
    return [
      { path: apiPath(kind), text: () => JSON.stringify(entities.map((entity) => entitySummary(entity, site))) },
      ...entities.flatMap((entity) => [
        { path: feedHref(entityUrlPath(kind, entity.slug)), text: () => entityFeed(entity, site) },
        { path: apiPath(kind, entity.slug), text: () => JSON.stringify(entityDetail(archive, entity, site)) },
      ]),
    ];
  });
}
