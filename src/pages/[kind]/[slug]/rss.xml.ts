import type { APIRoute, GetStaticPaths } from 'astro';
import { KIND_LABELS, type EntityKind } from '../../../archive/kinds.ts';
import { entityRoutes, getArchive } from '../../../lib/archive.ts';
import { FEED_SIZE, feed } from '../../../lib/feeds.ts';
import { entityFeedKey } from '../../../lib/page-keys.ts';
import { entityHref } from '../../../lib/urls.ts';

export const getStaticPaths = (() => entityRoutes((_archive, entity) => entityFeedKey(entity, FEED_SIZE))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  const kind = params.kind as EntityKind;
  const entity = archive.entity(kind, params.slug!)!;
  return feed({
    title: entity.name,
    description: `The latest articles on ${entity.name} (${KIND_LABELS[kind].singular.toLowerCase()}).`,
    page: entityHref(kind, entity.slug),
    articles: entity.articles,
    site: site!,
  });
};
