/**
 * The frontmatter of a file `npm run import` reads. YAML goes through the archive's one reader
 * (frontmatter.ts). Hugo also writes TOML between `+++` lines and JSON objects; those are read here,
 * as data only: TOML by smol-toml, a parser that builds values and nothing else, JSON by
 * JSON.parse. A TOML date becomes the text it was written as (`2023-08-07T23:30:00-10:00`), the
 * form YAML gives the importer, so the calendar day the author wrote is kept.
 *
 * The archive itself stays YAML-only: the importer writes every article with a YAML header.
 */
import { TomlDate, TomlError, parse as parseToml } from 'smol-toml';
import type { Diagnostic } from '../../src/archive/diagnostics.ts';
import { normaliseText, splitFrontmatter } from '../../src/archive/frontmatter.ts';
import type { SourceFormat } from './rules.ts';

export type ImportedFrontmatter = { ok: true; data: Record<string, unknown>; body: string } | { ok: false; diagnostic: Diagnostic };

const TOML_FENCE = /^\+\+\+[ \t]*$/;

/** TOML's values as the importer reads YAML's: dates as written, whole numbers too big for a
 * number as their digits, tables as plain objects. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]));
  return value;
}

function failure(file: string, line: number, message: string, hint: string): ImportedFrontmatter {
  return { ok: false, diagnostic: { severity: 'error', code: 'frontmatter', file, line, message, hint } };
}

function readToml(text: string, file: string): ImportedFrontmatter {
  const lines = text.split('\n');
  const closing = lines.findIndex((line, i) => i > 0 && TOML_FENCE.test(line));
  if (closing === -1) return failure(file, 1, 'the TOML frontmatter is never closed', 'add a +++ line after the last frontmatter key');
  let data: unknown;
  try {
    data = parseToml(lines.slice(1, closing).join('\n'), { integersAsBigInt: 'asNeeded' });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // smol-toml's message is "Invalid TOML document: <reason>" and a picture of the line; the TOML
    // starts on the file's line 2.
    const reason = error.message.replace(/^Invalid TOML document: /, '').split('\n')[0];
    return failure(file, error.line + 1, `the frontmatter is not valid TOML: ${reason}`, 'check the quoting on that line: text is written "in quotes", lists as [ "a", "b" ]');
  }
  return { ok: true, data: plain(data) as Record<string, unknown>, body: lines.slice(closing + 1).join('\n') };
}

/** Where the JSON object that opens `text` ends (the index after its `}`), or -1. */
function jsonEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function readJson(text: string, file: string): ImportedFrontmatter {
  const end = jsonEnd(text);
  if (end === -1) return failure(file, 1, 'the JSON frontmatter is never closed', 'end the object with a } that matches its first {');
  let data: unknown;
  try {
    data = JSON.parse(text.slice(0, end));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // V8 names the line within the object, which starts on the file's line 1.
    const line = Number(/\(line (\d+) column \d+\)/.exec(error.message)?.[1] ?? 1);
    const reason = error.message.replace(/ in JSON at position \d+.*$/, '');
    return failure(file, line, `the frontmatter is not valid JSON: ${reason}`, 'check the quoting and commas on that line: keys and text are written "in double quotes"');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return failure(file, 1, 'the JSON frontmatter must be an object of keys and values', 'write { "title": "…", "date": "…" }');
  return { ok: true, data: data as Record<string, unknown>, body: text.slice(end).replace(/^[ \t]*\n/, '') };
}

/** Reads the frontmatter of a source file: YAML always, and Hugo's TOML and JSON for a Hugo site. */
export function readImportFrontmatter(raw: string, file: string, format: SourceFormat): ImportedFrontmatter {
  const text = normaliseText(raw);
  if (format === 'hugo') {
    const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
    if (TOML_FENCE.test(first)) return readToml(text, file);
    if (first.startsWith('{')) return readJson(text, file);
  }
  const split = splitFrontmatter(text, file);
  return split.ok ? { ok: true, data: split.value.data, body: split.value.body } : split;
}
