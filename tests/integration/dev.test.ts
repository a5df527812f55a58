/**
 * Live preview: `npm run dev` follows the archive as editors change it, without a restart.
 * Starts the real dev server on a copy of the basic fixture, then adds, edits and deletes files.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/build.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { tempDir } from '../helpers/temp.ts';

const NEW_ARTICLE = '/articles/2024-05-01-a-new-pier-opens/';

let content: string;
let server: DevServer;
const get = (path: string) => server.get(path);
const eventually = (check: () => Promise<boolean>, what: string) => server.eventually(check, what);

beforeAll(async () => {
  const work = tempDir('news-archive-dev');
  content = join(work, 'content');
  cpSync(join(fixturePath('basic'), 'content'), content, { recursive: true });
  server = await startDevServer(content, join(work, 'cache'));
});

afterAll(() => {
  server?.stop();
});

describe('npm run dev', () => {
  it('shows a new article, its new person and its listing on an existing person, without a restart', async () => {
    expect((await get(NEW_ARTICLE)).status).toBe(404);
    writeFileSync(
      join(content, 'articles', '2024-05-01-a-new-pier-opens.md'),
      '---\ntitle: A new pier opens\ndate: 2024-05-01\npeople: [Wren Halloway, Mara Quillfeather]\n---\nWren Halloway cut the ribbon.\n',
    );
    await eventually(async () => (await get(NEW_ARTICLE)).status === 200, 'the new article page');
    expect((await get(NEW_ARTICLE)).body).toContain('A new pier opens');
    expect((await get('/people/wren-halloway/')).body).toContain('A new pier opens');
    expect((await get('/people/mara-quillfeather/')).body).toContain('A new pier opens');
  });

  it('follows an edit to an entity file on the entity page', async () => {
    writeFileSync(join(content, 'people', 'wren-halloway.md'), '---\nname: Wren Halloway\nrole: Harbour engineer\n---\nWren Halloway builds piers.\n');
    await eventually(async () => (await get('/people/wren-halloway/')).body.includes('Harbour engineer'), 'the new role on the person page');
  });

  it('drops a deleted article everywhere', async () => {
    rmSync(join(content, 'articles', '2024-05-01-a-new-pier-opens.md'));
    await eventually(async () => (await get(NEW_ARTICLE)).status === 404, 'the deleted article to go');
    expect((await get('/people/mara-quillfeather/')).body).not.toContain('A new pier opens');
  });
});
