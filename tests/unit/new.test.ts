import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processArticle } from '../../src/archive/article.ts';
import { checkArchive } from '../../src/archive/check.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';
import { createArticle, describeResolution, localDate, main, NewArticleError, splitNames } from '../../scripts/new.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A small archive: two entity files and one article that names an unfiled person and a tag. */
function archive(): string {
  const contentDir = join(tempDir('new-test'), 'content');
  const files: Record<string, string> = {
    'people/hun-sen.md': '---\nname: Hun Sen\naliases: [Samdech Hun Sen]\n---\nPrime Minister.\n',
    'organisations/cpp.md': "---\nname: Cambodian People's Party\nabbreviation: CPP\naliases: [CPP]\n---\n",
    'articles/2022/2022-05-01-earlier.md': '---\ntitle: Earlier\ndate: 2022-05-01\npeople: [Richard Miles, Hun Sen]\ntags: [Diplomacy]\n---\nText.\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  return contentDir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('splitNames', () => {
  it('splits on commas, or on semicolons when a name has a comma, over repeated options', () => {
    expect(splitNames('Hun Sen, Jane  Doe ,')).toEqual(['Hun Sen', 'Jane Doe']);
    expect(splitNames(['A', 'B, C'])).toEqual(['A', 'B', 'C']);
    expect(splitNames('Matt Chessen, Department of State; Jane Doe')).toEqual(['Matt Chessen, Department of State', 'Jane Doe']);
    expect(splitNames(undefined)).toEqual([]);
  });
});

describe('localDate', () => {
  it('is the calendar date on the editor’s clock', () => {
    expect(localDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localDate(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31');
  });
});

describe('createArticle', () => {
  it('writes complete, valid frontmatter at articles/<yyyy>/<date>-<slug>.md', async () => {
    const contentDir = archive();
    const title = 'Hun Sen: "We will talk" — #1 [analysis] & more';
    const result = await createArticle({
      contentDir,
      title,
      date: '2023-08-07',
      people: ['Samdech Hun Sen, Jane Doe'],
      organisations: ['cpp'],
      places: ['Cambodia'],
      tags: ['diplomacy'],
      summary: 'Talks: "frank", #useful',
      source: 'The Phnom Penh Post',
    });
    expect(result.file).toBe('content/articles/2023/2023-08-07-hun-sen-we-will-talk-1-analysis-more.md');
    expect(result.path).toBe(join(contentDir, 'articles', '2023', '2023-08-07-hun-sen-we-will-talk-1-analysis-more.md'));
    expect(readFileSync(result.path, 'utf8')).toBe(result.text);
    expect(result.text).toBe(
      [
        '---',
        'title: "Hun Sen: \\"We will talk\\" — #1 [analysis] & more"',
        'date: 2023-08-07',
        'summary: "Talks: \\"frank\\", #useful"',
        'source: "The Phnom Penh Post"',
        'people:',
        '  - "Hun Sen"',
        '  - "Jane Doe"',
        'organisations:',
        `  - "Cambodian People's Party"`,
        'events: []',
        'places:',
        '  - "Cambodia"',
        'tags:',
        '  - "Diplomacy"',
        'draft: false',
        '---',
        '',
      ].join('\n'),
    );
    // The engine reads back exactly what was asked for.
    const parsed = processArticle(result.text, result.file);
    expect(parsed.article?.title).toBe(title);
    expect(parsed.article?.summary).toBe('Talks: "frank", #useful');
    expect(parsed.article?.names.people).toEqual(['Hun Sen', 'Jane Doe']);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('says which names are known (by name, alias or other articles) and which will be new', async () => {
    const result = await createArticle({
      contentDir: archive(),
      title: 'Talks',
      date: '2023-08-07',
      people: ['Hun Sen', 'samdech hun sen', 'richard  MILES', 'Jane Doe', 'Hun Senn'],
      tags: ['diplomacy', 'trade'],
    });
    expect(result.resolutions.map(describeResolution)).toEqual([
      'Hun Sen → people/hun-sen (existing)',
      'samdech hun sen → people/hun-sen (existing, written as "Hun Sen")',
      'richard MILES → people/richard-miles (existing, written as "Richard Miles", named in 1 article, no entity file)',
      'Jane Doe → new person, page /people/jane-doe/',
      'Hun Senn → new person, page /people/hun-senn/ (did you mean "Hun Sen"?)',
      'diplomacy → tags/diplomacy (existing, written as "Diplomacy", named in 1 article, no entity file)',
      'trade → new tag, page /tags/trade/',
    ]);
    expect(result.text).toContain('people:\n  - "Hun Sen"\n  - "Richard Miles"\n  - "Jane Doe"\n  - "Hun Senn"\n');
  });

  it('writes a name no entity file has as the build shows it: spellings used as often, the one with diacritics', async () => {
    const contentDir = archive();
    writeFileSync(join(contentDir, 'articles', '2022', '2022-06-01-a.md'), '---\ntitle: A\ndate: 2022-06-01\npeople: [Nguyen Phu Trong]\n---\nText.\n');
    writeFileSync(join(contentDir, 'articles', '2022', '2022-06-02-b.md'), '---\ntitle: B\ndate: 2022-06-02\npeople: [Nguyễn Phú Trọng]\n---\nText.\n');
    const result = await createArticle({ contentDir, title: 'Talks', date: '2023-08-07', people: ['nguyen phu trong'] });
    const { index } = await loadArchive(contentDir);
    const built = index.entity('people', 'nguyen-phu-trong')!.name;
    expect(built).toBe('Nguyễn Phú Trọng');
    expect(result.resolutions[0]!.name).toBe(built);
  });

  it('refuses a name that differs from a known one only in symbols, and writes nothing', async () => {
    const contentDir = archive();
    writeFileSync(join(contentDir, 'articles', '2022', 'code.md'), '---\ntitle: Code\ndate: 2022-01-01\ntags: [C++]\n---\nText.\n');
    await expect(createArticle({ contentDir, title: 'Sharp', date: '2023-01-01', tags: ['C#'] })).rejects.toThrow(
      new NewArticleError('--tags: "C#" and the archive\'s "C++" differ only in symbols, so they would be one page: write "C++" if they are the same, or the symbols as words if they are not'),
    );
    await expect(createArticle({ contentDir, title: 'Plus', date: '2023-01-01', tags: ['c++'] })).resolves.toMatchObject({ text: expect.stringContaining('tags:\n  - "C++"\n') });
    expect(existsSync(join(contentDir, 'articles', '2023', '2023-01-01-sharp.md'))).toBe(false);
  });

  it('dates the article today (local calendar date) unless told otherwise', async () => {
    const result = await createArticle({ contentDir: archive(), title: 'Late news', now: new Date(2024, 1, 29, 23, 30) });
    expect(result.file).toBe('content/articles/2024/2024-02-29-late-news.md');
    expect(result.text).toContain('\ndate: 2024-02-29\n');
  });

  it('refuses to overwrite a file, and leaves it as it was', async () => {
    const contentDir = archive();
    const first = await createArticle({ contentDir, title: 'Same title', date: '2023-01-01' });
    writeFileSync(first.path, `${first.text}Written by the editor.\n`);
    await expect(createArticle({ contentDir, title: 'Same title', date: '2023-01-01' })).rejects.toThrow(
      new NewArticleError('content/articles/2023/2023-01-01-same-title.md already exists; it was left as it is: choose another title or --date, or edit that file'),
    );
    expect(readFileSync(first.path, 'utf8')).toContain('Written by the editor.');
  });

  it('refuses an address another article already has through its own slug', async () => {
    const contentDir = archive();
    writeFileSync(join(contentDir, 'articles', '2022', 'other.md'), '---\ntitle: Other\ndate: 2022-01-01\nslug: 2023-01-01-taken\n---\nText.\n');
    await expect(createArticle({ contentDir, title: 'Taken', date: '2023-01-01' })).rejects.toThrow(/other\.md already has the address \/articles\/2023-01-01-taken\//);
  });

  it('rejects impossible dates, empty titles and titles without letters', async () => {
    const contentDir = archive();
    await expect(createArticle({ contentDir, title: 'X', date: '2023-02-30' })).rejects.toThrow('--date: "2023-02-30" is not a real calendar day');
    await expect(createArticle({ contentDir, title: 'X', date: '7 Aug 2023' })).rejects.toThrow(/--date: "7 Aug 2023" is not a date/);
    await expect(createArticle({ contentDir, title: '   ' })).rejects.toThrow(/needs a title/);
    await expect(createArticle({ contentDir, title: '!!! ???' })).rejects.toThrow(/no letters or digits/);
    expect(existsSync(join(contentDir, 'articles', '2023'))).toBe(false);
  });

  it('creates an article the content check accepts, reminding the editor to write the body', async () => {
    const contentDir = archive();
    await createArticle({ contentDir, title: 'A new story', date: '2023-08-07', people: ['Hun Sen'], organisations: ['CPP'] });
    const { findings, summary } = await checkArchive(contentDir);
    expect(summary.errors).toBe(0);
    expect(findings.filter((f) => f.file.endsWith('2023-08-07-a-new-story.md')).map(formatDiagnostic)).toEqual([
      'content/articles/2023/2023-08-07-a-new-story.md:15:1: warning: the article has no body text (write the article below the closing ---)',
    ]);
  });

  it('cuts a very long title’s address at a word boundary', async () => {
    const title = 'A very long title that goes on and on about the many things that happened during the week of the summit';
    const result = await createArticle({ contentDir: archive(), title, date: '2023-08-07' });
    const slug = result.slug.slice('2023-08-07-'.length);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
  });
});

describe('scripts/new.ts', () => {
  it('prints each name’s resolution and the new file', async () => {
    const contentDir = archive();
    const { io, out } = capture();
    const code = await main(['Talks in Phnom Penh', '--date', '2023-08-07', '--people', 'Samdech Hun Sen, Jane Doe', '--content', contentDir], io, { INIT_CWD: dirname(contentDir) });
    expect(code).toBe(0);
    expect(out).toEqual([
      'Samdech Hun Sen → people/hun-sen (existing, written as "Hun Sen")',
      'Jane Doe → new person, page /people/jane-doe/',
      'created content/articles/2023/2023-08-07-talks-in-phnom-penh.md',
      'the article will be at /articles/2023-08-07-talks-in-phnom-penh/; write it below the closing ---',
    ]);
  });

  it('exits 1 with a clear message when the file exists, 2 on a usage mistake', async () => {
    const contentDir = archive();
    const args = ['Same', '--date', '2023-08-07', '--content', contentDir];
    expect(await main(args, capture().io, {})).toBe(0);
    const again = capture();
    expect(await main(args, again.io, {})).toBe(1);
    expect(again.err).toEqual(['error: content/articles/2023/2023-08-07-same.md already exists; it was left as it is: choose another title or --date, or edit that file']);
    const noTitle = capture();
    expect(await main(['--content', contentDir], noTitle.io, {})).toBe(2);
    expect(noTitle.err[0]).toMatch(/^error: give the title/);
    const twoWords = capture();
    expect(await main(['Two', 'words', '--content', contentDir], twoWords.io, {})).toBe(2);
    expect(twoWords.err[0]).toMatch(/put the title in quotes/);
  });

  it('runs under plain Node (type stripping), as `npm run new` runs it', () => {
    const contentDir = archive();
    const result = spawnSync(process.execPath, ['scripts/new.ts', 'Plain node', '--date', '2023-08-07', '--tags', 'x', '--content', contentDir], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('x → new tag, page /tags/x/');
    expect(existsSync(join(contentDir, 'articles', '2023', '2023-08-07-plain-node.md'))).toBe(true);
  });
});
