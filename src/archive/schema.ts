/**
 * The content contract as schemas: the single source of truth for what editors may write in
 * frontmatter and for the TypeScript types the engine works with.
 */
import { z } from 'zod';
import { parseDate } from './dates.ts';
import { cleanName } from './names.ts';
import { isValidSlug } from './slug.ts';

const text = z.string().trim().min(1, 'must not be empty');

/** A name list: `[A, B]`, or a single name where one is enough. */
const nameList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).map(cleanName))
  .pipe(z.array(z.string().min(1, 'a name must not be empty')))
  .default([]);

const date = z.unknown().transform((value, ctx) => {
  const result = parseDate(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.value;
});

const slug = z.string().refine(isValidSlug, 'must be lowercase letters, digits and hyphens, like hun-sen-visit');

const url = z.string().trim().refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

export const articleSchema = z.object({
  title: text,
  date,
  updated: date.optional(),
  summary: text.optional(),
  source: text.optional(),
  author: text.optional(),
  url: url.optional(),
  slug: slug.optional(),
  people: nameList,
  organisations: nameList,
  events: nameList,
  places: nameList,
  tags: nameList,
  draft: z.boolean().default(false),
  /** Editors' corrections to quote attribution, each a `quoteOverrideSchema`; read entry by entry by
   * quotes/overrides.ts, so that one wrong entry is a finding and the others still apply. */
  quotes: z.unknown().optional(),
});

/** One editor's correction: the quotation's text (or a distinctive part) and who said it; `by: null`
 * when the passage is not a quotation. */
export const quoteOverrideSchema = z.object({
  text: z.string().refine((value) => value.trim() !== ''),
  by: z.string().nullable(),
});
export type QuoteOverride = z.output<typeof quoteOverrideSchema>;
export type ArticleFrontmatter = z.output<typeof articleSchema>;

/** One name or a list of them, cleaned. */
const nameOrNames = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).map(cleanName).filter(Boolean));
const aliases = nameOrNames.default([]);
const short = nameOrNames.optional();

/** Names in other languages and scripts, keyed by BCP 47 language tag: `{ km: ហ៊ុន សែន }`. */
const names = z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag like km or vi'), text.transform(cleanName)).default({});

const entityBase = z.object({
  name: text.transform(cleanName),
  aliases,
  names,
  slug: slug.optional(),
  wikidata: z.string().regex(/^Q\d+$/, 'must be a Wikidata id like Q57657').optional(),
});

export const entitySchemas = {
  /** `short`: what later mentions call the person ("Trong"), for quote attribution. */
  people: entityBase.extend({ role: text.optional(), short }),
  organisations: entityBase.extend({ abbreviation: text.optional() }),
  events: entityBase.extend({ start: date.optional(), end: date.optional(), location: text.optional() }),
  places: entityBase.extend({ country: text.optional(), region: text.optional() }),
};
export type EntityFrontmatter = {
  [K in keyof typeof entitySchemas]: z.output<(typeof entitySchemas)[K]>;
};

/**
 * Keys whose values are names, in articles and entity files: those the name schemas above read. A
 * number there is a name as the editor wrote it (`tags: [2023]`, `007`): validate.ts turns it into
 * that text before these schemas see it.
 */
const NAME_SCHEMAS: ReadonlySet<z.ZodType> = new Set<z.ZodType>([nameList, aliases, short]);
export const NAME_KEYS: ReadonlySet<string> = new Set(
  [articleSchema, ...Object.values(entitySchemas)].flatMap((schema) =>
    Object.entries(schema.shape as Record<string, z.ZodType>)
      .filter(([, field]) => NAME_SCHEMAS.has(field))
      .map(([key]) => key),
  ),
);

/** Keys an article may have, for unknown-key warnings; `organizations` is read as `organisations`. */
export const ARTICLE_KEYS = Object.keys(articleSchema.shape);
export const KEY_SYNONYMS: Record<string, string> = { organizations: 'organisations' };
