/**
 * The archive as JSON for other tools: the same data the pages show, with absolute URLs.
 */
import type { DataEntity, DataSource } from './data-files.ts';
import type { Links } from './urls.ts';

/** An absolute URL of a site path; by concatenation, since a person's file lists thousands. */
function absolute(path: string, site: URL): string {
  return site.origin + path;
}

export function entitySummary(entity: DataEntity, site: URL, links: Links) {
  return {
    kind: entity.kind,
    slug: entity.slug,
    name: entity.name,
    aliases: entity.aliases,
    url: absolute(links.entityHref(entity.kind, entity.slug), site),
    articles: entity.articles.length,
    first: entity.articles.at(-1)?.date.date ?? null,
    latest: entity.articles[0]?.date.date ?? null,
  };
}

export function entityDetail(archive: DataSource, entity: DataEntity, site: URL, links: Links) {
  const { list, crowds } = archive.allConnections(entity);
  return {
    ...entitySummary(entity, site, links),
    names: entity.names,
    wikidata: entity.wikidata ?? null,
    facts: entity.facts,
    connections: list.map(({ entity: other, shared }) => ({
      kind: other.kind,
      slug: other.slug,
      name: other.name,
      shared,
      url: absolute(links.entityHref(other.kind, other.slug), site),
    })),
    /** Articles naming more than a hundred entities: each member shares them, and is not listed again. */
    crowds: crowds.map(({ source, others }) => ({ article: absolute(links.articleHref(source), site), title: source.title, others })),
    quotes: entity.quotes.map(({ quote, article }) => ({
      text: quote.text,
      date: article.date.date,
      article: absolute(links.articleHref(article), site),
    })),
    articleList: entity.articles.map((article) => ({
      title: article.title,
      date: article.date.date,
      url: absolute(links.articleHref(article), site),
    })),
  };
}

/** Compact: the files are for programs, and a person's runs to thousands of entries. */
export function json(data: unknown): Response {
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
