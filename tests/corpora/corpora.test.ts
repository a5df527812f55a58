/**
 * The generator against content nobody on this project wrote: the Digital.gov news archive (Hugo)
 * and the 18F blog (Jekyll) in ../shared/corpora (see its PROVENANCE.md and MAPPING.md). Each is
 * imported into a temporary archive, checked, and one is built with the real build. The numbers
 * are printed for the issue note.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive, formatSummary, type CheckResult } from '../../src/archive/check.ts';
import { importArchive, type ImportReport } from '../../scripts/import.ts';
import { buildArchive } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CORPORA = resolve(process.env.CORPORA_DIR ?? join(ROOT, '..', 'shared', 'corpora'));
const DIGITALGOV_NEWS = join(CORPORA, 'digitalgov', 'content', 'news');
const EIGHTEEN_F_POSTS = join(CORPORA, '18f', 'content', 'posts');

/** The files MAPPING.md names as unreadable, by file name, with what their rejection must say. */
const KNOWN_BAD_NEWS: [string, RegExp][] = [
  ...[
    '2014-06-30-social-media-accessibility-issues-and-solutions.md',
    '2015-01-28-digitalgov-university-2015-training-watch.md',
    '2015-02-24-digital-analytics-program-among-finalists-for-igniting-innovation-award.md',
    '2015-06-22-citysdk-helping-civic-hackers-deliver-local-solutions.md',
    '2015-09-16-using-plain-language-to-write-for-the-web.md',
    '2015-10-28-building-the-next-generation-of-government-innovators.md',
    '2015-12-29-18f-reflects-on-their-most-meaningful-projects-in-2015.md',
    '2016-04-06-three-teams-using-the-draft-u-s-web-design-standards-talk-about-their-experiences.md',
    '2016-10-12-join-us-for-a-gender-equality-edit-a-thon-on-october-22-2016.md',
    '2016-10-17-your-first-thoughts-on-the-social-media-strategy.md',
    '2017-05-09-benefits-of-accessible-design.md',
    '2018-12-20-designing-for-translation.md',
    '2024-10-07-building-a-culture-of-customer-experience-across-government.md',
  ].map((name): [string, RegExp] => [name, /duplicated mapping key \(line \d+\)/]),
  ...[
    '2015-06-29-creating-a-social-media-report-that-matters.md',
    '2016-02-08-the-content-corner-location-aware-content.md',
    '2021-04-06-using-chatbots-to-improve-customer-experience.md',
    '2023-05-15-a-digital-accessibility-catalyst-for-your-next-policy-refresh.md',
  ].map((name): [string, RegExp] => [name, /does not start on the first line .*blank line/]),
  ['2018-09-24-example.md', /^no title/],
];

function line(label: string, value: unknown): void {
  console.log(`[corpora] ${label}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

function logImport(name: string, report: ImportReport): void {
  line(`${name} import`, `${report.imported} imported of ${report.files} (${report.warned} with warnings), ${report.rejected.length} rejected, ${Math.round(report.durationMs)} ms`);
  for (const r of report.rejected) line(`${name} rejected`, `${r.file}: ${r.reason}`);
  line(`${name} warnings`, report.warningsByKind.map((w) => `${w.files} × ${w.label}`).join('; '));
}

function logCheck(name: string, result: CheckResult): void {
  line(`${name} check`, formatSummary(result.summary));
  line(`${name} check by kind`, result.summary.byCode.map((c) => `${c.code} ${c.count}`).join(', '));
  if (result.summary.unknownKeys.length > 0) {
    line(`${name} unknown keys`, result.summary.unknownKeys.slice(0, 15).map((k) => `${k.key} ×${k.count}${k.suggestion ? ` (→ ${k.suggestion})` : ''}`).join(', '));
  }
}

/** Site paths of the HTML pages under a built site (`/articles/x/`, `/404.html`). */
function htmlPages(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.split('\\').join('/')}`.replace(/index\.html$/, ''));
}

const tempArchive = (name: string) => join(tempDir(`corpus-${name}`), 'content');

beforeAll(() => {
  // Fail, do not skip: this suite is run where the corpora exist, and a missing corpus is an error.
  if (!existsSync(DIGITALGOV_NEWS) || !existsSync(EIGHTEEN_F_POSTS)) {
    throw new Error(
      `The real-world corpora are missing: expected ${DIGITALGOV_NEWS} and ${EIGHTEEN_F_POSTS} (shared/corpora beside the project; set CORPORA_DIR to use another place). ` +
        'npm run test:corpora only runs where they exist.',
    );
  }
});

describe('Digital.gov news (Hugo)', () => {
  let report: ImportReport;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = tempArchive('digitalgov');
    report = await importArchive({ dir: DIGITALGOV_NEWS, out: contentDir });
    logImport('digitalgov', report);
  });

  it('imports most posts, and rejects each of the rest with its reason', () => {
    expect(report.format).toBe('hugo');
    expect(report.files).toBe(2083);
    expect(report.imported + report.rejected.length).toBe(report.files);
    expect(report.imported).toBeGreaterThan(report.files * 0.97);
    for (const r of report.rejected) expect(r.reason.length, r.file).toBeGreaterThan(10);
    expect(report.lookups).toMatchObject({ authors: expect.any(Number), topics: expect.any(Number), sources: expect.any(Number) });
    expect(report.lookups.authors).toBeGreaterThan(1000);
  });

  it('rejects the known-bad files of MAPPING.md with the right reason', () => {
    const byName = new Map(report.rejected.map((r) => [r.file.split('/').pop()!, r.reason]));
    for (const [name, reason] of KNOWN_BAD_NEWS) {
      expect(byName.get(name), name).toMatch(reason);
    }
  });

  it('maps the tricky frontmatter: local calendar dates, entities in titles, author names, drafts', () => {
    const read = (path: string) => readFileSync(join(contentDir, 'articles', path), 'utf8');
    // 2019-12-31 22:00:00 -0500 is 2020 in UTC; the article belongs to 31 December 2019.
    const typography = read('2019/2019-12-31-typography.md');
    expect(typography).toContain('date: 2019-12-31T22:00:00-05:00\n');
    expect(typography).toContain('draft: true\n');
    const irs = read('2014/2014-02-20-124062.md');
    expect(irs).toContain('title: "IRS Offers Updated ‘IRS2Go’ App"');
    expect(irs).toContain('date: 2014-02-20T09:01:19-04:00\n');
    const written = new Map(report.written.map((w) => [w.file.split('/').pop()!, w.out]));
    const gabriel = [...written.values()].map((out) => read(out.replace(/^articles\//, ''))).find((text) => text.includes('"Gabriel Ramirez"'));
    expect(gabriel, 'an article by Gabriel Ramirez').toBeDefined();
  });

  it('checks the imported archive without errors, and summarises its findings', async () => {
    const result = await checkArchive(contentDir);
    logCheck('digitalgov imported', result);
    expect(result.summary.articleFiles).toBe(report.imported);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The 270 link posts have no body; the check says so.
    expect(result.summary.byCode.find((c) => c.code === 'empty-body')?.count).toBeGreaterThan(200);
  });

  it('checks the raw corpus too: thousands of unknown keys become one finding per file and a count per key', async () => {
    const raw = tempArchive('digitalgov-raw');
    mkdirSync(raw, { recursive: true });
    symlinkSync(DIGITALGOV_NEWS, join(raw, 'articles'), 'dir');
    const result = await checkArchive(raw);
    logCheck('digitalgov raw', result);
    const unknownPerFile = new Map<string, number>();
    for (const f of result.findings) if (f.code === 'unknown-key') unknownPerFile.set(f.file, (unknownPerFile.get(f.file) ?? 0) + 1);
    expect(Math.max(...unknownPerFile.values())).toBe(1);
    const counts = new Map(result.summary.unknownKeys.map((k) => [k.key, k.count]));
    expect(counts.get('topics') ?? 0).toBeGreaterThan(2000);
    expect(counts.get('expirydate') ?? 0).toBeGreaterThan(1500);
    expect(result.summary.unknownKeys.find((k) => k.key === 'tag')?.suggestion).toBe('tags');
    const errorFiles = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.file.split('/').pop()));
    for (const [name] of KNOWN_BAD_NEWS) expect(errorFiles.has(name), name).toBe(true);
  });
});

describe('18F blog (Jekyll)', () => {
  let report: ImportReport;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = tempArchive('18f');
    report = await importArchive({ dir: EIGHTEEN_F_POSTS, out: contentDir });
    logImport('18f', report);
  });

  it('imports the posts, dating the 87 without a date from their file names', () => {
    expect(report.format).toBe('jekyll');
    expect(report.files).toBe(509);
    expect(report.imported).toBeGreaterThan(report.files * 0.97);
    for (const r of report.rejected) expect(r.reason.length, r.file).toBeGreaterThan(10);
    expect(report.lookups.team).toBeGreaterThan(300);
    const read = (path: string) => readFileSync(join(contentDir, 'articles', path), 'utf8');
    expect(read('2014/2014-09-25-design-studio-onrr.md')).toContain('date: 2014-09-25\n');
    expect(read('2024/2024-12-05-18f-project-defaults.md')).toMatch(/\ndate: 2024-12-05\n/);
    expect(report.warnings.some((w) => w.file === '2014-05-14-hacking-bureaucracy-improving-hiring-and-software.md' && w.kind === 'text-key')).toBe(true);
  });

  it('checks the imported archive without errors, and says what raw HTML the site will not show', async () => {
    const result = await checkArchive(contentDir);
    logCheck('18f imported', result);
    expect(result.summary.articleFiles).toBe(report.imported);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const scripts = result.findings.filter((f) => f.message === 'removed <script> element and its content');
    expect(scripts.map((f) => f.file)).toContainEqual(expect.stringContaining('2016-01-21-what-we-can-learn-from-the-interiors-social-feeds.md'));
  });

  it('builds with the real build', () => {
    const started = performance.now();
    const build = buildArchive(contentDir);
    const seconds = (performance.now() - started) / 1000;
    const pages = htmlPages(build.outDir);
    line('18f build', `${build.ok ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s, ${pages.length} pages (${(pages.length / seconds).toFixed(0)} pages/s)`);
    expect(build.ok, build.output.slice(-3000)).toBe(true);
    expect(pages.filter((p) => p.startsWith('/articles/')).length).toBeGreaterThanOrEqual(report.imported);
    expect(build.page('/articles/2014-09-25-design-studio-onrr/')).toContain('design studio');
    expect(build.page('/people/gabriel-ramirez/')).toContain('Gabriel Ramírez');
    expect(build.page('/tags/how-we-work/')).toBeDefined();
    expect(build.page('/archive/2014/')).toBeDefined();
    const hello = build.page('/articles/2016-01-21-what-we-can-learn-from-the-interiors-social-feeds/');
    expect(hello).toBeDefined();
    // The post's Instagram embed script and its inline <script> are gone; its text is not.
    expect(hello).not.toContain('platform.instagram.com/en_US/embeds.js');
    expect(hello).not.toContain("iframe that their script creates");
  });
});
