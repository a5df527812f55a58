import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articlesDir,
  displayPath,
  entityDir,
  listArticleFiles,
  listArticles,
  listEntities,
  readSource,
} from '../../src/archive/content-dir.ts';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';

let root: string;
let content: string;

async function put(relative: string, data: string | Uint8Array) {
  const path = join(content, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, data);
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'archive-content-dir-'));
  content = join(root, 'content');
  await put('articles/2023/2023-08-07-talks.md', '---\ntitle: Talks\n---\n');
  await put('articles/2022/11/2022-11-21-visit.markdown', 'x');
  await put('articles/top.MD', 'x');
  await put('articles/_template.md', 'x');
  await put('articles/.hidden.md', 'x');
  await put('articles/notes.txt', 'x');
  await put('articles/image.png', 'x');
  await mkdir(join(content, 'articles/folder.md'), { recursive: true }); // a folder named like a file
  await put('people/hun-sen.md', 'x');
  await put('people/_draft-person.md', 'x');
  await put('organisations/asean.md', 'x');
  await put('places/cambodia.md', 'x');
  await put('tags/diplomacy.md', 'x'); // tags have no entity files
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listing files', () => {
  it('lists article Markdown files in every sub-folder, sorted, and says why each other file is not read', async () => {
    const { paths, findings } = await listArticles(content);
    expect(paths.map((p) => displayPath(p, root))).toEqual([
      'content/articles/2022/11/2022-11-21-visit.markdown',
      'content/articles/2023/2023-08-07-talks.md',
      'content/articles/top.MD',
    ]);
    expect(findings.map(formatDiagnostic)).toEqual([
      'content/articles/.hidden.md: warning: not read: a name starting with "." makes the file hidden (that is the convention for files kept out of the site; to publish it, rename it without the "."; for an article not ready yet, draft: true keeps it off the site but in npm run dev and npm run check)',
      'content/articles/_template.md: warning: not read: a name starting with "_" keeps the file out of the archive (that is the convention for templates and notes; to publish it, rename it without the "_"; for an article not ready yet, draft: true keeps it off the site but in npm run dev and npm run check)',
      'content/articles/folder.md: warning: this is a folder, not a Markdown file: the files in it are read, the folder itself is not (rename the folder if its name is a mistake)',
      'content/articles/image.png: warning: not read: only Markdown files (.md, .markdown) are read (rename it to "image.md" if it is meant for the archive, or move it out of content/articles/)',
      'content/articles/notes.txt: warning: not read: only Markdown files (.md, .markdown) are read (rename it to "notes.md" if it is meant for the archive, or move it out of content/articles/)',
    ]);
    expect(await listArticleFiles(content)).toEqual(paths);
  });

  it('lists entity files by kind, without tags and without _ files', async () => {
    const { files, findings } = await listEntities(content);
    expect(files.map(({ kind, path }) => [kind, displayPath(path, root)])).toEqual([
      ['people', 'content/people/hun-sen.md'],
      ['organisations', 'content/organisations/asean.md'],
      ['places', 'content/places/cambodia.md'],
    ]);
    expect(findings.map((f) => f.file)).toEqual(['content/people/_draft-person.md']);
  });

  it('treats missing folders as empty (archiveFindings says whether they should be there)', async () => {
    const missing = join(root, 'no-such-content');
    expect(await listArticles(missing)).toEqual({ paths: [], findings: [] });
    expect(await listEntities(missing)).toEqual({ files: [], findings: [] });
  });

  it('builds the folder paths of the contract', () => {
    expect(displayPath(articlesDir(content), root)).toBe('content/articles');
    expect(displayPath(entityDir(content, 'events'), root)).toBe('content/events');
  });
});

describe('readSource', () => {
  it('reads UTF-8 text with a path relative to the root, with forward slashes', async () => {
    const path = await put('articles/2023/vi.md', '---\ntitle: "Nguyễn Phú Trọng — ហ៊ុន សែន"\n---\n');
    const source = await readSource(path, root);
    expect(source).toEqual({ path, file: 'content/articles/2023/vi.md', text: '---\ntitle: "Nguyễn Phú Trọng — ហ៊ុន សែន"\n---\n' });
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const path = await put('articles/bom.md', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\n')]));
    const source = await readSource(path, root);
    expect('text' in source && source.text).toBe('---\n');
  });

  it('reports a file that is not UTF-8 instead of reading replacement characters', async () => {
    // Latin-1 "é" and a UTF-16 byte-order mark.
    for (const [name, bytes] of [
      ['latin1.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xe9, 0x0a])],
      ['utf16.md', new Uint8Array([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00])],
    ] as const) {
      const path = await put(`bad/${name}`, bytes);
      const result = await readSource(path, root);
      expect(result).toMatchObject({ severity: 'error', file: `content/bad/${name}`, message: expect.stringMatching(/UTF-8/) });
      expect('hint' in result && result.hint).toMatch(/UTF-8/);
    }
  });
});

describe('displayPath', () => {
  it('is relative to the root with forward slashes', () => {
    expect(displayPath(join(root, 'content', 'people', 'hun-sen.md'), root)).toBe('content/people/hun-sen.md');
  });
});
