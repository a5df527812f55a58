/**
 * The benchmark's synthetic archive (scripts/bench/generate.ts): deterministic, shaped like a real
 * archive (a few people in many articles, Vietnamese and Khmer names, entity files with aliases),
 * and valid for the engine, so the benchmark measures a build rather than a content error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, type GeneratedArchive } from '../../scripts/bench/generate.ts';
import { mulberry32 } from '../../scripts/bench/generate/random.ts';
import { parseDuration, parseStages, type LogLine } from '../../scripts/bench/stages.ts';
import { loadArchive, type LoadedArchive } from '../../src/archive/load.ts';
import { tempDir } from '../helpers/temp.ts';

function generate(articles: number, seed = 1): GeneratedArchive {
  return generateArchive(join(tempDir('news-archive-synthetic'), 'content'), { articles, seed });
}

/** Every file under `dir`, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path));
  }
  return files;
}

function frontmatterAndBody(text: string): [string, string] {
  const end = text.indexOf('\n---\n', 4);
  return [text.slice(4, end), text.slice(end + 5)];
}

describe('mulberry32', () => {
  it('is a pure function of its seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('generateArchive', () => {
  let archive: GeneratedArchive;
  let files: Map<string, Buffer>;
  let loaded: LoadedArchive;

  beforeAll(async () => {
    archive = generate(200);
    files = snapshot(archive.contentDir);
    loaded = await loadArchive(archive.contentDir);
  }, 120_000);

  it('writes the same files, byte for byte, for the same seed', () => {
    const again = snapshot(generate(200).contentDir);
    expect([...again.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [path, bytes] of files) expect(again.get(path)?.equals(bytes), path).toBe(true);
  });

  it('writes a different archive for another seed', () => {
    const other = snapshot(generate(200, 2).contentDir);
    const same = [...other].filter(([path, bytes]) => files.get(path)?.equals(bytes)).length;
    expect(same).toBeLessThan(other.size / 2);
  });

  it('lays files out as the content contract says', () => {
    const articles = [...files.keys()].filter((p) => p.startsWith('articles/'));
    expect(articles).toHaveLength(200);
    for (const path of articles) expect(path).toMatch(/^articles\/(\d{4})\/\1-\d\d-\d\d-[a-z0-9-]+\.md$/);
    const years = new Set(articles.map((p) => p.split('/')[1]));
    expect(years.size).toBeGreaterThanOrEqual(14);
    for (const kind of ['people', 'organisations', 'events', 'places']) {
      expect([...files.keys()].some((p) => p.startsWith(`${kind}/`)), kind).toBe(true);
    }
    expect(archive.files).toBe(files.size);
  });

  it('scales the entity pools with the number of articles', () => {
    const large = generate(1000);
    expect(archive.pools.people).toBe(40);
    expect(large.pools.people).toBe(200);
    expect(large.pools.organisations).toBe(50);
    expect(large.pools.events).toBe(20);
    expect(large.pools.places).toBe(200);
    expect(large.pools.tags).toBe(60);
    // Entity files for about 30% of entities (plus the most covered and every Khmer name).
    const people = large.entityFiles.people / large.pools.people;
    expect(people).toBeGreaterThan(0.25);
    expect(people).toBeLessThan(0.5);
  });

  it('spreads coverage like Zipf: a few people in a large share of articles', () => {
    const people = loaded.index.mostCovered('people', 40);
    const top = people[0]!;
    expect(top.articles.length / 200).toBeGreaterThan(0.3);
    expect(top.name).toBe(archive.topPerson.name);
    expect(top.articles.length).toBe(archive.topPerson.articles);
    // The tenth most covered person has a fraction of the top person's coverage.
    expect(people[9]!.articles.length).toBeLessThan(top.articles.length / 3);
  });

  it('writes Khmer-script names with ASCII slugs, Vietnamese diacritics and apostrophes', () => {
    const khmer = [...files].filter(([path, bytes]) => path.startsWith('people/') && /[\u1780-\u17ff]/u.test(bytes.toString('utf8')));
    expect(khmer.length).toBeGreaterThanOrEqual(1);
    expect(archive.khmerPeople).toBeGreaterThanOrEqual(1);
    for (const [path, bytes] of khmer) {
      expect(path).toMatch(/^people\/[a-z0-9-]+\.md$/);
      expect(bytes.toString('utf8')).toMatch(/^slug: [a-z0-9-]+$/m);
    }
    const khmerEntity = loaded.index.entities('people').find((e) => /[\u1780-\u17ff]/u.test(e.name));
    expect(khmerEntity?.slug).toMatch(/^[a-z0-9-]+$/);

    const frontmatters = [...files].filter(([p]) => p.startsWith('articles/')).map(([, b]) => frontmatterAndBody(b.toString('utf8'))[0]);
    expect(frontmatters.some((fm) => /^people: .*[ạ-ỹđĐ]/mu.test(fm))).toBe(true);
    expect(frontmatters.some((fm) => /^people: .*\p{L}'\p{L}/mu.test(fm))).toBe(true);
    const vietnamese = loaded.index.entities('people').find((e) => /[ạ-ỹđĐ]/u.test(e.name));
    expect(vietnamese?.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('gives entity files aliases', () => {
    const withAliases = loaded.entityFiles.filter((e) => e.aliases.length > 0);
    expect(withAliases.length).toBeGreaterThan(loaded.entityFiles.length / 4);
    expect(loaded.entityFiles.some((e) => e.kind === 'people' && e.facts.role)).toBe(true);
  });

  it('writes 400–900-word bodies with headings, lists, links, block quotes and quotations', () => {
    const bodies = [...files].filter(([p]) => p.startsWith('articles/')).map(([, b]) => frontmatterAndBody(b.toString('utf8'))[1]);
    const words = bodies.map((body) => body.split(/\s+/).filter(Boolean).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(380);
    expect(Math.max(...words)).toBeLessThanOrEqual(1000);
    const share = (pattern: RegExp): number => bodies.filter((b) => pattern.test(b)).length / bodies.length;
    expect(share(/^## /m)).toBe(1);
    expect(share(/^(?:- |1\. )/m)).toBeGreaterThan(0.5);
    expect(share(/\]\(https:\/\/example\.(?:org|com)\//)).toBeGreaterThan(0.5);
    expect(share(/^> /m)).toBeGreaterThan(0.3);
    expect(share(/"[^"\n]+," [^\n]+ said\./)).toBeGreaterThan(0.3);
    expect(share(/“[^”\n]+[,…]” /)).toBeGreaterThan(0.3);
  });

  it('mentions every entity it tags in the body (the engine links each first mention)', () => {
    const missing: string[] = [];
    for (const article of loaded.articles) {
      const tagged = loaded.index.entitiesOf(article.slug);
      for (const kind of ['people', 'organisations', 'events', 'places'] as const) {
        for (const entity of tagged[kind]) {
          if (!article.html.includes(`href="/${kind}/${entity.slug}/"`)) missing.push(`${article.slug}: ${entity.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('loads in the engine without errors', () => {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(loaded.index.articles).toHaveLength(200);
  });

  it('loads without warnings, so a benchmark log is not a flood of findings', () => {
    const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.file}: ${d.message}`);
    expect(warnings).toEqual([]);
  });
});

describe('parseStages', () => {
  const log = (entries: [number, string][]): LogLine[] => entries.map(([t, text]) => ({ t, text }));

  it('reads the stages Astro and the project print, and leaves the others null', () => {
    const stages = parseStages(
      log([
        [100, '12:00:00 [content] Syncing content'],
        [1600, '12:00:01 [content] Synced content'],
        [1610, '12:00:01 [types] Generated 1.70s'],
        [1620, '12:00:01 [build] Collecting build info...'],
        [1625, '12:00:01 [build] ✓ Completed in 1.75s.'],
        [2000, '12:00:02 [vite] ✓ built in 951ms'],
        [2100, '12:00:02 [vite] ✓ built in 60ms'],
        [2200, ' generating static routes '],
        [2300, '12:00:02   ├─ /404.html (+83ms) '],
        [2400, '12:00:02   ├─ /people/mara-quillfeather/index.html (+8ms) '],
        [2500, '12:00:02   ├─ /people/mara-quillfeather/rss.xml (+4ms) '],
        [2600, '12:00:02   └─ /rss.xml (+6ms) '],
        [2700, '12:00:03 ✓ Completed in 1.20s.'],
        [2800, '12:00:03 [news-archive-pagefind] search index: 654 pages in 2816 ms'],
        [5600, '12:00:06 [build] 4 page(s) built in 5.50s'],
      ]),
    );
    expect(stages.contentLoad).toBe(1500);
    expect(stages.index).toBeNull();
    expect(stages.pageRendering).toBe(1200);
    expect(stages.searchIndex).toBe(2816);
    expect(stages.feeds).toBe(10);
    expect(stages.feedRoutes).toBe(2);
    expect(stages.routesRendered).toBe(4);
    expect(stages.sync).toBe(1750);
    expect(stages.bundling).toBe(1011);
    expect(stages.astroPages).toBe(4);
    expect(stages.astroTotal).toBe(5500);
  });

  it('reads an index time when the build logs one', () => {
    expect(parseStages(log([[10, '12:00:00 [news-archive] archive index built in 320ms']])).index).toBe(320);
  });

  it('reads durations in the forms builds print them', () => {
    expect(parseDuration('236ms')).toBe(236);
    expect(parseDuration('1.33s')).toBe(1330);
    expect(parseDuration('12.5 seconds')).toBe(12_500);
    expect(parseDuration('1m 3s')).toBe(63_000);
  });
});
