/**
 * What an editor is told about the names, titles and slugs of one file, on the line of their key:
 * invisible characters (which the shown name leaves out, and a title keeps), and names or slugs
 * that make an address too long for a file name (which slug.ts shortens).
 */
import { basename } from 'node:path';
import { articleUrlPath } from './article.ts';
import type { Diagnostic } from './diagnostics.ts';
import { entityUrlPath } from './entities.ts';
import type { SplitFile } from './frontmatter.ts';
import { ENTITY_KINDS, type EntityKind, type FileKind } from './kinds.ts';
import type { NameIndex } from './name-index.ts';
import { KEY_SYNONYMS } from './schema.ts';
import { INVISIBLE, nameKey, strayInvisibles, withoutInvisibles } from './names.ts';
import { boundSlug, fullSlug, isOverlong, MAX_SLUG_BYTES, slugBytes, slugify } from './slug.ts';

const INVISIBLE_NAMES: Record<string, string> = {
  '\u00ad': 'soft hyphen',
  '\u061c': 'Arabic letter mark',
  '\u200b': 'zero width space',
  '\u200c': 'zero width non-joiner',
  '\u200d': 'zero width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\ufeff': 'zero width no-break space',
};

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function described(chars: readonly string[]): string {
  return chars.map((c) => `${codePoint(c)} ${INVISIBLE_NAMES[c] ?? 'invisible operator'}`).join(', ');
}

/** A text for a message: invisible characters written as `<U+200B>`, a long one cut short. */
function shown(text: string): string {
  const visible = text.replace(INVISIBLE, (c) => `<${codePoint(c)}>`);
  const chars = [...visible];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : visible;
}

interface Place {
  file: string;
  line?: number;
}

/** A warning for a name (as written in the file) that carries invisible characters. */
function invisibleInName(at: Place, key: string, name: unknown): Diagnostic | undefined {
  if (typeof name !== 'string') return undefined;
  const stray = strayInvisibles(name);
  if (stray.length === 0) return undefined;
  return {
    severity: 'warning',
    code: 'schema',
    ...at,
    message: `${key}: "${shown(name)}" has invisible characters (${described(stray)}), which the name is shown and matched without`,
    hint: 'retype the name, or delete them in an editor that shows them: they come in with text copied from web pages and documents',
  };
}

/** An error for a title with nothing to see, a warning for one that carries invisible characters. */
function titleFinding(at: Place, title: unknown): Diagnostic | undefined {
  if (typeof title !== 'string') return undefined;
  const stray = strayInvisibles(title);
  if (stray.length === 0) return undefined;
  if (withoutInvisibles(title).trim() === '') {
    return { severity: 'error', code: 'schema', ...at, message: `title: has only invisible characters (${described(stray)})`, hint: 'write the title in words' };
  }
  return {
    severity: 'warning',
    code: 'schema',
    ...at,
    message: `title: "${shown(title)}" has invisible characters (${described(stray)}), which can make it show differently from what it says`,
    hint: 'retype the title, or delete them in an editor that shows them',
  };
}

/** A warning for a name whose slug had to be shortened (see slug.ts), with the address it gets. */
function overlongName(at: Place, kind: EntityKind, name: string, hint: string): Diagnostic | undefined {
  const full = fullSlug(name);
  if (!isOverlong(full)) return undefined;
  return {
    severity: 'warning',
    code: 'schema',
    ...at,
    message: `${kind}: "${shown(name)}" would make an address of ${slugBytes(full)} bytes, more than the ${MAX_SLUG_BYTES} a file name can safely take: its page is ${entityUrlPath(kind, slugify(name))}`,
    hint,
  };
}

/** A warning for a slug (from a `slug:` or a file name) that had to be shortened to `bounded`. */
function overlongSlug(at: Place, what: string, full: string, bounded: string, url: string, hint: string): Diagnostic | undefined {
  if (full === bounded) return undefined;
  return {
    severity: 'warning',
    code: 'schema',
    ...at,
    message: `${what} would make an address of ${slugBytes(full)} bytes, more than the ${MAX_SLUG_BYTES} a file name can safely take: its page is ${url}`,
    hint,
  };
}

/** What to do about a long name in an article, by kind: tags have no entity files. */
function longNameHint(kind: EntityKind): string {
  return kind === 'tags'
    ? 'write a shorter tag'
    : `add an entity file (content/${kind}/) with a shorter name and this one as an alias, or with a "slug:" of its own`;
}

/** The other spellings of a key an editor may write (`organizations`), by the key they mean. */
const WRITTEN_AS: Record<string, string[]> = {};
for (const [synonym, key] of Object.entries(KEY_SYNONYMS)) (WRITTEN_AS[key] ??= []).push(synonym);

/**
 * Every finding about an article's title, names and slug. `names` are the cleaned lists, `index`
 * what the entity files say (a long name one of them gives a short slug is fine).
 */
export function articleFindings(split: SplitFile, names: Record<EntityKind, string[]>, file: string, index?: NameIndex): Diagnostic[] {
  const found: Diagnostic[] = [];
  const add = (d: Diagnostic | undefined) => d && found.push(d);
  const lineOf = (key: string) => split.keyLines.get(key);
  add(titleFinding({ file, line: lineOf('title') }, split.data['title']));
  // Every key that lists names, as written: `organizations` as well as `organisations`.
  for (const [key, value] of Object.entries(split.data)) {
    if (!(ENTITY_KINDS as readonly string[]).includes(KEY_SYNONYMS[key] ?? key)) continue;
    for (const name of Array.isArray(value) ? value : [value]) add(invisibleInName({ file, line: lineOf(key) }, key, name));
  }
  for (const kind of ENTITY_KINDS) {
    const line = lineOf(kind) ?? WRITTEN_AS[kind]?.map(lineOf).find((at) => at !== undefined);
    for (const name of names[kind]) {
      if (index?.byKey(nameKey(name)).some((e) => e.kind === kind)) continue;
      add(overlongName({ file, line }, kind, name, longNameHint(kind)));
    }
  }
  const own = split.data['slug'];
  if (typeof own === 'string') {
    add(overlongSlug({ file, line: lineOf('slug') }, `slug: "${shown(own)}"`, own, boundSlug(own), articleUrlPath(boundSlug(own)), 'write a shorter slug'));
  } else {
    const full = fullSlug(basename(file).replace(/\.(md|markdown)$/i, ''));
    add(overlongSlug({ file }, 'the file name', full, boundSlug(full), articleUrlPath(boundSlug(full)), 'rename the file to a few words, or add "slug: some-words" to the frontmatter'));
  }
  return found;
}

/** Every finding about an entity file's names and slug. */
export function entityFileFindings(split: SplitFile, kind: FileKind, name: string, ownSlug: string | undefined, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const add = (d: Diagnostic | undefined) => d && found.push(d);
  const lineOf = (key: string) => split.keyLines.get(key);
  add(invisibleInName({ file, line: lineOf('name') }, 'name', split.data['name']));
  const aliases = split.data['aliases'];
  for (const alias of Array.isArray(aliases) ? aliases : [aliases]) add(invisibleInName({ file, line: lineOf('aliases') }, 'aliases', alias));
  const other = split.data['names'];
  if (other !== null && typeof other === 'object' && !Array.isArray(other)) {
    for (const [lang, value] of Object.entries(other)) add(invisibleInName({ file, line: lineOf('names') }, `names.${lang}`, value));
  }
  if (ownSlug !== undefined) {
    add(overlongSlug({ file, line: lineOf('slug') }, `slug: "${shown(ownSlug)}"`, ownSlug, boundSlug(ownSlug), entityUrlPath(kind, boundSlug(ownSlug)), 'write a shorter slug'));
  } else {
    add(overlongName({ file, line: lineOf('name') }, kind, name, 'give the entity a shorter name with this one as an alias, or a "slug:" of its own'));
  }
  return found;
}
