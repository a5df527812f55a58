/**
 * Links that work under any base path (`/news/…`). Every internal link goes through here.
 */
import { articleUrlPath, type Article } from '../archive/article.ts';
import { entityUrlPath } from '../archive/entities.ts';
import type { EntityKind } from '../archive/kinds.ts';

/** The links of a site served from `base`; the data-files worker, plain Node, makes its own from
 * the base it is handed (src/integrations/data-worker.ts). */
export function linksUnder(basePath: string) {
  const base = basePath.replace(/\/$/, '');
  /** A site path such as `/people/` made absolute under the base: `/news/people/`. */
  const href = (path: string): string => `${base}${path}`;
  return {
    href,
    articleHref: (article: Pick<Article, 'slug'>): string => href(articleUrlPath(article.slug)),
    entityHref: (kind: EntityKind, slug: string): string => href(entityUrlPath(kind, slug)),
    kindHref: (kind: EntityKind): string => href(`/${kind}/`),
    yearHref: (year: number): string => href(`/archive/${year}/`),
    monthHref: (year: number, month: number): string => href(`/archive/${year}/${String(month).padStart(2, '0')}/`),
    apiHref: (kind: EntityKind, slug?: string): string => href(apiPath(kind, slug)),
  };
}

export type Links = ReturnType<typeof linksUnder>;

/** The site's links, under the base path Vite gives the site's code (plain Node, such as the
 * data-files worker, has none, and makes its own links with linksUnder). */
export const siteLinks: Links = linksUnder(import.meta.env?.BASE_URL ?? '/');

export const { href, articleHref, entityHref, kindHref, yearHref, monthHref, apiHref } = siteLinks;

/** The machine-readable twin of an entity page, or of a kind's index without a slug, from the base. */
export function apiPath(kind: EntityKind, slug?: string): string {
  return slug === undefined ? `/api/${kind}.json` : `/api/${kind}/${slug}.json`;
}
