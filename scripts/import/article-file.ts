/**
 * An article file as this archive's content contract has it: complete frontmatter in safe YAML,
 * then the body. `npm run import` writes each imported article with it, `npm run new` a new one.
 */
import type { z } from 'zod';
import { ENTITY_KINDS, type EntityKind } from '../../src/archive/kinds.ts';
import type { articleSchema } from '../../src/archive/schema.ts';

/** An article's frontmatter as this archive's contract has it (schema.ts), as the importer
 * writes it: dates as text, names as lists. */
export type ArticleFields = Omit<z.input<typeof articleSchema>, 'date' | 'updated' | 'quotes' | EntityKind> & {
  /** `YYYY-MM-DD` or an ISO date-time with offset. */
  date: string;
  updated?: string;
} & Partial<Record<EntityKind, readonly string[]>>;


/** Characters js-yaml refuses to read raw, even inside quotes. */
const YAML_UNSAFE = /[\u007f-\u009f\ufffe\uffff]/g;

/**
 * A YAML double-quoted string. JSON's escapes are all valid YAML escapes; the control characters
 * JSON leaves raw but YAML rejects are escaped too. Quotes, colons, `#`, `[`, leading `-` or `*`:
 * nothing in the text can change what YAML reads.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function yamlDate(value: string): string {
  return PLAIN_DATE.test(value) ? value : yamlString(value);
}

/**
 * An article file: frontmatter in the contract's order, then the body. With `complete`, every key
 * is written (empty lists as `[]`, optional texts as comments to fill in), as `npm run new` wants.
 */
export function renderArticleFile(fields: ArticleFields, body: string, options: { complete?: boolean } = {}): string {
  const lines = ['---', `title: ${yamlString(fields.title)}`, `date: ${yamlDate(fields.date)}`];
  if (fields.updated) lines.push(`updated: ${yamlDate(fields.updated)}`);
  const optional: [keyof ArticleFields, string][] = [
    ['summary', 'One sentence (optional: otherwise the first paragraph is used)'],
    ['source', 'The publication it comes from (optional)'],
    ['author', ''],
    ['url', ''],
    ['slug', ''],
  ];
  for (const [key, placeholder] of optional) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '') lines.push(`${key}: ${yamlString(value)}`);
    else if (options.complete && placeholder) lines.push(`# ${key}: ${yamlString(placeholder)}`);
  }
  for (const kind of ENTITY_KINDS) {
    const list = fields[kind] ?? [];
    if (list.length > 0) lines.push(`${kind}:`, ...list.map((name) => `  - ${yamlString(name)}`));
    else if (options.complete) lines.push(`${kind}: []`);
  }
  if (options.complete || fields.draft) lines.push(`draft: ${fields.draft ? 'true' : 'false'}`);
  lines.push('---');
  const text = body.replace(/^\s*\n/, '').replace(/\s+$/, '');
  return `${lines.join('\n')}\n${text === '' ? '' : `${text}\n`}`;
}
