/**
 * Live preview: `npm run dev` follows the archive as editors change it, without a restart.
 * Starts the real dev server on a copy of the basic fixture, then adds, edits and deletes files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fixturePath } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const ASTRO = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const NEW_ARTICLE = '/articles/2024-05-01-a-new-pier-opens/';

let work: string;
let content: string;
let server: ChildProcess;
let origin: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, body: await response.text() };
}

/** Polls until `check` passes: the dev server picks changes up asynchronously. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; dev server log:\n${log}`);
}

beforeAll(async () => {
  work = tempDir('news-archive-dev');
  content = join(work, 'content');
  cpSync(join(fixturePath('basic'), 'content'), content, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ARCHIVE_CONTENT: content, ARCHIVE_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  await eventually(async () => (await get('/')).status === 200, 'the dev server to start', 120_000);
});

afterAll(() => {
  server?.kill();
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
