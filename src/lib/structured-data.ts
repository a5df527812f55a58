/**
 * schema.org JSON-LD for search engines and aggregators: NewsArticle on articles, Person,
 * Organization, Event and Place on entity pages, BreadcrumbList everywhere there are crumbs.
 */
import type { Article } from '../archive/article.ts';
import type { IndexedEntity } from '../archive/archive-index.ts';
import type { EntityKind } from '../archive/kinds.ts';
import { SITE } from '../site.config.ts';
import { articleHref, entityHref } from './urls.ts';

type JsonLd = Record<string, unknown>;

const SCHEMA_TYPES: Record<EntityKind, string> = {
  people: 'Person',
  organisations: 'Organization',
  events: 'Event',
  places: 'Place',
  tags: 'DefinedTerm',
};

function absolute(path: string, site: URL): string {
  return new URL(path, site).href;
}

/** A short reference to an entity, for `about` and `mentions`. */
function reference(entity: IndexedEntity, site: URL): JsonLd {
  return { '@type': SCHEMA_TYPES[entity.kind], name: entity.name, url: absolute(entityHref(entity.kind, entity.slug), site) };
}

export function newsArticle(article: Article, covers: Record<EntityKind, IndexedEntity[]>, site: URL): JsonLd {
  const about = [...covers.people, ...covers.organisations].map((e) => reference(e, site));
  const mentions = [...covers.events, ...covers.places].map((e) => reference(e, site));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: article.date.dateTime ?? article.date.date,
    dateModified: article.updated ? (article.updated.dateTime ?? article.updated.date) : (article.date.dateTime ?? article.date.date),
    url: absolute(articleHref(article), site),
    mainEntityOfPage: absolute(articleHref(article), site),
    ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
    publisher: { '@type': 'Organization', name: article.source ?? SITE.title },
    ...(article.url ? { isBasedOn: article.url } : {}),
    keywords: covers.tags.map((t) => t.name),
    about,
    mentions,
    wordCount: article.wordCount,
  };
}

export function entityData(entity: IndexedEntity, site: URL): JsonLd {
  const { facts } = entity;
  return {
    '@context': 'https://schema.org',
    ...reference(entity, site),
    ...(entity.aliases.length || Object.keys(entity.names).length
      ? { alternateName: [...entity.aliases, ...Object.values(entity.names)] }
      : {}),
    ...(entity.wikidata ? { sameAs: [`https://www.wikidata.org/wiki/${entity.wikidata}`] } : {}),
    ...(facts.role ? { jobTitle: facts.role } : {}),
    ...(facts.start ? { startDate: facts.start.date } : {}),
    ...(facts.end ? { endDate: facts.end.date } : {}),
    ...(facts.location ? { location: { '@type': 'Place', name: facts.location } } : {}),
    ...(entity.kind === 'events' ? { eventStatus: 'https://schema.org/EventScheduled' } : {}),
    ...(facts.country ? { containedInPlace: { '@type': 'Country', name: facts.country } } : {}),
  };
}

export function breadcrumbList(crumbs: { label: string; href?: string }[], here: URL, site: URL): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: crumb.href ? absolute(crumb.href, site) : here.href,
    })),
  };
}
