/**
 * One article file in, one validated article out: frontmatter checked against the contract,
 * the body rendered once to sanitised HTML, the summary taken from the first paragraph when the
 * editor gave none.
 */
import { basename } from 'node:path';
import type { ParsedDate } from './dates.ts';
import type { Diagnostic } from './diagnostics.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { EntityKind } from './kinds.ts';
import { excerpt, renderMarkdown, type RenderedMarkdown } from './markdown.ts';
import { KEY_SYNONYMS, articleSchema } from './schema.ts';
import { slugify } from './slug.ts';
import { validateFrontmatter } from './validate.ts';

export interface Article {
  /** Path relative to the project root, for findings. */
  file: string;
  slug: string;
  title: string;
  date: ParsedDate;
  updated?: ParsedDate;
  summary: string;
  source?: string;
  author?: string;
  url?: string;
  draft: boolean;
  /** The names exactly as the editor wrote them, per kind; entities.ts resolves them. */
  names: Record<EntityKind, string[]>;
  html: string;
  headings: RenderedMarkdown['headings'];
  wordCount: number;
}

export type ArticleResult = { article?: Article; diagnostics: Diagnostic[] };

/** The slug an article's file name gives it: `2023/2023-08-07-talks.md` → `2023-08-07-talks`. */
export function slugFromPath(file: string): string {
  return slugify(basename(file).replace(/\.(md|markdown)$/i, ''));
}

export function processArticle(raw: string, file: string): ArticleResult {
  const split = splitFrontmatter(raw, file);
  if (!split.ok) return { diagnostics: [split.diagnostic] };
  const validated = validateFrontmatter(split.value, articleSchema, file, KEY_SYNONYMS);
  if (!validated.ok) return { diagnostics: validated.diagnostics };
  const fm = validated.data;
  const diagnostics = validated.diagnostics;

  const rendered = renderMarkdown(split.value.body);
  if (rendered.wordCount === 0) {
    diagnostics.push({ severity: 'warning', file, line: split.value.bodyLine, message: 'the article has no body text', hint: 'write the article below the closing ---' });
  }
  const slug = fm.slug ?? slugFromPath(file);
  if (slug === '') {
    return { diagnostics: [...diagnostics, { severity: 'error', file, message: 'the file name gives no usable URL slug', hint: 'rename the file or add "slug: some-words" to the frontmatter' }] };
  }
  return {
    diagnostics,
    article: {
      file,
      slug,
      title: fm.title,
      date: fm.date,
      updated: fm.updated,
      summary: fm.summary ?? excerpt(rendered.firstParagraph),
      source: fm.source,
      author: fm.author,
      url: fm.url,
      draft: fm.draft,
      names: { people: fm.people, organisations: fm.organisations, events: fm.events, places: fm.places, tags: fm.tags },
      html: rendered.html,
      headings: rendered.headings,
      wordCount: rendered.wordCount,
    },
  };
}
