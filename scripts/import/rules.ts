/**
 * Articles from other static-site generators (Hugo, Jekyll) onto this archive's content contract.
 * Pure functions: text in, text out; the `npm run import` script does the reading and writing.
 *
 * What is mapped (see shared/corpora/MAPPING.md for the corpora behind these rules):
 * - title: trimmed, HTML entities decoded, HTML tags and zero-width characters removed;
 * - date: the calendar date as written (`2015-03-02 10:00:16 -0400` is 2 March 2015, whatever the
 *   instant is in UTC), kept as an ISO date-time when it has a time and an offset; Jekyll posts
 *   without one take it from the file name (`2024-12-5-title.md`);
 * - summary: from summary, deck, excerpt or description;
 * - authors → people (Hugo author slugs and Jekyll author ids resolved to display names when the
 *   site's author records are given; a Jekyll "author" without a last name is an organisation);
 * - categories, topics, tags → tags; draft; source / source_url → source / url;
 * - bodies: Hugo shortcodes (`{{< … >}}`, `{{% … %}}`) or Liquid (`{% … %}`, `{{ … }}`) removed,
 *   links whose target was a template reduced to their text, each removal counted.
 * Everything else in the frontmatter is dropped (and counted by the script). Hugo's TOML and JSON
 * frontmatter are read as data (frontmatter.ts); what is written is always YAML.
 */
import { decodeHTMLStrict } from 'entities';
import { countOf } from '../../src/shared/count-of.ts';
import { parseDate } from '../../src/archive/dates.ts';
import type { Diagnostic } from '../../src/archive/diagnostics.ts';
import { splitFrontmatter } from '../../src/archive/frontmatter.ts';
import { cleanName, nameKey, sameName } from '../../src/archive/names.ts';
import { KEY_SYNONYMS, articleSchema } from '../../src/archive/schema.ts';
import { slugify } from '../../src/archive/slug.ts';
import { validateFrontmatter } from '../../src/archive/validate.ts';
import { renderArticleFile, type ArticleFields } from './article-file.ts';
import { readImportFrontmatter } from './frontmatter.ts';
import { stripTemplates } from './templates.ts';

export type SourceFormat = 'hugo' | 'jekyll';


// ---------------------------------------------------------------------------------------------
// Text

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Control characters that have no place in a title or name (tabs and newlines become spaces). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/** Plain one-line text from a frontmatter value: entities decoded, tags removed, spaces collapsed. */
export function plainText(value: unknown): { text: string; hadTags: boolean } {
  if (typeof value !== 'string' && typeof value !== 'number') return { text: '', hadTags: false };
  const decoded = decodeHTMLStrict(String(value).replace(ZERO_WIDTH, '').replace(CONTROL, ''));
  const stripped = decoded.replace(HTML_TAG, ' ');
  let text = stripped.replace(/\s+/g, ' ').trim();
  // A quoted title behind an invisible character: YAML kept the quotes as text.
  const quoted = /^"([^"]*)"$/.exec(text) ?? /^“([^“”]*)”$/.exec(text);
  if (quoted) text = quoted[1]!.trim();
  return { text, hadTags: stripped !== decoded };
}

// ---------------------------------------------------------------------------------------------
// Dates

export type DateValue = { ok: true; date: string; dateTime?: string } | { ok: false; reason: string };

const LOOSE_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?)?$/i;

/**
 * The calendar date a frontmatter date means, as written: `2015-03-02 10:00:16 -0400`,
 * `2014-02-20 9:01:19 -0400`, `2015-03-17 14:00:00 -4`, `'2014-03-19T10:14:29-04:00'`,
 * `2020-07-07T00:00:00.000Z`, `2014-09-08`. A time with an offset is kept as an ISO date-time
 * (for the order of articles within a day); a time without one is dropped.
 */
export function importDate(value: unknown): DateValue {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: 'the date is not a valid date' } : { ok: true, date: value.toISOString().slice(0, 10) };
  }
  if (typeof value !== 'string') return { ok: false, reason: `the date is ${value === null ? 'empty' : `a ${Array.isArray(value) ? 'list' : typeof value}`}, not a date` };
  const text = value.trim();
  const m = LOOSE_DATE.exec(text);
  if (!m) return { ok: false, reason: `"${text}" is not a date` };
  const pad = (s: string) => s.padStart(2, '0');
  const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  const day = parseDate(date);
  if (!day.ok) return { ok: false, reason: day.message };
  if (m[4] === undefined || m[7] === undefined) return { ok: true, date };
  const offset = normaliseOffset(m[7]);
  const dateTime = `${date}T${pad(m[4])}:${m[5]}:${pad(m[6] ?? '00')}${offset}`;
  const checked = offset === undefined ? undefined : parseDate(dateTime);
  return checked?.ok ? { ok: true, date, dateTime } : { ok: true, date };
}

function normaliseOffset(offset: string): string | undefined {
  if (/^z$/i.test(offset)) return 'Z';
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(offset);
  if (!m) return undefined;
  return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
}

/** The date at the start of a Jekyll-style file name (`2024-12-5-title.md`), padded. */
export function dateFromFileName(fileName: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})-/.exec(fileName);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return parseDate(date).ok ? date : undefined;
}

// ---------------------------------------------------------------------------------------------
// People, organisations and tags from a generator's records

export interface TeamMember {
  name: string;
  kind: 'people' | 'organisations';
}

/** What the source site knows beyond one file: display names of authors, topics, sources. */
export interface ImportLookups {
  /** Hugo: author slug → display name (`content/authors/<slug>/_index.md`). */
  authors?: ReadonlyMap<string, string>;
  /** Hugo: topic slug → title (`content/topics/<slug>/_index.md`). */
  topics?: ReadonlyMap<string, string>;
  /** Hugo: source slug → name (`content/sources/source_<slug>.md`). */
  sources?: ReadonlyMap<string, string>;
  /** Jekyll: author id → person or organisation (`data/team_members.csv`). */
  team?: ReadonlyMap<string, TeamMember>;
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/**
 * 18F's `team_members.csv` (`id,first_name,last_name,full_name,…`): the site showed `full_name`
 * when set, else `first_name last_name`. A row without a last name (`18F`, `GSA Blog Team`) is an
 * organisation posting as an author.
 */
export function teamFromCsv(text: string): Map<string, TeamMember> {
  const [header, ...rows] = parseCsv(text);
  const team = new Map<string, TeamMember>();
  if (!header) return team;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [id, first, last, full] = [col('id'), col('first_name'), col('last_name'), col('full_name')];
  if (id === -1) return team;
  for (const row of rows) {
    const key = row[id]?.trim();
    if (!key) continue;
    const lastName = plainText(row[last] ?? '').text;
    const name = plainText(row[full] ?? '').text || cleanName(`${plainText(row[first] ?? '').text} ${lastName}`);
    if (name === '') continue;
    team.set(key, { name, kind: lastName === '' ? 'organisations' : 'people' });
  }
  return team;
}

/** The display name in a Hugo author record's frontmatter (`display_name`, else first and last name). */
export function authorName(data: Record<string, unknown>): string | undefined {
  const display = plainText(data['display_name']).text;
  if (display) return display;
  const name = cleanName(`${plainText(data['first_name']).text} ${plainText(data['last_name']).text}`);
  return name || plainText(data['title']).text || plainText(data['name']).text || undefined;
}

function asList(value: unknown, splitSpaces = false): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => asList(v, false));
  if (typeof value === 'string') return splitSpaces ? value.split(/\s+/) : [value];
  if (typeof value === 'number') return [String(value)];
  return [];
}

/** Adds names to a list, cleaned and without repeats (by name key and symbols: `C#` is no repeat
 * of `C++`; the content check then reports the pair instead of one silently going missing). */
function addNames(list: string[], names: readonly string[]): void {
  for (const raw of names) {
    const name = plainText(raw).text;
    if (nameKey(name) === '' || list.some((n) => sameName(n, name))) continue;
    list.push(name);
  }
}

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// One file

export interface ConvertOptions {
  format: SourceFormat;
  lookups?: ImportLookups;
}

/** What an imported file's warning is about, for summaries. */
export type ImportWarningKind = 'templates' | 'title-html' | 'unknown-author' | 'bad-date' | 'text-key' | 'bad-url';

export interface ImportWarning {
  kind: ImportWarningKind;
  message: string;
}

export const WARNING_LABELS: Record<ImportWarningKind, string> = {
  templates: 'template tags removed from the body',
  'title-html': 'HTML tags removed from the title',
  'unknown-author': 'author ids without a record (the id is used as the name)',
  'bad-date': 'secondary dates that are not dates (dropped)',
  'text-key': 'frontmatter keys that look like text (a value lost its quotes)',
  'bad-url': 'source URLs that are not http(s) (dropped)',
};

export type ConvertResult =
  | {
      ok: true;
      /** Where the article goes inside the archive folder: `articles/<yyyy>/<yyyy-mm-dd>-<slug>.md`. */
      path: string;
      slug: string;
      text: string;
      fields: ArticleFields;
      warnings: ImportWarning[];
      templates: Record<string, number>;
      /** Frontmatter keys of the source that the contract has no place for. */
      droppedKeys: string[];
    }
  | { ok: false; reason: string };

const MAPPED_KEYS: Record<SourceFormat, readonly string[]> = {
  hugo: ['title', 'date', 'lastmod', 'updated', 'summary', 'deck', 'description', 'authors', 'author', 'topics', 'tags', 'tag', 'categories', 'draft', 'source', 'source_url', 'slug'],
  jekyll: ['title', 'date', 'last_modified_at', 'updated', 'summary', 'excerpt', 'description', 'authors', 'author', 'tags', 'tag', 'categories', 'category', 'draft', 'published', 'slug'],
};

/** How a finding from the engine reads as a rejection reason. */
function reasonOf(d: Diagnostic): string {
  // js-yaml's "duplicated mapping key" is a key written twice, not a quoting problem.
  const hint = d.message.includes('duplicated mapping key') ? 'a key is written twice: keep one of the two lines' : d.hint;
  return `${d.message}${d.line !== undefined ? ` (line ${d.line})` : ''}${hint ? `: ${hint}` : ''}`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function decodeFileName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Converts one source file; never throws for anything in the file (the script guards the rest). */
export function convertFile(raw: string, sourceFile: string, options: ConvertOptions): ConvertResult {
  const { format } = options;
  const lookups = options.lookups ?? {};
  const split = readImportFrontmatter(raw, sourceFile, format);
  if (!split.ok) return { ok: false, reason: reasonOf(split.diagnostic) };
  const data = split.data;
  const warnings: ImportWarning[] = [];
  const warn = (kind: ImportWarningKind, message: string) => warnings.push({ kind, message });
  const fileName = decodeFileName(baseName(sourceFile)).replace(/\.(md|markdown)$/i, '');

  const title = plainText(data['title']);
  if (data['title'] === undefined || data['title'] === null) return { ok: false, reason: 'no title: the frontmatter has no "title"' };
  if (title.text === '') return { ok: false, reason: 'no title: the "title" is empty' };
  if (title.hadTags) warn('title-html', 'removed HTML tags from the title');

  let date: { date: string; dateTime?: string };
  const rawDate = data['date'];
  if (rawDate === undefined || rawDate === null || rawDate === '') {
    const fromName = format === 'jekyll' ? dateFromFileName(fileName) : undefined;
    if (!fromName) {
      return { ok: false, reason: format === 'jekyll' ? 'no date at all: the frontmatter has no "date" and the file name does not start with one' : 'no date at all: the frontmatter has no "date"' };
    }
    date = { date: fromName };
  } else {
    const parsed = importDate(rawDate);
    if (!parsed.ok) return { ok: false, reason: `date: ${parsed.reason}` };
    date = parsed;
  }
  let updated: string | undefined;
  for (const key of ['updated', 'lastmod', 'last_modified_at']) {
    if (data[key] === undefined || data[key] === null || updated) continue;
    const parsed = importDate(data[key]);
    if (parsed.ok) updated = parsed.dateTime ?? parsed.date;
    else warn('bad-date', `"${key}" is not a date and was dropped: ${parsed.reason}`);
  }

  let summary: string | undefined;
  for (const key of ['summary', 'deck', 'excerpt', 'description']) {
    const text = plainText(data[key]).text;
    if (text !== '') {
      summary = text;
      break;
    }
  }

  const people: string[] = [];
  const organisations: string[] = [];
  for (const id of [...asList(data['authors']), ...asList(data['author'])]) {
    const key = id.trim();
    if (key === '') continue;
    if (format === 'hugo') {
      const name = lookups.authors?.get(key);
      if (lookups.authors && name === undefined) warn('unknown-author', `author "${key}" has no record in authors/: the id is used as the name`);
      addNames(people, [name ?? key]);
    } else {
      const member = lookups.team?.get(key);
      if (lookups.team && member === undefined) warn('unknown-author', `author "${key}" is not in team_members.csv: the id is used as the name`);
      addNames(member?.kind === 'organisations' ? organisations : people, [member?.name ?? key]);
    }
  }

  const tags: string[] = [];
  const tagValues = [
    ...asList(data['topics']),
    ...asList(data['tags'], format === 'jekyll'),
    ...asList(data['tag'], format === 'jekyll'),
    ...asList(data['categories'], format === 'jekyll'),
    ...asList(data['category']),
  ];
  addNames(tags, tagValues.map((t) => lookups.topics?.get(t.trim()) ?? lookups.topics?.get(slugify(t)) ?? t));

  const draft = data['draft'] === true || data['draft'] === 'true' || data['published'] === false || data['published'] === 'false';

  let source: string | undefined;
  const rawSource = plainText(data['source']).text;
  if (rawSource !== '') source = lookups.sources?.get(rawSource) ?? lookups.sources?.get(slugify(rawSource)) ?? rawSource;
  let url: string | undefined;
  const rawUrl = plainText(data['source_url']).text;
  if (rawUrl !== '') {
    if (/^https?:\/\/\S+$/i.test(rawUrl)) url = rawUrl;
    else warn('bad-url', `source_url "${rawUrl}" is not an http(s) address and was dropped`);
  }

  const ownSlug = typeof data['slug'] === 'string' || typeof data['slug'] === 'number' ? slugify(String(data['slug'])) : '';
  const slugWords = ownSlug || slugify(fileName.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '')) || slugify(title.text);
  if (slugWords === '') return { ok: false, reason: 'no usable address: neither the slug, the file name nor the title has letters or digits' };
  const slug = `${date.date}-${slugWords}`;

  const droppedKeys = Object.keys(data).filter((key) => !MAPPED_KEYS[format].includes(key));
  for (const key of droppedKeys) {
    if (key.length > 30 || /[<>]/.test(key) || /\s\S+\s/.test(key)) {
      const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
      warn('text-key', `the frontmatter has a key that looks like text ("${shown}"): a value above it probably lost its quotes and was cut short`);
    }
  }

  const { body, removed } = stripTemplates(split.body, format, lookups);
  const templateCount = Object.values(removed).reduce((a, b) => a + b, 0);
  if (templateCount > 0) {
    const list = Object.entries(removed)
      .sort(([x, a], [y, b]) => b - a || x.localeCompare(y))
      .map(([name, n]) => `${name} ×${n}`)
      .join(', ');
    warn('templates', `removed or replaced ${countOf(templateCount, format === 'hugo' ? 'Hugo shortcode' : 'Liquid tag')} (${list}): what they made (images, embeds, links) is not imported`);
  }

  const fields: ArticleFields = {
    title: title.text,
    date: date.dateTime ?? date.date,
    updated,
    summary,
    source,
    url,
    people,
    organisations,
    tags,
    draft,
  };
  const text = renderArticleFile(fields, body);
  const path = `articles/${date.date.slice(0, 4)}/${slug}.md`;

  // The written file must pass the archive's own validation; if a mapping rule missed a case, the
  // file is rejected with the engine's words rather than written broken.
  const check = splitFrontmatter(text, path);
  if (!check.ok) return { ok: false, reason: `the converted file is not valid: ${reasonOf(check.diagnostic)}` };
  const validated = validateFrontmatter(check.value, articleSchema, path, KEY_SYNONYMS);
  const errors = validated.diagnostics.filter((d) => d.severity === 'error');
  if (!validated.ok || errors.length > 0) return { ok: false, reason: `the converted file is not valid: ${errors.map(reasonOf).join('; ')}` };

  return { ok: true, path, slug, text, fields, warnings, templates: removed, droppedKeys };
}
