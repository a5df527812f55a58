/**
 * One article file in, one validated article out: frontmatter checked against the contract,
 * the body rendered once to sanitised HTML, the summary taken from the first paragraph when the
 * editor gave none.
 */
import type { Root as MdastRoot } from 'mdast';
import { basename } from 'node:path';
import { inspectBody, type BodyInspection } from './check-body.ts';
import type { Diagnostic } from './diagnostics.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { FILE_KINDS, type EntityKind } from './kinds.ts';
import { excerpt, parseMarkdown, renderTree, tooDeepDiagnostic, type RenderedMarkdown } from './markdown.ts';
import { entityUrlPath } from './entities.ts';
import { findKnownMentions, linkMentions } from './mentions.ts';
import { applyOverrides, checkOverrides, extractQuotes, readOverrides, toSpeaker, type Quote, type Speaker } from './quotes/index.ts';
import type { NameIndex } from './name-index.ts';
import { KEY_SYNONYMS, articleSchema, type ArticleFrontmatter } from './schema.ts';
import { articleFindings } from './name-findings.ts';
import { boundSlug, slugify } from './slug.ts';
import { validateFrontmatter } from './validate.ts';

/** What the archive knows of an article, all but its body: what lists, indexes and keys read.
 * Its frontmatter fields are as the schema makes them. */
export interface Article extends Pick<ArticleFrontmatter, 'title' | 'date' | 'updated' | 'source' | 'author' | 'url' | 'draft'> {
  /** Path relative to the project root, for findings. */
  file: string;
  slug: string;
  /** The editor's, or the first paragraph's. */
  summary: string;
  /** The summary is the body's first paragraph (no `summary:` given), so a page must not show it twice. */
  summaryFromBody: boolean;
  /** The names exactly as the editor wrote them, per kind; entities.ts resolves them. */
  names: Record<EntityKind, string[]>;
  headings: RenderedMarkdown['headings'];
  wordCount: number;
  /** Direct quotations in the body, attributed where the text says who spoke. */
  quotes: Quote[];
}

/** An article as processed: its record and its body as sanitised HTML, which only its own page,
 * the main feed and the search index read. */
export interface ProcessedArticle extends Article {
  html: string;
}

export type ArticleResult = {
  article?: ProcessedArticle;
  diagnostics: Diagnostic[];
  /** What the content check reads in the body, when the context asks for it. */
  inspection?: BodyInspection;
};

/** What processing an article needs to know about the rest of the archive. */
export interface ArticleContext {
  names: NameIndex;
  /** The site's base path (`/` or `/news/`), for links to entity pages inside the body. */
  base: string;
  /** Inspect the body for the content check (check-body.ts). */
  inspect?: boolean;
}

/** Where an article's page is, under the site's base path. */
export function articleUrlPath(slug: string): string {
  return `/articles/${slug}/`;
}

/** The slug an article's file name gives it: `2023/2023-08-07-talks.md` → `2023-08-07-talks`. */
export function slugFromPath(file: string): string {
  return slugify(basename(file).replace(/\.(md|markdown)$/i, ''));
}

export function processArticle(raw: string, file: string, context?: ArticleContext): ArticleResult {
  const split = splitFrontmatter(raw, file);
  if (!split.ok) return { diagnostics: [split.diagnostic] };
  const inspect = (tree: () => MdastRoot | undefined) => (context?.inspect ? inspectBody(split.value.body, split.value.bodyLine, file, tree) : undefined);
  const validated = validateFrontmatter(split.value, articleSchema, file, KEY_SYNONYMS);
  if (!validated.ok) {
    // The check reads the body of a file whose frontmatter is wrong all the same.
    const inspection = inspect(() => {
      const parsed = parseMarkdown(split.value.body);
      return parsed.ok ? parsed.tree : undefined;
    });
    return { diagnostics: validated.diagnostics, inspection };
  }
  const fm = validated.data;
  const diagnostics = validated.diagnostics;

  const names: Record<EntityKind, string[]> = { people: fm.people, organisations: fm.organisations, events: fm.events, places: fm.places, tags: fm.tags };
  const parsed = parseMarkdown(split.value.body);
  if (!parsed.ok) return { diagnostics: [...diagnostics, tooDeepDiagnostic(parsed.tooDeep, file, split.value.bodyLine)] };
  const tree = parsed.tree;
  // Before mentions become links: the check reads the links the editor wrote.
  const inspection = inspect(() => tree);
  let quotes: Quote[] = [];
  if (context) {
    const tagged = FILE_KINDS.flatMap((kind) => names[kind].map((name) => context.names.resolve(kind, name)));
    const prefix = context.base.replace(/\/$/, '');
    linkMentions(tree, tagged.map((entity) => ({ entity, url: `${prefix}${entityUrlPath(entity.kind, entity.slug)}` })));
    const taggedIds = new Set(tagged.map((e) => `${e.kind}/${e.slug}`));
    for (const mention of findKnownMentions(tree, context.names)) {
      const { kind, slug, name } = mention.entity;
      if (taggedIds.has(`${kind}/${slug}`)) continue;
      diagnostics.push({
        severity: 'warning',
        code: 'untagged-mention',
        file,
        line: mention.line === undefined ? undefined : split.value.bodyLine + mention.line - 1,
        message: `the body mentions ${mention.text === name ? name : `"${mention.text}" (${name})`} but the frontmatter does not list it`,
        hint: `add "${name}" to ${kind}, if the article is about it`,
      });
    }
    const speakers = tagged.map((entity) => toSpeaker(entity, { short: entity.short ?? [], familyNameFirst: entity.familyNameFirst ?? false })).filter((s): s is Speaker => s !== undefined);
    // Places and events whose names a short form could be mistaken for ("Hue" the city).
    const others = tagged.filter((e) => e.kind === 'places' || e.kind === 'events').flatMap((e) => e.names);
    const { overrides, problems } = readOverrides(fm.quotes);
    // Most short items quote no one; skip the sentence analysis when no quote mark or block quote is there.
    const body = split.value.body;
    const extracted = /["“”]|^\s{0,3}>/m.test(body) ? extractQuotes(tree, speakers, others) : [];
    quotes = applyOverrides(extracted, overrides, speakers);
    const quotesLine = split.value.keyLines.get('quotes');
    for (const message of [...problems, ...checkOverrides(extracted, overrides, speakers)]) {
      diagnostics.push({ severity: 'warning', code: 'quote', file, line: quotesLine, message, hint: 'see "quotes:" in the README' });
    }
    quotes = quotes.map((q) => (q.line === undefined ? q : { ...q, line: split.value.bodyLine + q.line - 1 }));
  }
  const rendered = renderTree(tree);
  if (rendered.wordCount === 0) {
    diagnostics.push({ severity: 'warning', code: 'empty-body', file, line: split.value.bodyLine, message: 'the article has no body text', hint: 'write the article below the closing ---' });
  }
  for (const d of articleFindings(split.value, names, file, context?.names)) diagnostics.push(d);
  const slug = fm.slug === undefined ? slugFromPath(file) : boundSlug(fm.slug);
  if (slug === '') {
    return {
      diagnostics: [...diagnostics, { severity: 'error', code: 'schema', file, message: 'the file name gives no usable URL slug', hint: 'rename the file or add "slug: some-words" to the frontmatter' }],
      inspection,
    };
  }
  return {
    diagnostics,
    inspection,
    article: {
      file,
      slug,
      title: fm.title,
      date: fm.date,
      updated: fm.updated,
      summary: fm.summary ?? excerpt(rendered.firstParagraph),
      summaryFromBody: fm.summary === undefined,
      source: fm.source,
      author: fm.author,
      url: fm.url,
      draft: fm.draft,
      names,
      html: rendered.html,
      headings: rendered.headings,
      wordCount: rendered.wordCount,
      quotes,
    },
  };
}
