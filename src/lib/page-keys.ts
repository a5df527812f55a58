/**
 * Cache keys for incremental builds: a digest of everything a page shows, so a page is rendered
 * again exactly when what it shows has changed, and otherwise the last build's output is kept
 * (src/integrations/page-cache.ts).
 * The site's address and base path are part of every key, since every link carries them.
 */
import type { Article } from '../archive/article.ts';
import type { ArchiveIndex, IndexedEntity, QuoteEntry } from '../archive/archive-index.ts';
import type { Connection } from '../archive/connections.ts';
import { digest } from '../archive/cache-key.ts';
import { QUOTES_PREVIEW, allConnections, participants, perEntity } from './entity-page.ts';
import { pageCount, pageSlice } from './timeline.ts';

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
    // The URL too: lists link the source to it.
    const { slug, title, date, summary, source, author, url } = article;
    key = digest([JSON.stringify([slug, title, date, summary, source, author, url])]).slice(0, 16);
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

/** One connection as a page shows it. */
const connected = ({ entity, shared }: Connection<IndexedEntity>): string => `${entity.kind}/${entity.slug}\u0001${entity.name}\u0001${shared}`;

/** What every page of an entity shows, and its JSON file too: its profile, counts, coverage strip
 * and connections. */
const entityShared = perEntity((archive, entity): string => {
  const connections = archive.connections(entity);
  return keyOf([
    profile(entity),
    entity.articles.length,
    entity.quotes.length,
    // The coverage strip and span read every date.
    entity.articles.map((a) => a.date.date).join(),
    ...Object.values(connections.counts),
    ...connections.list.map(connected),
  ]);
});

function entityListKey(common: string, articles: readonly Article[], quotes: readonly QuoteEntry[]): string {
  return keyOf([common, ...articles.map(listing), '', ...quotes.map(quoted)]);
}

/** Who took part in an event: counted from its own articles' entities, which its connections do not show. */
function eventParticipants(archive: ArchiveIndex, entity: IndexedEntity): string {
  if (entity.kind !== 'events') return '';
  return participants(archive, entity).map(connected).join();
}

/** The keys of an entity's article pages, first page first. What all pages share is hashed once, so
 * a person with hundreds of pages costs no more per page than anyone else. The first page also
 * shows the latest quotes and, for an event, its participants. */
export function entityPageKeys(archive: ArchiveIndex, entity: IndexedEntity): string[] {
  const pages = pageCount(entity.articles.length);
  const common = `${entityShared(archive, entity)}\u0000${pages}`;
  return Array.from({ length: pages }, (_, i) =>
    i === 0
      ? entityListKey(`${common}\u0000${eventParticipants(archive, entity)}`, pageSlice(entity.articles, 1), entity.quotes.slice(0, QUOTES_PREVIEW))
      : entityListKey(common, pageSlice(entity.articles, i + 1), []),
  );
}

/** The keys of an entity's quote pages, first page first. */
export function entityQuotePageKeys(archive: ArchiveIndex, entity: IndexedEntity): string[] {
  const pages = pageCount(entity.quotes.length);
  const common = `${entityShared(archive, entity)}\u0000${pages}`;
  return Array.from({ length: pages }, (_, i) => entityListKey(common, [], pageSlice(entity.quotes, i + 1)));
}

/** Every connection of an entity, as its full list and its data file show them. */
function completeConnections(archive: ArchiveIndex, entity: IndexedEntity): string {
  const { list, crowds } = allConnections(archive, entity);
  return [
    ...list.map(connected),
    ...crowds.map((c) => `${listing(c.source)}\u0001${c.others}`),
  ].join();
}

/** An entity's page of all its connections. */
export function entityConnectionsKey(archive: ArchiveIndex, entity: IndexedEntity): string {
  return keyOf([entityShared(archive, entity), completeConnections(archive, entity)]);
}
