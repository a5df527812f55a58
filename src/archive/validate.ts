/**
 * Checks split frontmatter against a schema, turning each problem into a finding on the line of
 * the key it concerns, and warns about keys the contract does not know (with a did-you-mean).
 */
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { numberPath, type SplitFile } from './frontmatter.ts';
import { closest } from './names.ts';
import { NAME_KEYS } from './schema.ts';

const DATE_KEYS = new Set(['date', 'updated', 'start', 'end']);

export type Validated<T> = { ok: true; data: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function validateFrontmatter<S extends z.ZodObject>(
  split: SplitFile,
  schema: S,
  file: string,
  synonyms: Record<string, string> = {},
): Validated<z.output<S>> {
  const diagnostics: Diagnostic[] = [];
  const known = Object.keys(schema.shape);
  const input: Record<string, unknown> = {};
  const empty = new Set<string>();

  for (const [rawKey, written] of Object.entries(split.data)) {
    const key = synonyms[rawKey] ?? rawKey;
    const line = split.keyLines.get(rawKey);
    let value = written;
    if (known.includes(key) && value === null) {
      // `people:` with nothing after it: YAML's null, which an editor means as "none".
      empty.add(key);
      if (schema.shape[key]!.safeParse(undefined).success) {
        diagnostics.push({ severity: 'warning', code: 'schema', file, line, message: `${rawKey} has no value and is ignored`, hint: `write a value after "${rawKey}:", or remove the line` });
      }
      continue;
    }
    if (NAME_KEYS.has(key)) value = namesAsWritten(value, rawKey, split, (d) => diagnostics.push({ ...d, file, line }));
    if (!known.includes(key)) {
      const suggestion = closest(rawKey, known);
      diagnostics.push({
        severity: 'warning',
        code: 'unknown-key',
        file,
        line,
        message: `unknown key "${rawKey}" is ignored`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `known keys: ${known.join(', ')}`,
        key: rawKey,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (key in input) {
      // `organisations` and `organizations` in one file: both lists count.
      input[key] = [input[key], value].flat();
      continue;
    }
    input[key] = value;
  }

  const result = schema.safeParse(input);
  if (!result.success) {
    if (Object.keys(split.data).length === 0) {
      diagnostics.push(emptyFrontmatter(result.error.issues.map((issue) => String(issue.path[0])), file));
      return { ok: false, diagnostics };
    }
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const rawKey = Object.keys(split.data).find((k) => (synonyms[k] ?? k) === key) ?? key;
      const line = split.keyLines.get(rawKey) ?? 1;
      const items = Array.isArray(input[key]) ? wrongItems(issue) : [];
      if (items.length > 0) {
        for (const i of items) diagnostics.push({ severity: 'error', code: 'schema', file, line, ...describeItem(key, i, (input[key] as unknown[])[i]) });
        continue;
      }
      const missing = issue.path.length === 1 && input[key] === undefined;
      const [, index, ...rest] = issue.path;
      const where = typeof index === 'number' ? [`"${key}" item ${index + 1}`, ...rest].join(' ') : index !== undefined ? `${key}[${issue.path.slice(1).join('.')}]` : key;
      const blank = missing && empty.has(key);
      diagnostics.push({
        severity: 'error',
        code: DATE_KEYS.has(key) && !missing ? 'date' : 'schema',
        file,
        line,
        message: blank ? `"${key}" has no value` : missing ? `"${key}" is required` : `${where}: ${describeIssue(issue)}`,
        hint: blank ? `write it after "${rawKey}:"${DATE_KEYS.has(key) ? ', like 2023-08-07' : ''}` : missing ? `add a line "${key}: ..." to the frontmatter` : undefined,
      });
    }
    return { ok: false, diagnostics };
  }
  return { ok: true, data: result.data, diagnostics };
}

/**
 * Numbers in a list of names become the names the editor wrote: `tags: [2023]` is the tag "2023",
 * and `007` stays "007", with a warning, since other YAML readers would make it 7.
 */
function namesAsWritten(value: unknown, key: string, split: SplitFile, warn: (d: Omit<Diagnostic, 'file'>) => void): unknown {
  const asName = (item: unknown, index?: number): unknown => {
    if (typeof item !== 'number') return item;
    const text = split.writtenNumbers.get(numberPath(key, index));
    if (text === undefined) return String(item);
    warn({
      severity: 'warning',
      code: 'schema',
      message: `${key}: ${text} is a number to YAML (${item}); it is kept as written, "${text}"`,
      hint: `write it in quotes, "${text}", so that every tool reads it as a name`,
    });
    return text;
  };
  return Array.isArray(value) ? value.map((item, i) => asName(item, i)) : asName(value);
}

/** A frontmatter with no keys at all (`---` then `---`, or only comments): one finding that says
 * so and what to write, not one per required key. */
function emptyFrontmatter(required: string[], file: string): Diagnostic {
  const example = (key: string) => (DATE_KEYS.has(key) ? `${key}: 2023-08-07` : `${key}: "…"`);
  return {
    severity: 'error',
    code: 'schema',
    file,
    line: 1,
    message: 'the frontmatter is empty',
    hint: `write the keys between the --- lines, one a line: ${required.map(example).join(', then ')}`,
  };
}

/** The indexes of the items that are no name, when a name list's value is a list: the union's
 * list branch names them. */
function wrongItems(issue: z.core.$ZodIssue): number[] {
  if (issue.code !== 'invalid_union') return [];
  const branch = issue.errors.find((issues) => issues.length > 0 && issues.every((i) => typeof i.path[0] === 'number'));
  return (branch ?? []).map((i) => i.path[0] as number);
}

/** What is wrong with one item of a list of names, counted from 1 as an editor counts. */
function describeItem(key: string, index: number, value: unknown): { message: string; hint: string } {
  const item = `"${key}" item ${index + 1}`;
  if (value === null) return { message: `${item} is empty`, hint: 'write a name there, or remove the empty item' };
  if (typeof value === 'boolean') return { message: `${item} is ${value}, not a name`, hint: `write it in quotes, "${value}", if it is a name, or remove it` };
  if (Array.isArray(value)) return { message: `${item} is a list, not a name`, hint: `write the names as one flat list: ${key}: [A, B]` };
  return { message: `${item} is a set of keys and values, not a name`, hint: 'put a name with a colon in it in quotes: "Name: subtitle"' };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  if (issue.code === 'invalid_union') return 'must be a name or a list of names';
  return issue.message;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text (put it in quotes if it looks like a number or date)',
    boolean: 'true or false',
    array: 'a list',
    object: 'a set of keys and values',
    number: 'a number',
  };
  return words[expected] ?? expected;
}
