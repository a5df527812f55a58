import type { APIRoute, GetStaticPaths } from 'astro';
import { ENTITY_KINDS, type EntityKind } from '../../../archive/kinds.ts';
import { getArchive } from '../../../lib/archive.ts';
import { entityDetail, json } from '../../../lib/api.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return ENTITY_KINDS.flatMap((kind) => archive.entities(kind).map((entity) => ({ params: { kind, slug: entity.slug } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  const entity = archive.entity(params.kind as EntityKind, params.slug!)!;
  return json(entityDetail(archive, entity, site!));
};
