/**
 * Checks split frontmatter against a schema, turning each problem into a finding on the line of
 * the key it concerns, and warns about keys the contract does not know (with a did-you-mean).
 */
import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import type { SplitFile } from './frontmatter.ts';
import { didYouMean } from './names.ts';

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

  for (const [rawKey, value] of Object.entries(split.data)) {
    const key = synonyms[rawKey] ?? rawKey;
    const line = split.keyLines.get(rawKey);
    if (!known.includes(key)) {
      const suggestion = didYouMean(rawKey, known);
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
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const rawKey = Object.keys(split.data).find((k) => (synonyms[k] ?? k) === key) ?? key;
      const missing = issue.path.length === 1 && input[key] === undefined;
      const where = issue.path.length > 1 ? `${key}[${issue.path.slice(1).join('.')}]` : key;
      diagnostics.push({
        severity: 'error',
        code: DATE_KEYS.has(key) && !missing ? 'date' : 'schema',
        file,
        line: split.keyLines.get(rawKey) ?? 1,
        message: missing ? `"${key}" is required` : `${where}: ${describeIssue(issue)}`,
        hint: missing ? `add a line "${key}: ..." to the frontmatter` : undefined,
      });
    }
    return { ok: false, diagnostics };
  }
  return { ok: true, data: result.data, diagnostics };
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
