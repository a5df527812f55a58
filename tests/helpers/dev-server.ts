/**
 * The real dev server (`astro dev`) on an archive folder, on a free port, for integration tests:
 * started in the foreground, its output kept for assertions and failure messages.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build.ts';

const ASTRO = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface DevServer {
  get(path: string): Promise<{ status: number; body: string }>;
  /** Everything the server has printed so far. */
  log(): string;
  /** Polls until `check` passes: the dev server picks changes up asynchronously. */
  eventually(check: () => Promise<boolean>, what: string, timeoutMs?: number): Promise<void>;
  stop(): void;
}

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

/** Starts the dev server on `content` with its own build cache, and waits until it serves the home page. */
export async function startDevServer(content: string, cache: string): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ARCHIVE_CONTENT: content, ARCHIVE_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const server: DevServer = {
    async get(path) {
      const response = await fetch(`${origin}${path}`);
      return { status: response.status, body: await response.text() };
    },
    log: () => log,
    async eventually(check, what, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (await check().catch(() => false)) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`timed out waiting for ${what}; dev server log:\n${log}`);
    },
    stop: () => child.kill(),
  };
  await server.eventually(async () => (await server.get('/')).status === 200, 'the dev server to start', 120_000);
  return server;
}
