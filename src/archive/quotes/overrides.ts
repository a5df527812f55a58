/** Editors' `quotes:` entries: reading, checking and applying them, and the build's counts. */
import { nameKey } from '../names.ts';
import { quoteOverrideSchema } from '../schema.ts';
import type { Quote, QuoteOverride, QuoteStats, Speaker } from './types.ts';

export function normaliseQuoteText(text: string): string {
  return nameKey(text);
}

function findSpeaker(by: string, speakers: readonly Speaker[]): Speaker | undefined {
  const key = nameKey(by);
  const matches = speakers.filter(
    (s) =>
      s.slug === by.trim() ||
      `${s.kind}/${s.slug}` === by.trim() ||
      [s.name, ...s.names].some((n) => nameKey(n) === key),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

function overrideMatches(quote: Quote, key: string): boolean {
  return ` ${normaliseQuoteText(quote.text)} `.includes(` ${key} `);
}

/**
 * Applies editors' `quotes:` entries to extracted quotations. An entry matches every quotation whose
 * text contains (or equals) its text, compared by `normaliseQuoteText`. `by: null` removes the
 * matches (the passage is not a quotation); a `by` naming a tagged speaker (by name, alias or slug)
 * attributes the matches to it, or adds the quotation when nothing matches; a `by` naming no
 * tagged speaker leaves the matches unattributed (`checkOverrides` reports it).
 */
export function applyOverrides(
  quotes: readonly Quote[],
  overrides: readonly QuoteOverride[],
  speakers: readonly Speaker[],
): Quote[] {
  let result = quotes.map((q) => ({ ...q }));
  for (const override of overrides) {
    const key = normaliseQuoteText(override.text);
    if (key === '') continue;
    if (override.by === null) {
      result = result.filter((q) => !overrideMatches(q, key));
      continue;
    }
    const speaker = findSpeaker(override.by, speakers);
    const matches = result.filter((q) => overrideMatches(q, key));
    if (matches.length === 0) {
      if (speaker) {
        result.push({
          text: override.text
            .replace(/\s+/g, ' ')
            .trim()
            .replace(/^[“"]\s*/u, '')
            .replace(/\s*[”"]$/u, ''),
          speaker: { kind: speaker.kind, slug: speaker.slug, name: speaker.name },
          via: 'editor',
          paragraphs: 1,
          block: false,
        });
      }
      continue;
    }
    for (const quote of matches) {
      if (speaker) quote.speaker = { kind: speaker.kind, slug: speaker.slug, name: speaker.name };
      else delete quote.speaker;
      quote.via = 'editor';
    }
  }
  return result;
}

/** What is wrong with an article's `quotes:` entries, as messages for the editor. */
export function checkOverrides(
  quotes: readonly Quote[],
  overrides: readonly QuoteOverride[],
  speakers: readonly Speaker[],
): string[] {
  const problems: string[] = [];
  for (const override of overrides) {
    const key = normaliseQuoteText(override.text);
    if (key === '') {
      problems.push('a quotes entry has no text');
      continue;
    }
    if (override.by !== null && !findSpeaker(override.by, speakers)) {
      problems.push(`quotes: "${override.by}" is not one person or organisation the article is tagged with`);
    }
    if (override.by === null && !quotes.some((q) => overrideMatches(q, key))) {
      problems.push(`quotes: "${override.text}" matches no quotation in the body`);
    }
  }
  return problems;
}

/** Reads a frontmatter `quotes:` value: a list of `{ text, by }`; anything else is reported. */
export function readOverrides(value: unknown): { overrides: QuoteOverride[]; problems: string[] } {
  const overrides: QuoteOverride[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { overrides, problems };
  if (!Array.isArray(value)) return { overrides, problems: ['quotes must be a list of { text, by } entries'] };
  value.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`quotes entry ${i + 1} must be a { text, by } entry`);
      return;
    }
    const parsed = quoteOverrideSchema.safeParse(entry);
    if (parsed.success) {
      overrides.push(parsed.data);
      return;
    }
    const wrong = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    problems.push(
      wrong.has('text')
        ? `quotes entry ${i + 1} needs the quotation's text`
        : `quotes entry ${i + 1} needs "by": a speaker's name, or null when the passage is not a quotation`,
    );
  });
  return { overrides, problems };
}

export function quoteStats(quotes: readonly Quote[]): QuoteStats {
  const attributed = quotes.filter((q) => q.speaker !== undefined).length;
  return { found: quotes.length, attributed, unattributed: quotes.length - attributed };
}
