import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArchive, formatSummary } from '../../src/archive/check.ts';
import { codeOf, type Finding } from '../../src/archive/check-findings.ts';
import { removedHtml } from '../../src/archive/check-html.ts';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';
import { treeOf } from '../helpers/markdown.ts';
import { main } from '../../scripts/check.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A temporary archive folder (`…/content`) holding the given files. */
function archive(files: Record<string, string>): string {
  const contentDir = join(tempDir('check-test'), 'content');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  mkdirSync(join(contentDir, 'articles'), { recursive: true });
  return contentDir;
}

function article(title: string, date: string, frontmatter: string, body: string): string {
  return `---\ntitle: "${title}"\ndate: ${date}\n${frontmatter}---\n${body}\n`;
}

const HUN_SEN = '---\nname: Hun Sen\naliases: [Samdech Hun Sen]\n---\nPrime Minister of Cambodia.\n';

const byCode = (findings: Finding[], code: Finding['code']) => findings.filter((f) => f.code === code);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('checkArchive on the example archive', () => {
  it('reports no errors, and finishes well within a second', async () => {
    await checkArchive(join(ROOT, 'content')); // warm up the modules
    const { findings, summary } = await checkArchive(join(ROOT, 'content'));
    expect(findings.filter((f) => f.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(summary.errors).toBe(0);
    expect(summary.articleFiles).toBeGreaterThan(0);
    expect(summary.entityFiles).toBeGreaterThan(0);
    expect(summary.durationMs).toBeLessThan(1000);
  });
});

describe('checkArchive: what the build reports', () => {
  it('keeps the engine’s errors as errors, with their codes', async () => {
    const cases: [string, Finding['code']][] = [
      ['impossible-date', 'date'],
      ['duplicate-slug', 'url-collision'],
      ['entity-collision', 'url-collision'],
      ['bad-yaml', 'frontmatter'],
      ['missing-title', 'schema'],
    ];
    for (const [fixture, code] of cases) {
      const { findings, summary } = await checkArchive(join(ROOT, 'tests', 'fixtures', fixture, 'content'));
      const errors = findings.filter((f) => f.severity === 'error');
      expect(errors.length, fixture).toBeGreaterThan(0);
      expect(errors.map((e) => e.code), fixture).toContain(code);
      expect(summary.errors, fixture).toBe(errors.length);
    }
  });

  it('names the line of an impossible date', async () => {
    const { findings } = await checkArchive(join(ROOT, 'tests', 'fixtures', 'impossible-date', 'content'));
    expect(findings.map(formatDiagnostic)).toContain('content/articles/2023-02-30-leap-of-faith.md:3:1: error: date: "2023-02-30" is not a real calendar day');
  });

  it('takes the kind of an engine finding from the engine, and falls back on severity', async () => {
    expect(codeOf({ severity: 'warning', code: 'untagged-mention', file: 'x.md', message: 'any wording' })).toBe('untagged-mention');
    expect(codeOf({ severity: 'error', file: 'x.md', message: 'no code' })).toBe('schema');
    expect(codeOf({ severity: 'warning', file: 'x.md', message: 'no code' })).toBe('other');
    const { findings } = await checkArchive(join(ROOT, 'tests', 'fixtures', 'impossible-date', 'content'));
    expect(findings.find((f) => f.message.includes('2023-02-30'))?.code).toBe('date');
  });

  it('warns about empty bodies', async () => {
    const dir = archive({ 'articles/2023/2023-01-01-empty.md': article('Empty', '2023-01-01', '', '') });
    const { findings } = await checkArchive(dir);
    expect(byCode(findings, 'empty-body').map(formatDiagnostic)).toEqual([
      'content/articles/2023/2023-01-01-empty.md:5:1: warning: the article has no body text (write the article below the closing ---)',
    ]);
  });
});

describe('checkArchive: unknown keys', () => {
  it('keeps a single unknown key as the engine says it, with its did-you-mean', async () => {
    const dir = archive({ 'articles/a.md': article('A', '2023-01-01', 'peple: [Hun Sen]\n', 'Text.') });
    const { findings, summary } = await checkArchive(dir);
    expect(byCode(findings, 'unknown-key').map(formatDiagnostic)).toEqual(['content/articles/a.md:4:1: warning: unknown key "peple" is ignored (did you mean "people"?)']);
    expect(summary.unknownKeys).toEqual([{ key: 'peple', count: 1, suggestion: 'people', examples: ['content/articles/a.md'] }]);
  });

  it('groups the unknown keys of one file into one finding, and counts each key across files', async () => {
    const extra = 'sumary: x\ntopics: [a]\nexpirydate: 2025-01-01\n';
    const dir = archive({
      'articles/a.md': article('A', '2023-01-01', extra, 'Text.'),
      'articles/b.md': article('B', '2023-01-02', extra, 'Text.'),
      'articles/c.md': article('C', '2023-01-03', 'topics: [a]\n', 'Text.'),
    });
    const { findings, summary } = await checkArchive(dir);
    const unknown = byCode(findings, 'unknown-key');
    expect(unknown).toHaveLength(3);
    const a = unknown.find((f) => f.file === 'content/articles/a.md')!;
    expect(a.line).toBe(4);
    expect(a.message).toBe('3 unknown keys are ignored: "sumary", "topics", "expirydate"');
    expect(a.hint).toBe('did you mean "summary" for "sumary"?');
    expect(summary.unknownKeys.map((k) => [k.key, k.count])).toEqual([
      ['topics', 3],
      ['expirydate', 2],
      ['sumary', 2],
    ]);
    expect(summary.unknownKeys.find((k) => k.key === 'sumary')?.suggestion).toBe('summary');
    expect(summary.byCode).toContainEqual({ code: 'unknown-key', count: 3 });
  });
});

describe('checkArchive: entity files no article uses', () => {
  it('warns about them, and not about the ones an article names (by any alias)', async () => {
    const dir = archive({
      'people/hun-sen.md': HUN_SEN,
      'people/nobody.md': '---\nname: Nobody Atall\n---\n',
      'articles/a.md': article('A', '2023-01-01', 'people: [Samdech Hun Sen]\n', 'Text.'),
    });
    const { findings } = await checkArchive(dir);
    expect(byCode(findings, 'unused-entity').map(formatDiagnostic)).toEqual([
      'content/people/nobody.md:1:1: warning: no article names person "Nobody Atall", so its page lists no coverage (add "Nobody Atall" to the people of the articles about it, or delete the file)',
    ]);
  });
});

describe('checkArchive: internal links', () => {
  const files = {
    'people/hun-sen.md': HUN_SEN,
    'articles/2023/2023-01-01-first.md': article('First', '2023-01-01', 'people: [Hun Sen]\ntags: [diplomacy]\n', 'Text.'),
    'articles/2023/2023-02-01-draft.md': article('Draft', '2023-02-01', 'draft: true\n', 'Draft text.'),
    'articles/2023/2023-03-01-links.md': article(
      'Links',
      '2023-03-01',
      '',
      [
        'Good: [a](/articles/2023-01-01-first/) [b](/people/hun-sen/) [c](../../people/hun-sen/) [d](/tags/diplomacy/)',
        '[e](/archive/2023/) [f](/archive/2023/01/) [g](/people/) [h](https://example.org/people/x/) [i](#top) [j](/people/hun-sen/2/)',
        '',
        'Bad: [k](/articles/2023-01-01-frist/) [l](/people/samdech-hun-sen/)',
        '',
        '[m](/archive/2019/) [n](../../places/nowhere/)',
        '',
        '<a href="/organisations/ghost/">o</a>',
        '',
        'Draft: [p](/articles/2023-02-01-draft/)',
        '',
        '[ref]: /events/missing-event/',
      ].join('\n'),
    ),
  };

  it('reports each broken link with its line and column, and a did-you-mean where there is one', async () => {
    const { findings } = await checkArchive(archive(files));
    const file = 'content/articles/2023/2023-03-01-links.md';
    expect(byCode(findings, 'broken-link').map(formatDiagnostic)).toEqual([
      `${file}:8:6: warning: broken link to /articles/2023-01-01-frist/: no article has this address (did you mean /articles/2023-01-01-first/?)`,
      `${file}:8:39: warning: broken link to /people/samdech-hun-sen/: no person has this address (did you mean /people/hun-sen/?)`,
      `${file}:10:1: warning: broken link to /archive/2019/: no published article is dated 2019 (link to a year or month the archive has)`,
      `${file}:10:21: warning: broken link to ../../places/nowhere/: no place has this address (check the address, or name the place in an article's places so it gets a page)`,
      `${file}:12:1: warning: broken link to /organisations/ghost/: no organisation has this address (check the address, or name the organisation in an article's organisations so it gets a page)`,
      `${file}:16:1: warning: broken link to /events/missing-event/: no event has this address (check the address, or name the event in an article's events so it gets a page)`,
    ]);
    expect(byCode(findings, 'draft-link').map((f) => [f.line, f.message])).toEqual([
      [14, 'the link to /articles/2023-02-01-draft/ points to a draft (content/articles/2023/2023-02-01-draft.md), which published builds leave out'],
    ]);
  });

  it('reads links under a base path and to the site’s own origin as internal', async () => {
    const dir = archive({
      'articles/2023/2023-01-01-first.md': article('First', '2023-01-01', '', 'Text.'),
      'articles/2023/2023-01-02-second.md': article(
        'Second',
        '2023-01-02',
        '',
        '[a](/news/articles/2023-01-01-first/) [b](/news/articles/nope/) [c](https://archive.example.org/news/articles/gone/) [d](/elsewhere/articles/x/)',
      ),
    });
    const { findings } = await checkArchive(dir, { base: '/news', site: 'https://archive.example.org' });
    expect(byCode(findings, 'broken-link').map((f) => f.message)).toEqual([
      'broken link to /news/articles/nope/: no article has this address',
      'broken link to https://archive.example.org/news/articles/gone/: no article has this address',
    ]);
  });
});

describe('checkArchive: what the sanitiser removes', () => {
  it('says what raw HTML is removed, on which line, and leaves code and comments alone', async () => {
    const body = [
      'Intro <span onclick="steal()">hi</span> and [x](javascript:alert(1)).', // line 5
      '',
      '<script>alert(1)</script>', // 7
      '',
      '<style>.a { color: red }</style>', // 9
      '',
      '<iframe src="https://video.example/x"></iframe>', // 11
      '',
      '<a href="JaVaScRiPt:alert(2)" onmouseover="x()">t</a>', // 13
      '',
      '<!-- an editor’s note -->',
      '',
      '```html',
      '<script>shown as code</script>',
      '```',
      '',
      '<p align="center">kept</p>',
    ].join('\n');
    const dir = archive({ 'articles/a.md': article('A', '2023-01-01', '', body) });
    const { findings } = await checkArchive(dir);
    expect(byCode(findings, 'removed-html').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '5:7 removed onclick attribute from <span>',
      '5:45 removed javascript: URL from a link',
      '7:1 removed <script> element and its content',
      '9:1 removed <style> element and its content',
      '11:1 removed <iframe> element',
      '13:1 removed javascript: URL from <a>',
      '13:1 removed onmouseover attribute from <a>',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('tells a typo in an address from a scheme the site refuses', () => {
    const tree = treeOf('[a](ttps://example.org) [b](tel:+123) [c](data:text/html,x)\n\n<img src="data:image/png;base64,xx" onerror="x()">');
    expect(removedHtml(tree, '', 'a.md').map((f) => f.message)).toEqual([
      'removed the address "ttps://example.org" from a link: it is not a web address',
      'removed tel: URL from a link',
      'removed data: URL from a link',
      'removed data: URL from <img>',
      'removed onerror attribute from <img>',
    ]);
  });
});

describe('formatSummary', () => {
  it('counts with singular and plural', () => {
    const base = { articleFiles: 1, entityFiles: 0, filesWithFindings: 1, byCode: [], unknownKeys: [] };
    expect(formatSummary({ ...base, errors: 1, warnings: 1, files: 1, durationMs: 12.4 })).toBe('1 error, 1 warning in 1 file (12 ms)');
    expect(formatSummary({ ...base, errors: 0, warnings: 3, files: 24, durationMs: 130 })).toBe('0 errors, 3 warnings in 24 files (130 ms)');
  });
});

describe('scripts/check.ts', () => {
  it('prints one line per finding and a summary, and exits 1 on errors', async () => {
    const { io, out } = capture();
    const code = await main(['--content', join(ROOT, 'tests', 'fixtures', 'impossible-date', 'content')], io, {});
    expect(code).toBe(1);
    expect(out[0]).toBe('content/articles/2023-02-30-leap-of-faith.md:3:1: error: date: "2023-02-30" is not a real calendar day');
    expect(out.at(-1)).toMatch(/^1 error, 0 warnings in 2 files \(\d+ ms\)$/);
  });

  it('exits 0 on warnings only, prints JSON with --json, and checks $ARCHIVE_CONTENT by default', async () => {
    const dir = archive({ 'articles/a.md': article('A', '2023-01-01', 'peple: [X]\n', 'Text.') });
    const { io, out } = capture();
    const code = await main(['--json'], io, { ARCHIVE_CONTENT: dir });
    expect(code).toBe(0);
    const parsed = JSON.parse(out.join('\n'));
    expect(parsed.summary).toMatchObject({ errors: 0, warnings: 1, files: 1 });
    expect(parsed.findings[0]).toMatchObject({ severity: 'warning', code: 'unknown-key', file: 'content/articles/a.md', line: 4 });
  });

  it('--quiet prints errors only', async () => {
    const dir = archive({
      'articles/a.md': article('A', '2023-01-01', 'peple: [X]\n', 'Text.'),
      'articles/b.md': article('B', '2023-02-30', '', 'Text.'),
    });
    const { io, out } = capture();
    expect(await main(['--quiet', '--content', dir], io, {})).toBe(1);
    expect(out.filter((l) => l.includes('warning:'))).toEqual([]);
    expect(out.filter((l) => l.includes('error:'))).toHaveLength(1);
  });

  it('stops with a clear message when the folder does not exist, or an option is unknown', async () => {
    const missing = capture();
    expect(await main(['--content', join(tmpdir(), 'no-such-archive-here')], missing.io, {})).toBe(2);
    expect(missing.err).toEqual([`error: there is no archive folder at ${relative(process.cwd(), join(tmpdir(), 'no-such-archive-here'))} (pass --content DIR, or set ARCHIVE_CONTENT)`]);
    const unknown = capture();
    expect(await main(['--jsn'], unknown.io, {})).toBe(2);
    expect(unknown.err.join('\n')).toContain('usage: npm run check');
  });

  it('runs under plain Node (type stripping), as `npm run check` runs it', () => {
    const result = spawnSync(process.execPath, ['scripts/check.ts', '--json', '--content', 'tests/fixtures/duplicate-slug/content'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const { findings, summary } = JSON.parse(result.stdout);
    expect(summary.errors).toBe(1);
    expect(findings[0].message).toContain('would both write /articles/harbour-report/');
  });
});
