import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoErrors, ContentError, formatDiagnostic, hasErrors } from '../../src/archive/diagnostics.ts';
import { displayRoot, loadArchive, loadEntityFiles } from '../../src/archive/load.ts';

let root: string;

async function archive(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const content = join(root, name, 'content');
  for (const [relative, data] of Object.entries(files)) {
    const path = join(content, relative);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, data);
  }
  return content;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'archive-load-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const GOOD = {
  'people/hun-sen.md': '---\nname: Hun Sen\naliases: [Samdech Hun Sen]\nnames: { km: ហ៊ុន សែន }\nrole: Prime Minister\n---\nLong-serving prime minister.\n',
  'people/nguyen-phu-trong.md': '---\nname: "Nguyễn Phú Trọng"\n---\n',
  'organisations/cambodian-peoples-party.md': '---\nname: "Cambodian People\'s Party"\nabbreviation: CPP\n---\n',
  'articles/2023/2023-08-07-talks.md':
    '\uFEFF---\r\ntitle: "Hun Sen and Nguyen Phu Trong pledge deeper ties"\r\ndate: 2023-08-07\r\npeople: [Samdech Hun Sen, Nguyen Phu Trong, Hun Manet]\r\norganizations: [Cambodian People’s Party]\r\ntags: diplomacy\r\n---\r\nThe leaders held video talks.\r\n',
  'articles/2022/2022-11-21-visit.md':
    '---\ntitle: Vuong Dinh Hue visits Cambodia\ndate: 2022-11-21T09:00:00+07:00\npeople: [ហ៊ុន សែន]\nplaces: [Cambodia]\npeple: [Hun Manet]\n---\nA visit.\n',
  'articles/2023/2023-09-01-draft.md': '---\ntitle: Unfinished\ndate: 2023-09-01\ndraft: true\npeople: [Hun Sen]\n---\nDraft text.\n',
  'articles/_template.md': '---\ntitle:\n---\n',
};

describe('loadArchive on a good archive', () => {
  let content: string;
  beforeAll(async () => {
    content = await archive('good', GOOD);
  });

  it('builds the index with no errors and paths editors recognise', async () => {
    const loaded = await loadArchive(content);
    expect(hasErrors(loaded.diagnostics)).toBe(false);
    expect(loaded.index.articles.map((a) => a.slug)).toEqual(['2023-08-07-talks', '2022-11-21-visit']);
    expect(loaded.index.articles.map((a) => a.file)).toEqual([
      'content/articles/2023/2023-08-07-talks.md',
      'content/articles/2022/2022-11-21-visit.md',
    ]);
    // The draft is loaded but not published.
    expect(loaded.articles.map((a) => a.slug).sort()).toEqual(['2022-11-21-visit', '2023-08-07-talks', '2023-09-01-draft']);
    expect(loaded.entityFiles.map((e) => e.file).sort()).toEqual([
      'content/organisations/cambodian-peoples-party.md',
      'content/people/hun-sen.md',
      'content/people/nguyen-phu-trong.md',
    ]);
  });

  it('resolves aliases, other-language names and diacritic variants to the filed entities', async () => {
    const { index } = await loadArchive(content);
    const hunSen = index.entity('people', 'hun-sen')!;
    expect(hunSen.articles.map((a) => a.slug)).toEqual(['2023-08-07-talks', '2022-11-21-visit']);
    expect(hunSen.facts.role).toBe('Prime Minister');
    expect(index.entity('people', 'nguyen-phu-trong')!.name).toBe('Nguyễn Phú Trọng');
    expect(index.entity('organisations', 'cambodian-peoples-party')!.articles.map((a) => a.slug)).toEqual(['2023-08-07-talks']);
    expect(index.entity('people', 'hun-manet')).toMatchObject({ hasFile: false });
    expect(index.entity('tags', 'diplomacy')!.articles).toHaveLength(1);
    expect(index.entities('people').map((e) => e.slug)).toEqual(['hun-manet', 'hun-sen', 'nguyen-phu-trong']);
  });

  it('keeps calendar dates from bare YAML dates', async () => {
    const { index } = await loadArchive(content);
    expect(index.article('2023-08-07-talks')!.date).toEqual({ date: '2023-08-07' });
    expect(index.article('2022-11-21-visit')!.date).toEqual({ date: '2022-11-21', dateTime: '2022-11-21T09:00:00+07:00' });
  });

  it('passes on warnings with file and line', async () => {
    const { diagnostics } = await loadArchive(content);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    const text = diagnostics.map(formatDiagnostic);
    expect(text).toContainEqual(expect.stringMatching(/^content\/articles\/2022\/2022-11-21-visit\.md:6:1: warning: .*peple.*did you mean "people"/));
  });

  it('includes drafts when asked', async () => {
    const { index } = await loadArchive(content, { includeDrafts: true });
    expect(index.articles.map((a) => a.slug)[0]).toBe('2023-09-01-draft');
    expect(index.entity('people', 'hun-sen')!.articles).toHaveLength(3);
  });

  it('loads entity files on their own', async () => {
    const { entityFiles, diagnostics } = await loadEntityFiles(content);
    expect(diagnostics).toEqual([]);
    expect(entityFiles.find((e) => e.slug === 'hun-sen')).toMatchObject({ kind: 'people', aliases: ['Samdech Hun Sen'], html: '<p>Long-serving prime minister.</p>' });
  });

  it('shows paths from the folder above content/', () => {
    expect(displayRoot(content)).toBe(join(root, 'good'));
  });
});

describe('loadArchive on a broken archive', () => {
  let content: string;
  beforeAll(async () => {
    content = await archive('broken', {
      'people/hun-sen.md': '---\nname: Hun Sen\n---\n',
      'people/samdech.md': '---\nname: Samdech\nslug: hun-sen\n---\n',
      'people/techo.md': '---\nname: Techo\naliases: [Hun Sen]\n---\n',
      'articles/2023/talks.md': '---\ntitle: Talks\ndate: 2023-08-07\n---\nText.\n',
      'articles/2022/talks.md': '---\ntitle: Older talks\ndate: 2022-08-07\n---\nText.\n',
      'articles/no-title.md': '---\ndate: 2023-08-07\npeople: [Hun Manet]\n---\nText.\n',
      'articles/bad-date.md': '---\ntitle: Bad date\n\ndate: 2023-02-30\n---\nText.\n',
      'articles/bad-yaml.md': '---\ntitle: Talks\ntitle: Again\n---\nText.\n',
      'articles/latin1.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
      'articles/fine.md': '---\ntitle: Fine\ndate: 2023-08-08\n---\nText.\n',
    });
  });

  it('collects every error, each naming its file (and line where known), instead of stopping at the first', async () => {
    const { diagnostics, index } = await loadArchive(content);
    const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/articles\/no-title\.md:1:1: error: .*\btitle\b.*\brequired\b/),
        expect.stringMatching(/^content\/articles\/bad-date\.md:4:1: error: .*2023-02-30/),
        expect.stringMatching(/^content\/articles\/bad-yaml\.md:3:1: error: .*duplicated/),
        expect.stringMatching(/^content\/articles\/latin1\.md: error: .*UTF-8/),
      ]),
    );
    // Two articles on /articles/talks/.
    expect(errors.filter((e) => e.includes('content/articles/2023/talks.md') && e.includes('content/articles/2022/talks.md'))).toHaveLength(1);
    // Two entity files on /people/hun-sen/.
    expect(errors.filter((e) => e.includes('content/people/hun-sen.md') && e.includes('content/people/samdech.md'))).toHaveLength(1);
    // One name claimed by two files.
    expect(errors.filter((e) => e.includes('content/people/hun-sen.md') && e.includes('content/people/techo.md'))).toHaveLength(1);
    expect(errors).toHaveLength(7);
    // What is fine is still indexed.
    expect(index.article('fine')).toBeDefined();
  });

  it('turns the errors into one ContentError listing them all', async () => {
    const { diagnostics } = await loadArchive(content);
    let thrown: unknown;
    try {
      assertNoErrors(diagnostics);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentError);
    const message = (thrown as ContentError).message;
    expect(message).toMatch(/7 content errors/);
    for (const file of ['no-title.md', 'bad-date.md', 'bad-yaml.md', 'latin1.md', 'people/samdech.md', 'people/techo.md']) {
      expect(message).toContain(file);
    }
  });
});
