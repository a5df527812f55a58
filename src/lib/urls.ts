/**
 * Links that work under any base path (`/news/…`). Every internal link goes through here.
 */
import { articleUrlPath, type Article } from '../archive/article.ts';
import { entityUrlPath } from '../archive/entities.ts';
import type { EntityKind } from '../archive/kinds.ts';

/** Vite gives the site's code the base path; the data-files worker, plain Node, is given it as
 * ARCHIVE_BASE_URL (src/integrations/data-files.ts). */
const base = (import.meta.env?.BASE_URL ?? process.env.ARCHIVE_BASE_URL ?? '/').replace(/\/$/, '');

/** A site path such as `/people/` made absolute under the base: `/news/people/`. */
export function href(path: string): string {
  return `${base}${path}`;
}

export function articleHref(article: Pick<Article, 'slug'>): string {
  return href(articleUrlPath(article.slug));
}

export function entityHref(kind: EntityKind, slug: string): string {
  return href(entityUrlPath(kind, slug));
}

export function kindHref(kind: EntityKind): string {
  return href(`/${kind}/`);
}

export function yearHref(year: number): string {
  return href(`/archive/${year}/`);
}

export function monthHref(year: number, month: number): string {
  return href(`/archive/${year}/${String(month).padStart(2, '0')}/`);
}

/** The machine-readable twin of an entity page, or of a kind's index without a slug, from the base. */
export function apiPath(kind: EntityKind, slug?: string): string {
  return slug === undefined ? `/api/${kind}.json` : `/api/${kind}/${slug}.json`;
}

export function apiHref(kind: EntityKind, slug?: string): string {
  return href(apiPath(kind, slug));
}
