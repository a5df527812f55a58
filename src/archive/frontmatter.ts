/**
 * Splits a Markdown file into frontmatter and body, and turns YAML problems into findings that
 * name the line. YAML is read with the core schema: timestamps stay strings (dates.ts reads them,
 * so a bare `2023-08-07` is never turned into a UTC instant) and nothing in YAML can build a
 * function or any object other than plain maps, lists and scalars.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { Diagnostic } from './diagnostics.ts';

export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts, so body findings can name their line. */
  bodyLine: number;
  /** 1-based line of each top-level frontmatter key. */
  keyLines: Map<string, number>;
}

export type SplitResult = { ok: true; value: SplitFile } | { ok: false; diagnostic: Diagnostic };

const engines = {
  yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object,
};

const KEY_LINE = /^(['"]?)([^\s:'"#][^:'"]*)\1\s*:/;

/** Normalises what editors' tools leave behind: a byte-order mark and Windows line endings. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function splitFrontmatter(raw: string, file: string): SplitResult {
  const text = normaliseText(raw);
  const fail = (message: string, hint: string, line?: number): SplitResult => ({
    ok: false,
    diagnostic: { severity: 'error', code: 'frontmatter', file, line, message, hint },
  });

  if (text.trim() === '') {
    return fail('the file is empty', 'add frontmatter with at least a title and a date, or delete the file', 1);
  }
  if (!text.startsWith('---')) {
    const firstLine = text.split('\n').findIndex((line) => line.trim() !== '');
    if (text.split('\n')[firstLine]?.trim() === '---') {
      return fail(
        'the frontmatter does not start on the first line',
        `remove the ${firstLine === 1 ? 'blank line' : `${firstLine} blank lines`} above the opening ---`,
        firstLine + 1,
      );
    }
    return fail('the file has no frontmatter', 'start it with a --- line, the title and date, and a closing --- line', 1);
  }
  const lines = text.split('\n');
  const closing = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  if (closing === -1) {
    const yamlEnd = lines.findIndex((line, i) => i > 0 && /^\.\.\.\s*$/.test(line));
    if (yamlEnd !== -1) return fail('the frontmatter is closed with ... instead of ---', 'write --- on this line', yamlEnd + 1);
    return fail('the frontmatter is never closed', 'add a --- line after the last frontmatter key', 1);
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // gray-matter hands js-yaml the text after the opening `---`, whose line 0 is that line's rest.
      const line = error.mark ? error.mark.line + 1 : undefined;
      return fail(`the frontmatter is not valid YAML: ${error.reason}`, 'check the quoting and indentation on that line', line);
    }
    throw error;
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('the frontmatter must be a set of keys and values (title: ..., date: ...)', 'write one key: value per line', 2);
  }

  const keyLines = new Map<string, number>();
  for (let i = 1; i < closing; i++) {
    const key = KEY_LINE.exec(lines[i]!)?.[2]?.trim();
    if (key !== undefined && !keyLines.has(key)) keyLines.set(key, i + 1);
  }
  const bodyOffset = text.length - parsed.content.length;
  const bodyLine = text.slice(0, bodyOffset).split('\n').length;
  return { ok: true, value: { data: { ...data }, body: parsed.content, bodyLine, keyLines } };
}
