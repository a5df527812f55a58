/**
 * A synthetic news archive for the benchmark: deterministic for a seed, fictional throughout, and
 * shaped like a real one.
 *
 * - Articles spread over 15 years (2011–2025), 400–900 words each, with headings, lists, links,
 *   block quotes, direct quotations ("…," Mara Quillfeather said. / “…,” …) and mentions of every
 *   entity the frontmatter tags.
 * - People and organisations are drawn with a Zipf-like spread (weight 1/rank), so a few appear in a
 *   large share of the articles, as the head of government does in a real archive.
 * - Names come from syllable tables: English-looking invented names (some with apostrophes:
 *   O'Varrick), Vietnamese-pattern names with diacritics (Nguyễn Văn Thử) and, for about 1% of
 *   people, names in Khmer script with an ASCII `slug:` in their entity file.
 * - About 30% of entities (and always the most covered and the Khmer-named) get an entity file
 *   with aliases, a role or other facts, and a description.
 *
 * The generator keeps the content valid for the real build: no two entities of a kind share a
 * name key (names.ts) or a slug (slug.ts), no alias is another entity's name, no two names of a
 * kind are one edit apart (the engine warns about those as probable misspellings), and a body
 * names only entities its frontmatter tags (the engine warns about the others).
 *
 * Generation streams: entity pools are held in memory (a few thousand names), each article is
 * built and written on its own, so 50,000 articles need no more memory than 500.
 *
 * Pure apart from the files it writes: a seeded PRNG (mulberry32), no Math.random, no clock.
 * The stages are modules of generate/: random draws, word tables, the name registry, the entity
 * pools, and the files; this one runs them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../../src/archive/slug.ts';
import { articleText, entityFile, headline, pickTagged } from './generate/files.ts';
import { buildPools } from './generate/pools.ts';
import { mulberry32, zipfTable } from './generate/random.ts';
import { DAYS, isoDay, yearOfDay } from './generate/text.ts';

export interface GenerateOptions {
  /** Number of articles; default 1,000. */
  articles?: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Called every `progressEvery` articles with the number written so far. */
  onProgress?: (written: number) => void;
  progressEvery?: number;
}

export type PoolKind = 'people' | 'organisations' | 'places' | 'events' | 'tags';

export interface GeneratedArchive {
  /** The archive folder (the value for ARCHIVE_CONTENT). */
  contentDir: string;
  articles: number;
  /** Entity files written, by kind. */
  entityFiles: Record<Exclude<PoolKind, 'tags'>, number>;
  /** Size of each entity pool (names articles may tag), by kind. */
  pools: Record<PoolKind, number>;
  /** People named in Khmer script. */
  khmerPeople: number;
  /** Files and bytes written in all. */
  files: number;
  bytes: number;
  /** An article in the middle of the archive, for edit-and-rebuild measurements. */
  sampleArticle: string;
  /** The most-covered person (rank 1) and the number of articles that tag them. */
  topPerson: { name: string; articles: number };
}

// ---------------------------------------------------------------------------------------------

/**
 * Writes a synthetic archive into `dir` (the archive folder itself: `dir/articles/<yyyy>/…`,
 * `dir/people/…`), which must be empty or absent. Deterministic: the same options give the same
 * files, byte for byte.
 */
export function generateArchive(dir: string, options: GenerateOptions = {}): GeneratedArchive {
  const count = options.articles ?? 1000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error(`articles must be a positive whole number, got ${count}`);
  const poolRng = mulberry32(seed);
  const articleRng = mulberry32((seed ^ 0x9e3779b9) >>> 0);
  const pools = buildPools(poolRng, count);

  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string): void => {
    writeFileSync(path, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  const entityFiles = { people: 0, organisations: 0, places: 0, events: 0 };
  for (const kind of ['people', 'organisations', 'places', 'events'] as const) {
    const folder = join(dir, kind);
    mkdirSync(folder, { recursive: true });
    for (const entity of pools[kind]) {
      if (!entity.hasFile) continue;
      write(join(folder, `${entity.explicitSlug ?? entity.slug}.md`), entityFile(entity, poolRng));
      entityFiles[kind]++;
    }
  }

  const tables = {
    people: zipfTable(pools.people.length, 1.0),
    organisations: zipfTable(pools.organisations.length, 1.0),
    places: zipfTable(pools.places.length, 0.9),
    tags: zipfTable(pools.tags.length, 1.0),
  };
  const slugs = new Set<string>();
  const madeYears = new Set<number>();
  const topPerson = pools.people[0]!;
  let topCount = 0;
  let sampleArticle = '';
  const every = options.progressEvery ?? 5000;

  for (let i = 0; i < count; i++) {
    // Evenly spread over the 15 years, so the files come out in date order.
    const day = Math.min(DAYS - 1, Math.floor(((i + articleRng()) * DAYS) / count));
    const tagged = pickTagged(articleRng, pools, tables, day);
    if (tagged.people.includes(topPerson)) topCount++;
    const title = headline(articleRng, tagged);
    const date = isoDay(day);
    const base = `${date}-${slugify(title).split('-').slice(0, 8).join('-')}`;
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const year = yearOfDay(day);
    const folder = join(dir, 'articles', String(year));
    if (!madeYears.has(year)) {
      mkdirSync(folder, { recursive: true });
      madeYears.add(year);
    }
    const path = join(folder, `${slug}.md`);
    write(path, articleText(articleRng, day, tagged, title, slug));
    if (i === Math.floor(count / 2)) sampleArticle = path;
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1);
  }

  return {
    contentDir: dir,
    articles: count,
    entityFiles,
    pools: {
      people: pools.people.length,
      organisations: pools.organisations.length,
      places: pools.places.length,
      events: pools.events.length,
      tags: pools.tags.length,
    },
    khmerPeople: pools.people.filter((p) => p.script === 'km').length,
    files,
    bytes,
    sampleArticle,
    topPerson: { name: topPerson.name, articles: topCount },
  };
}
