/**
 * Cache keys for incremental builds: a digest of everything a page shows, so a page is rendered
 * again exactly when what it shows has changed, and otherwise the last build's output is kept
 * (src/integrations/page-cache.ts).
 * The site's address and base path are part of every key, since every link carries them.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../archive/article.ts';
import type { ArchiveIndex, IndexedEntity } from '../archive/archive-index.ts';
import { pageSlice } from './timeline.ts';

const SITE_PARTS = [import.meta.env.SITE, import.meta.env.BASE_URL];

function keyOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify([SITE_PARTS, value])).digest('base64url');
}

/** How an article appears in someone else's list: a change to any of these changes the list. */
function listed(article: Article) {
  return [article.slug, article.title, article.date, article.summary, article.source];
}

function profile(entity: IndexedEntity) {
  const { articles: _articles, quotes: _quotes, ...own } = entity;
  return own;
}

/** `digest` stands for the article itself: the digest of everything its processing read. */
export function articlePageKey(archive: ArchiveIndex, article: Article, digest: string): string {
  const covers = Object.values(archive.entitiesOf(article.slug)).flat().map((e) => [e.kind, e.slug, e.name]);
  const { older, newer } = archive.neighbours(article.slug);
  const related = archive.related(article.slug).map((r) => listed(r.article));
  return keyOf([digest, covers, older && listed(older), newer && listed(newer), related]);
}

/** What every page of an entity shows: its profile, counts, coverage strip and connections. */
function entityShared(archive: ArchiveIndex, entity: IndexedEntity, pages: number): string {
  return keyOf([
    profile(entity),
    pages,
    entity.articles.length,
    entity.quotes.length,
    // The coverage strip and span read every date.
    entity.articles.map((a) => a.date.date),
    archive.connections(entity).map((c) => [c.entity.kind, c.entity.slug, c.entity.name, c.shared]),
  ]);
}

function entityListKey(shared: string, articles: readonly Article[], quotes: IndexedEntity['quotes']): string {
  return keyOf([shared, articles.map(listed), quotes.map(({ quote, article }) => [quote.text, article.slug, article.title, article.date])]);
}

/** The keys of an entity's pages, first page first. What all pages share is hashed once, so a
 * person with hundreds of pages costs no more per page than anyone else. */
export function entityPageKeys(archive: ArchiveIndex, entity: IndexedEntity, pages: number): string[] {
  const shared = entityShared(archive, entity, pages);
  return Array.from({ length: pages }, (_, i) => entityListKey(shared, pageSlice(entity.articles, i + 1), pageSlice(entity.quotes, i + 1)));
}

/** An entity's feed: its name and its latest articles as the feed lists them. */
export function entityFeedKey(entity: IndexedEntity, size: number): string {
  return keyOf([entity.kind, entity.name, entity.articles.slice(0, size).map((a) => [...listed(a), a.date.dateTime, a.author])]);
}

/** An entity's JSON file: everything about it. */
export function entityDataKey(archive: ArchiveIndex, entity: IndexedEntity): string {
  return entityListKey(entityShared(archive, entity, 1), entity.articles, entity.quotes);
}
