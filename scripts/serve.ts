/**
 * A tiny static file server over a built site, for browser tests: what a plain static host does,
 * with no dependency beyond node:http.
 *
 *   - listens on 127.0.0.1 with a port the OS picks;
 *   - `/people/` serves `people/index.html`; `/people` redirects to `/people/` (like most hosts);
 *   - percent-encoded paths are decoded, so slugs with non-ASCII letters work;
 *   - paths that would leave the folder are refused (403);
 *   - a missing file gets the folder's `404.html` with status 404;
 *   - with `base` (such as `/news`), only paths under it are served, with the prefix stripped;
 *     anything outside it gets the 404 page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export interface ServeOptions {
  /** A sub-path the site is served under, such as `/news`; stripped before finding files. */
  base?: string;
}

export interface Served {
  /** The site's root URL, with the base and a trailing slash: `http://127.0.0.1:40123/news/`. */
  url: string;
  /** Scheme, host and port only: `http://127.0.0.1:40123`. */
  origin: string;
  close(): Promise<void>;
}

const TEXT = '; charset=utf-8';
const CONTENT_TYPES: Record<string, string> = {
  '.html': `text/html${TEXT}`,
  '.htm': `text/html${TEXT}`,
  '.css': `text/css${TEXT}`,
  '.js': `text/javascript${TEXT}`,
  '.mjs': `text/javascript${TEXT}`,
  '.svg': `image/svg+xml${TEXT}`,
  '.xml': `application/xml${TEXT}`,
  '.json': `application/json${TEXT}`,
  '.txt': `text/plain${TEXT}`,
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `/news/`, `news`, `/news` → `/news`; `/`, `` → ``. */
function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function serve(dir: string, options: ServeOptions = {}): Promise<Served> {
  const root = resolve(dir);
  const base = normaliseBase(options.base);

  function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string) {
    const buffer = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { 'content-type': type, 'content-length': buffer.length, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : buffer);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const page = join(root, '404.html');
    if (await isFile(page)) send(req, res, 404, contentType(page), await readFile(page));
    else send(req, res, 404, `text/plain${TEXT}`, 'Not found\n');
  }

  function redirect(res: ServerResponse, location: string) {
    res.writeHead(301, { location, 'content-length': 0 });
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-length': 0 });
      res.end();
      return;
    }
    // Only the path matters; keep it raw (still percent-encoded) so `%2F` stays inside a segment.
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.search(/[?#]/);
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = queryAt === -1 ? '' : rawUrl.slice(queryAt);
    if (!rawPath.startsWith('/')) return send(req, res, 400, `text/plain${TEXT}`, 'Bad request\n');

    // The base prefix: `/news` → redirect to `/news/`; `/news/x` → `/x`; anything else → 404.
    let sitePath = rawPath;
    if (base !== '') {
      if (rawPath === base) return redirect(res, `${base}/${query}`);
      if (!rawPath.startsWith(`${base}/`)) return notFound(req, res);
      sitePath = rawPath.slice(base.length);
    }

    let segments: string[];
    try {
      segments = sitePath.split('/').map((segment) => decodeURIComponent(segment));
    } catch {
      return send(req, res, 400, `text/plain${TEXT}`, 'Bad request: malformed percent-encoding\n');
    }
    // `..`, `.`, or a segment that decodes to a separator or NUL could step outside the folder.
    if (segments.some((s) => s === '..' || s === '.' || /[/\\\0]/.test(s))) {
      return send(req, res, 403, `text/plain${TEXT}`, 'Forbidden\n');
    }
    const target = resolve(root, ...segments.filter((s) => s !== ''));
    if (target !== root && !target.startsWith(root + sep)) {
      return send(req, res, 403, `text/plain${TEXT}`, 'Forbidden\n');
    }

    if (await isDirectory(target)) {
      if (!rawPath.endsWith('/')) return redirect(res, `${rawPath}/${query}`);
      const index = join(target, 'index.html');
      if (await isFile(index)) return send(req, res, 200, contentType(index), await readFile(index));
      return notFound(req, res);
    }
    if (await isFile(target)) return send(req, res, 200, contentType(target), await readFile(target));
    return notFound(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(req, res, 500, `text/plain${TEXT}`, `Server error: ${String(error)}\n`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}${base}/`,
    origin,
    close() {
      return new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      });
    },
  };
}
