/**
 * RSS 2.0 feeds: the whole archive and one per entity, so readers can follow a person, an
 * organisation, an event, a place or a tag. Items carry absolute links and RFC 822 dates.
 */
import type { Article } from '../archive/article.ts';
import { KIND_LABELS } from '../archive/kinds.ts';
import { absoluteLinks } from '../archive/absolute-links.ts';
import { toInstant } from '../archive/dates.ts';
import { SITE } from '../site.config.ts';
import type { DataEntity } from './data-files.ts';
import { rssFeed } from './rss.ts';
import { href, type Links } from './urls.ts';

export const FEED_SIZE = 50;

export interface FeedOptions {
  title: string;
  description: string;
  /** Site path of the page the feed follows. */
  page: string;
  articles: readonly Article[];
  site: URL;
  links: Links;
  /** Reads an article's full HTML for its item; entity feeds carry summaries only, to stay small. */
  body?: (article: Article) => string;
}

/** A feed's XML. */
export function feed({ title, description, page, articles, site, links, body }: FeedOptions): string {
  const items = articles.slice(0, FEED_SIZE);
  const bodies = body ? items.map(body) : [];
  return rssFeed({
    title: title === SITE.title ? title : `${title} · ${SITE.title}`,
    description,
    link: new URL(page, site).href,
    language: 'en',
    items: items.map((article, i) => ({
      title: article.title,
      link: new URL(links.articleHref(article), site).href,
      pubDate: toInstant(article.date),
      description: article.summary,
      ...(body ? { content: absoluteLinks(bodies[i]!, site) } : {}),
      ...(article.author ? { author: article.author } : {}),
    })),
  });
}

/** The feed of an entity: its latest articles, summaries only. */
export function entityFeed(entity: DataEntity, site: URL, links: Links): string {
  return feed({
    title: entity.name,
    description: `The latest articles on ${entity.name} (${KIND_LABELS[entity.kind].singular.toLowerCase()}).`,
    page: links.entityHref(entity.kind, entity.slug),
    articles: entity.articles,
    site,
    links,
  });
}

export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}

/** The feed of an entity page: `/people/hun-sen/rss.xml`. */
export function feedHref(page: string): string {
  return `${page}rss.xml`;
}

export const MAIN_FEED = href('/rss.xml');
