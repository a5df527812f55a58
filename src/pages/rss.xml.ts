import type { APIRoute } from 'astro';
import { articleBody, getArchive } from '../lib/archive.ts';
import { feed, xmlResponse } from '../lib/feeds.ts';
import { href, siteLinks } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return xmlResponse(feed({ title: SITE.title, description: SITE.description, page: href('/'), articles: archive.articles, site: site!, links: siteLinks, body: articleBody }));
};
