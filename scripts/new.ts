/**
 * `npm run new -- "Title of the article" [--date YYYY-MM-DD] [--people "A, B"] [--organisations …]
 *   [--events …] [--places …] [--tags …] [--summary …] [--source …] [--content DIR]`
 *
 * Creates content/articles/<yyyy>/<yyyy-mm-dd>-<slug>.md with complete frontmatter, and says for
 * every name whether it is an entity the archive already knows (through its entity file's name or
 * aliases, or because other articles name it) or a new one that will get its own page. Never
 * overwrites a file.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { countOf } from '../src/shared/count-of.ts';
import { ENTITY_KINDS, KIND_LABELS, type EntityKind } from '../src/archive/kinds.ts';
import { contentDirFrom, fastStart, parseCommandLine, stdio, type Output } from './cli.ts';

export interface NewArticleOptions {
  /** The archive folder (the one holding articles/ and the entity folders). */
  contentDir: string;
  title: string;
  /** `YYYY-MM-DD`; today's local calendar date when absent. */
  date?: string;
  people?: string[];
  organisations?: string[];
  events?: string[];
  places?: string[];
  tags?: string[];
  summary?: string;
  source?: string;
  /** The clock, for tests. */
  now?: Date;
}

export interface NameResolution {
  kind: EntityKind;
  /** The name as given. */
  input: string;
  /** The name written into the frontmatter: the canonical one for a known entity. */
  name: string;
  slug: string;
  existing: boolean;
  /** The entity file that declares it, when there is one. */
  file?: string;
  /** Articles that already name it. */
  articles: number;
  /** A known name this one is suspiciously close to, for new names. */
  similar?: string;
}

export interface NewArticleResult {
  /** Absolute path of the new file. */
  path: string;
  /** The path shown to editors (relative to the archive folder's parent: content/articles/…). */
  file: string;
  slug: string;
  text: string;
  resolutions: NameResolution[];
}

/** A problem the editor must fix before an article can be created; the message says how. */
export class NewArticleError extends Error {
  override name = 'NewArticleError';
}

/** Slugs are cut at a hyphen to stay readable in an address. */
const MAX_SLUG = 80;

/** `"A, B"` and repeated options alike: `--people A --people "B, C"` → A, B, C. A `;` separates names that contain commas. */
export function splitNames(values: string | readonly string[] | undefined): string[] {
  const list = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  return list.flatMap((value) => value.split(value.includes(';') ? ';' : ',')).map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** The local calendar date of an instant: what "today" means to the editor at the keyboard. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One line per name: `Hun Sen → people/hun-sen (existing)` or `Jane Doe → new person, page /people/jane-doe/`. */
export function describeResolution(r: NameResolution): string {
  if (r.existing) {
    const notes = [
      'existing',
      r.name !== r.input ? `written as "${r.name}"` : undefined,
      r.file ? undefined : `named in ${countOf(r.articles, 'article')}, no entity file`,
    ].filter(Boolean);
    return `${r.input} → ${r.kind}/${r.slug} (${notes.join(', ')})`;
  }
  return `${r.input} → new ${KIND_LABELS[r.kind].singular.toLowerCase()}, page /${r.kind}/${r.slug}/${r.similar ? ` (did you mean "${r.similar}"?)` : ''}`;
}

export async function createArticle(options: NewArticleOptions): Promise<NewArticleResult> {
  // The engine is imported here, not at the top, so the command line can set up fastStart() first.
  const [{ loadEntityFiles, displayRoot }, { buildNameIndex }, { nameKey, sameName, cleanName, closest }, { slugify }, { parseDate }, { renderArticleFile }] =
    await Promise.all([
      import('../src/archive/load.ts'),
      import('../src/archive/name-index.ts'),
      import('../src/archive/names.ts'),
      import('../src/archive/slug.ts'),
      import('../src/archive/dates.ts'),
      import('./import/article-file.ts'),
    ]);
  const known = await scanArticles(options.contentDir);

  const title = cleanName(options.title ?? '');
  if (title === '') throw new NewArticleError('the article needs a title: npm run new -- "Title of the article"');
  const date = options.date?.trim() ?? localDate(options.now ?? new Date());
  const parsed = parseDate(date);
  if (!parsed.ok) throw new NewArticleError(`--date: ${parsed.message}`);
  if (parsed.value.dateTime) throw new NewArticleError(`--date: write the calendar day only, like ${parsed.value.date}`);

  const slugWords = slugify(title);
  if (slugWords === '') throw new NewArticleError(`the title "${title}" has no letters or digits to make an address from: reword it`);
  const slug = `${parsed.value.date}-${truncateSlug(slugWords)}`;
  const path = join(options.contentDir, 'articles', parsed.value.date.slice(0, 4), `${slug}.md`);
  const file = relative(displayRoot(options.contentDir), path).split('\\').join('/');
  if (existsSync(path)) throw new NewArticleError(`${file} already exists; it was left as it is: choose another title or --date, or edit that file`);
  const sameSlug = known.slugs.get(slug);
  if (sameSlug) throw new NewArticleError(`${sameSlug} already has the address /articles/${slug}/: choose another title or date, or edit that file`);

  const { entityFiles } = await loadEntityFiles(options.contentDir);
  const names = buildNameIndex(entityFiles);
  const fileBySlug = new Map(entityFiles.map((f) => [`${f.kind}/${f.slug}`, f.file]));
  const resolutions: NameResolution[] = [];
  const lists = {} as Record<EntityKind, string[]>;

  for (const kind of ENTITY_KINDS) {
    lists[kind] = [];
    for (const input of splitNames(options[kind])) {
      const key = nameKey(input);
      if (key === '') throw new NewArticleError(`--${kind}: "${input}" is not a name`);
      const filed = names.byKey(key).find((e) => e.kind === kind);
      const used = known.names[kind].get(key);
      // `C#` must not quietly become the archive's `C++`: the build would refuse the pair anyway.
      const spellings = filed ? filed.names.filter((n) => nameKey(n) === key) : used ? [used.spelling] : [];
      if (spellings.length > 0 && !spellings.some((n) => sameName(n, input))) {
        throw new NewArticleError(
          `--${kind}: "${input}" and the archive's "${spellings[0]}" differ only in symbols, so they would be one page: write "${spellings[0]}" if they are the same, or the symbols as words if they are not`,
        );
      }
      let resolution: NameResolution;
      if (filed) {
        resolution = { kind, input, name: filed.name, slug: filed.slug, existing: true, file: fileBySlug.get(`${kind}/${filed.slug}`), articles: used?.articles ?? 0 };
      } else if (used) {
        resolution = { kind, input, name: used.spelling, slug: slugify(used.spelling), existing: true, articles: used.articles };
      } else {
        const slugOfName = slugify(input);
        const owner = [...names.byKey(key), ...entityFiles.filter((f) => f.kind === kind && f.slug === slugOfName)].find((e) => e.kind === kind);
        if (owner) throw new NewArticleError(`--${kind}: "${input}" would have the address /${kind}/${slugOfName}/, which belongs to "${owner.name}": write that name or an alias of it`);
        resolution = { kind, input, name: cleanName(input), slug: slugOfName, existing: false, articles: 0, similar: similarName(key, kind) };
      }
      resolutions.push(resolution);
      if (!lists[kind].some((n) => nameKey(n) === nameKey(resolution.name))) lists[kind].push(resolution.name);
    }
  }

  function similarName(key: string, kind: EntityKind): string | undefined {
    if (key.length < 5) return undefined;
    const candidates = [
      ...entityFiles.filter((f) => f.kind === kind).flatMap((f) => [f.name, ...f.aliases]),
      ...[...known.names[kind].values()].map((u) => u.spelling),
    ];
    return closest(key, candidates, { keyOf: nameKey, skipSame: true });
  }

  const text = renderArticleFile(
    {
      title,
      date: parsed.value.date,
      summary: options.summary?.trim() || undefined,
      source: options.source?.trim() || undefined,
      people: lists.people,
      organisations: lists.organisations,
      events: lists.events,
      places: lists.places,
      tags: lists.tags,
      draft: false,
    },
    '',
    { complete: true },
  );

  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new NewArticleError(`${file} already exists; it was left as it is: choose another title or --date, or edit that file`);
    }
    throw error;
  }
  return { path, file, slug, text, resolutions };
}

interface KnownName {
  /** The spelling most articles use. */
  spelling: string;
  articles: number;
}

/**
 * What the existing articles say, read from their frontmatter only (no Markdown rendering): the
 * names they use per kind, by name key, and the article addresses already taken.
 */
export async function scanArticles(contentDir: string): Promise<{ names: Record<EntityKind, Map<string, KnownName>>; slugs: Map<string, string> }> {
  const [{ listArticleFiles, readSource }, { splitFrontmatter }, { nameKey, cleanName, rankSpellings }, { slugFromPath }, { displayRoot }] = await Promise.all([
    import('../src/archive/content-dir.ts'),
    import('../src/archive/frontmatter.ts'),
    import('../src/archive/names.ts'),
    import('../src/archive/article.ts'),
    import('../src/archive/load.ts'),
  ]);
  const spellings = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, new Map<string, Map<string, number>>()])) as Record<EntityKind, Map<string, Map<string, number>>>;
  const slugs = new Map<string, string>();
  const root = displayRoot(contentDir);
  for (const path of await listArticleFiles(contentDir)) {
    const source = await readSource(path, root);
    if ('severity' in source) continue;
    const split = splitFrontmatter(source.text, source.file);
    if (!split.ok) continue;
    const data = split.value.data;
    const slug = typeof data['slug'] === 'string' ? data['slug'] : slugFromPath(source.file);
    if (!slugs.has(slug)) slugs.set(slug, source.file);
    for (const kind of ENTITY_KINDS) {
      const raw = kind === 'organisations' ? [data['organisations'], data['organizations']] : [data[kind]];
      const seen = new Set<string>();
      for (const value of raw.flat()) {
        if (typeof value !== 'string' && typeof value !== 'number') continue;
        const name = cleanName(String(value));
        const key = nameKey(name);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        const counts = spellings[kind].get(key) ?? new Map<string, number>();
        counts.set(name, (counts.get(name) ?? 0) + 1);
        spellings[kind].set(key, counts);
      }
    }
  }
  const names = {} as Record<EntityKind, Map<string, KnownName>>;
  for (const kind of ENTITY_KINDS) {
    names[kind] = new Map(
      [...spellings[kind]].map(([key, counts]) => {
        return [key, { spelling: rankSpellings(counts)[0]!, articles: [...counts.values()].reduce((sum, n) => sum + n, 0) }];
      }),
    );
  }
  return { names, slugs };
}

function truncateSlug(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const end = cut.lastIndexOf('-');
  return end > MAX_SLUG / 2 ? cut.slice(0, end) : slug.slice(0, MAX_SLUG);
}

const USAGE = `usage: npm run new -- "Title of the article" [options]

  --date YYYY-MM-DD         the article's date (default: today)
  --people "A, B"           people the article is about (also --organisations, --events,
                            --places, --tags); separate names with commas, or with ; when a
                            name has a comma in it; the option may be repeated
  --summary "…"             one sentence (otherwise the first paragraph is used)
  --source "…"              the publication the article comes from
  --content DIR             the archive folder (default: $ARCHIVE_CONTENT or content/)`;

export async function main(argv: string[], io: Output, env: NodeJS.ProcessEnv = process.env, now?: Date): Promise<number> {
  const list = { type: 'string', multiple: true } as const;
  const parsed = parseCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        people: list,
        organisations: list,
        organizations: list,
        events: list,
        places: list,
        tags: list,
        summary: { type: 'string' },
        source: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`error: ${positionals.length === 0 ? 'give the title' : 'put the title in quotes'}\n${USAGE}`);
    return 2;
  }
  try {
    const result = await createArticle({
      contentDir: contentDirFrom(values.content, env),
      title: positionals[0]!,
      date: values.date,
      people: values.people,
      organisations: [...(values.organisations ?? []), ...(values.organizations ?? [])],
      events: values.events,
      places: values.places,
      tags: values.tags,
      summary: values.summary,
      source: values.source,
      now,
    });
    for (const r of result.resolutions) io.out(describeResolution(r));
    io.out(`created ${relative(env.INIT_CWD ?? process.cwd(), result.path) || result.file}`);
    io.out(`the article will be at /articles/${result.slug}/; write it below the closing ---`);
    return 0;
  } catch (error) {
    if (error instanceof NewArticleError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  fastStart();
  process.exitCode = await main(process.argv.slice(2), stdio);
}
