import type { APIRoute, GetStaticPaths } from 'astro';
import { ENTITY_KINDS, type EntityKind } from '../../archive/kinds.ts';
import { getArchive } from '../../lib/archive.ts';
import { isLive } from '../../lib/synced-archive.ts';
import { entitySummary, json } from '../../lib/api.ts';
import { siteLinks } from '../../lib/urls.ts';

/** Served under `astro dev`; a build writes these files beside the pages (src/lib/data-files.ts). */
export const getStaticPaths = (() => (isLive() ? ENTITY_KINDS.map((kind) => ({ params: { kind } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  return json(archive.entities(params.kind as EntityKind).map((entity) => entitySummary(entity, site!, siteLinks)));
};
