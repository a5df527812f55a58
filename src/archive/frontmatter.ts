/**
 * The one reader of frontmatter: every command that reads an article or entity file (build, check,
 * `npm run new`, `npm run import`, the dev server, the Markdown workers) comes through here.
 *
 * Frontmatter is data, in one language: YAML between two `---` lines. A first line that names any
 * other language (`---js`, `---json`, `---toml`, …) is refused before anything is parsed, and no
 * parser here can run code: YAML is read by js-yaml with the core schema's scalars only (no
 * timestamps, so dates.ts reads a bare `2023-08-07` as the calendar day written; no tags that build
 * functions, classes or any object but plain maps, lists and scalars).
 *
 * What a hostile header could do to the reader itself is bounded too: its size, its nesting
 * (js-yaml's `maxDepth`), how far YAML aliases expand, and text that is not well-formed Unicode.
 */
import yaml from 'js-yaml';
import type { Diagnostic } from './diagnostics.ts';

export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts, so body findings can name their line. */
  bodyLine: number;
  /** 1-based line of each top-level frontmatter key. */
  keyLines: Map<string, number>;
  /**
   * How each number was written, where YAML would read it as another (`007` is 7, `0x1F` 31), for
   * the top-level values and the items of top-level lists: keyed by `numberPath(key, index)`.
   */
  writtenNumbers: Map<string, string>;
}

export type SplitResult = { ok: true; value: SplitFile } | { ok: false; diagnostic: Diagnostic };

/** A frontmatter longer than this is not metadata: a pasted body or an attack on the parser. */
const MAX_FRONTMATTER_BYTES = 1024 * 1024;
/** Values a frontmatter may hold once its YAML aliases are expanded (10,000 names is 10,001). */
const MAX_FRONTMATTER_VALUES = 100_000;
/** Levels of nested lists and maps: a news article's frontmatter needs three. */
const MAX_DEPTH = 20;

/** The key under which `writtenNumbers` keeps a number: a top-level value, or an item of a list. */
export function numberPath(key: string, index?: number): string {
  return index === undefined ? key : `${key}[${index}]`;
}

/** A number as written, so lists of names can keep `007` as the editor wrote it. */
class WrittenNumber {
  readonly text: string;
  readonly value: number;
  constructor(text: string, value: number) {
    this.text = text;
    this.value = value;
  }
}

/** What js-yaml 4.3 has and its type declarations (4.0) do not name: its built-in types and `maxDepth`. */
type BuiltInType = yaml.Type & { tag: string; resolve: (text: string) => boolean; construct: (text: string) => unknown };
const types = (yaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', BuiltInType> }).types;
type LoadOptions = yaml.LoadOptions & { maxDepth: number };

const writtenNumberType = (base: BuiltInType) =>
  new yaml.Type(base.tag, {
    kind: 'scalar',
    resolve: (text: string) => base.resolve(text),
    construct: (text: string) => new WrittenNumber(text, base.construct(text) as number),
  });

/** YAML 1.2's core schema (null, booleans, numbers, strings, lists, maps), numbers as written. */
const SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [types.null, types.bool, writtenNumberType(types.int), writtenNumberType(types.float)],
});

const KEY_LINE = /^(['"]?)([^\s:'"#][^:'"]*)\1\s*:/;
/** The opening line of YAML frontmatter: `---`, or `---yaml`, optionally with a comment. */
const YAML_OPENING = /^---[ \t]*(?:ya?ml[ \t]*)?(?:#.*)?$/i;
const CODE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'ts', 'typescript', 'eval']);

/** Normalises what editors' tools leave behind: a byte-order mark and Windows line endings. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

type Failure = { message: string; hint: string; line: number };

/** Why a first line that is not YAML's `---` cannot open frontmatter, and what to write instead. */
function refuseOpening(first: string): Failure {
  if (/^\+\+\+\s*$/.test(first)) {
    return {
      message: 'the frontmatter is TOML (between +++ lines); only YAML frontmatter between --- lines is read',
      hint: 'write the keys as YAML (title: "…" rather than title = "…") between --- lines, or convert a Hugo folder with npm run import -- <folder> --from hugo',
      line: 1,
    };
  }
  if (/^\{/.test(first)) {
    return {
      message: 'the file starts with a JSON object; frontmatter is YAML between --- lines',
      hint: 'put a --- line above and below the object (YAML reads JSON as it is), or convert a Hugo folder with npm run import -- <folder> --from hugo',
      line: 1,
    };
  }
  const word = /^---\s*([^\s#]+)/.exec(first)?.[1];
  if (word === undefined) {
    return { message: 'the file has no frontmatter', hint: 'start it with a --- line, the title and date, and a closing --- line', line: 1 };
  }
  const language = word.toLowerCase();
  const shown = JSON.stringify(first.length > 40 ? `${first.slice(0, 40)}…` : first);
  if (CODE_LANGUAGES.has(language)) {
    return {
      message: `the frontmatter is marked as code (${shown}); only YAML frontmatter is read, and nothing in an article is ever run`,
      hint: 'write --- alone on the first line and the keys as YAML: title: "…" on one line, date: 2023-08-07 on the next',
      line: 1,
    };
  }
  if (language === 'json') {
    return { message: `the frontmatter is marked as JSON (${shown}); only YAML frontmatter is read`, hint: 'write --- alone on the first line: YAML reads the JSON object as it is', line: 1 };
  }
  if (language === 'toml') {
    return { message: `the frontmatter is marked as TOML (${shown}); only YAML frontmatter is read`, hint: 'write --- alone on the first line and the keys as YAML (title: "…" rather than title = "…")', line: 1 };
  }
  return { message: `the first line ${shown} is not an opening --- line; only YAML frontmatter is read`, hint: 'write --- alone on the first line', line: 1 };
}

/** Where the frontmatter is: the lines between the opening and closing `---`. */
function locate(text: string): { lines: string[]; closing: number } | Failure {
  if (text.trim() === '') return { message: 'the file is empty', hint: 'add frontmatter with at least a title and a date, or delete the file', line: 1 };
  const lines = text.split('\n');
  const first = lines[0]!;
  if (!YAML_OPENING.test(first)) {
    const firstLine = lines.findIndex((line) => line.trim() !== '');
    if (firstLine > 0 && YAML_OPENING.test(lines[firstLine]!.trim())) {
      return {
        message: 'the frontmatter does not start on the first line',
        hint: `remove the ${firstLine === 1 ? 'blank line' : `${firstLine} blank lines`} above the opening ---`,
        line: firstLine + 1,
      };
    }
    return refuseOpening(first);
  }
  const closing = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  if (closing === -1) {
    const yamlEnd = lines.findIndex((line, i) => i > 0 && /^\.\.\.\s*$/.test(line));
    if (yamlEnd !== -1) return { message: 'the frontmatter is closed with ... instead of ---', hint: 'write --- on this line', line: yamlEnd + 1 };
    return { message: 'the frontmatter is never closed', hint: 'add a --- line after the last frontmatter key', line: 1 };
  }
  return { lines, closing };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Walks the parsed YAML without recursion: numbers back to numbers (their text kept where a
 * top-level value or list item was written otherwise), every string checked for lone surrogates,
 * and every value counted as YAML aliases expand it, so `*a` repeated into a billion values stops
 * at the bound instead of at the end of memory.
 */
function settle(data: Record<string, unknown>, keyLines: Map<string, number>): { writtenNumbers: Map<string, string> } | Failure {
  const writtenNumbers = new Map<string, string>();
  /** A number back to a number, set as an own data property (a key named __proto__ stays a key);
   * `path` where its text is worth keeping, for a top-level value or an item of a top-level list. */
  const settleNumber = (target: object, at: string | number, path?: string) => {
    const value = (target as Record<string | number, unknown>)[at];
    if (!(value instanceof WrittenNumber)) return;
    if (path !== undefined && String(value.value) !== value.text) writtenNumbers.set(path, value.text);
    Object.defineProperty(target, at, { value: value.value, writable: true, enumerable: true, configurable: true });
  };
  const stack: { value: unknown; key: string; depth: number }[] = [];
  for (const key of Object.keys(data)) {
    settleNumber(data, key, numberPath(key));
    stack.push({ value: key, key, depth: 0 }, { value: data[key], key, depth: 0 });
  }
  let values = 0;
  while (stack.length > 0) {
    const { value, key, depth } = stack.pop()!;
    if (++values > MAX_FRONTMATTER_VALUES) {
      return {
        message: `the frontmatter holds more than ${MAX_FRONTMATTER_VALUES.toLocaleString('en')} values once its YAML aliases (*name) are expanded`,
        hint: 'write the lists out instead of repeating them through aliases, or split the article',
        line: keyLines.get(key) ?? 1,
      };
    }
    if (typeof value === 'string') {
      if (!value.isWellFormed()) {
        const lone = /[\uD800-\uDFFF]/.exec(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '..'))![0];
        return {
          message: `${key}: the text holds \\u${lone.charCodeAt(0).toString(16).toUpperCase()}, half of a character (a lone surrogate), which no page or search index can carry`,
          hint: 'write the whole character, or remove the \\u escape',
          line: keyLines.get(key) ?? 1,
        };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    // Aliases can nest what the parser's own depth bound let through, or make a list contain itself.
    if (depth >= MAX_DEPTH) {
      return { message: `${key}: the value nests more than ${MAX_DEPTH} levels deep`, hint: 'write names as a flat list: people: [A, B]', line: keyLines.get(key) ?? 1 };
    }
    if (Array.isArray(value)) {
      value.forEach((_, i) => {
        settleNumber(value, i, depth === 0 ? numberPath(key, i) : undefined);
        stack.push({ value: value[i], key, depth: depth + 1 });
      });
    } else {
      for (const k of Object.keys(value)) {
        settleNumber(value, k);
        stack.push({ value: k, key, depth: depth + 1 }, { value: (value as Record<string, unknown>)[k], key, depth: depth + 1 });
      }
    }
  }
  return { writtenNumbers };
}

export function splitFrontmatter(raw: string, file: string): SplitResult {
  const text = normaliseText(raw);
  const fail = ({ message, hint, line }: Failure): SplitResult => ({
    ok: false,
    diagnostic: { severity: 'error', code: 'frontmatter', file, line, message, hint },
  });

  const located = locate(text);
  if ('message' in located) return fail(located);
  const { lines, closing } = located;
  const source = lines.slice(1, closing).join('\n');
  const bytes = Buffer.byteLength(source);
  if (bytes > MAX_FRONTMATTER_BYTES) {
    return fail({
      message: `the frontmatter is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_FRONTMATTER_BYTES)}`,
      hint: 'keep the frontmatter to the title, date and names, and put long text in the body below the closing ---',
      line: 1,
    });
  }

  let data: unknown;
  try {
    data = yaml.load(source, { schema: SCHEMA, maxDepth: MAX_DEPTH } satisfies LoadOptions as yaml.LoadOptions);
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    // The YAML starts on the file's line 2, so js-yaml's 0-based line n is the file's line n + 2.
    const line = error.mark ? error.mark.line + 2 : undefined;
    const reason = /maxDepth/.test(error.reason) ? `it nests more than ${MAX_DEPTH} levels deep` : error.reason;
    const hint = /^unknown tag/.test(error.reason) ? 'YAML tags (!!name) are not read: write the value as plain text' : 'check the quoting and indentation on that line';
    return fail({ message: `the frontmatter is not valid YAML: ${reason}`, hint, line: line ?? 1 });
  }
  if (data === undefined || data === null) data = {};
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof WrittenNumber) {
    return fail({ message: 'the frontmatter must be a set of keys and values (title: ..., date: ...)', hint: 'write one key: value per line', line: 2 });
  }

  const keyLines = new Map<string, number>();
  for (let i = 1; i < closing; i++) {
    const key = KEY_LINE.exec(lines[i]!)?.[2]?.trim();
    if (key !== undefined && !keyLines.has(key)) keyLines.set(key, i + 1);
  }
  const values = data as Record<string, unknown>;
  const settled = settle(values, keyLines);
  if ('message' in settled) return fail(settled);
  const body = lines.slice(closing + 1).join('\n');
  return { ok: true, value: { data: values, body, bodyLine: closing + 2, keyLines, writtenNumbers: settled.writtenNumbers } };
}
