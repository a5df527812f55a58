import type { APIRoute, GetStaticPaths } from 'astro';
import type { EntityKind } from '../../../archive/kinds.ts';
import { entityRoutes, getArchive } from '../../../lib/archive.ts';
import { isLive } from '../../../lib/synced-archive.ts';
import { entityDetail, json } from '../../../lib/api.ts';
import { siteLinks } from '../../../lib/urls.ts';

/** Served under `astro dev`; a build writes these files beside the pages (src/lib/data-files.ts). */
export const getStaticPaths = (() => (isLive() ? entityRoutes() : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  const entity = archive.entity(params.kind as EntityKind, params.slug!)!;
  return json(entityDetail(archive, entity, site!, siteLinks));
};
