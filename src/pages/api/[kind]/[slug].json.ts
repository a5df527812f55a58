import type { APIRoute, GetStaticPaths } from 'astro';
import type { EntityKind } from '../../../archive/kinds.ts';
import { entityRoutes, getArchive } from '../../../lib/archive.ts';
import { entityDetail, json } from '../../../lib/api.ts';
import { entityDataKey } from '../../../lib/page-keys.ts';

export const getStaticPaths = (() => entityRoutes(entityDataKey)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  const entity = archive.entity(params.kind as EntityKind, params.slug!)!;
  return json(entityDetail(archive, entity, site!));
};
