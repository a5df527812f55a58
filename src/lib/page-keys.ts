/**
 * Cache keys for incremental builds: a digest of everything a page shows, so a page is rendered
 * again exactly when what it shows has changed, and otherwise the last build's output is kept
 * (src/integrations/page-cache.ts).
 * The site's address and base path are part of every key, since every link carries them.
 */
import type { Article } from '../archive/article.ts';
import type { ArchiveIndex, IndexedEntity, QuoteEntry } from '../archive/archive-index.ts';
import { digest } from '../archive/cache-key.ts';
import { pageSlice } from './timeline.ts';

const SITE = `${import.meta.env.SITE}\u0000${import.meta.env.BASE_URL}`;

/** A key of parts. Big lists (a person's thousands of articles) are parts of their own, not JSON
 * of nested arrays, which cost 8 s of a 50,000-article build. */
function keyOf(parts: readonly (string | number | undefined)[]): string {
  return digest([SITE, ...parts]);
}

const listings = new WeakMap<Article, string>();

/** How an article appears in anyone's list or feed, as a short digest made once per article:
 * a change to any of these changes every list that shows it. */
function listing(article: Article): string {
  let key = listings.get(article);
  if (key === undefined) {
    const { slug, title, date, summary, source, author } = article;
    key = digest([JSON.stringify([slug, title, date, summary, source, author])]).slice(0, 16);
    listings.set(article, key);
  }
  return key;
}

function quoted({ quote, article }: QuoteEntry): string {
  return `${listing(article)}\u0001${quote.text}`;
}

function profile(entity: IndexedEntity): string {
  const { articles: _articles, quotes: _quotes, ...own } = entity;
  return JSON.stringify(own);
}

/** `digest` stands for the article itself: the digest of everything its processing read. */
export function articlePageKey(archive: ArchiveIndex, article: Article, digest: string): string {
  const covers = Object.values(archive.entitiesOf(article.slug)).flat().map((e) => `${e.kind}/${e.slug}\u0001${e.name}`);
  const { older, newer } = archive.neighbours(article.slug);
  const related = archive.related(article.slug).map((r) => listing(r.article));
  return keyOf([digest, older && listing(older), newer && listing(newer), ...covers, '', ...related]);
}

const shared = new WeakMap<IndexedEntity, string>();

/** What every page of an entity shows, and its JSON file too: its profile, counts, coverage strip
 * and connections. Made once per entity. */
function entityShared(archive: ArchiveIndex, entity: IndexedEntity): string {
  let key = shared.get(entity);
  if (key === undefined) {
    const connections = archive.connections(entity);
    key = keyOf([
      profile(entity),
      entity.articles.length,
      entity.quotes.length,
      // The coverage strip and span read every date.
      entity.articles.map((a) => a.date.date).join(),
      ...Object.values(connections.counts),
      ...connections.list.map((c) => `${c.entity.kind}/${c.entity.slug}\u0001${c.entity.name}\u0001${c.shared}`),
    ]);
    shared.set(entity, key);
  }
  return key;
}

function entityListKey(common: string, articles: readonly Article[], quotes: readonly QuoteEntry[]): string {
  return keyOf([common, ...articles.map(listing), '', ...quotes.map(quoted)]);
}

/** The keys of an entity's pages, first page first. What all pages share is hashed once, so a
 * person with hundreds of pages costs no more per page than anyone else. */
export function entityPageKeys(archive: ArchiveIndex, entity: IndexedEntity, pages: number): string[] {
  const common = `${entityShared(archive, entity)}\u0000${pages}`;
  return Array.from({ length: pages }, (_, i) => entityListKey(common, pageSlice(entity.articles, i + 1), pageSlice(entity.quotes, i + 1)));
}
