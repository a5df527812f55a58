/**
 * The static server the browser tests use (scripts/serve.ts): if it lied about what a
 * static host does, the browser tests would prove nothing. Checked over a small folder of its own.
 */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type Served } from '../../scripts/serve.ts';
import { tempDir } from '../helpers/temp.ts';

const NOT_FOUND_PAGE = '<!DOCTYPE html><title>Page not found</title><h1>Not here</h1>';
const SECRET = 'secret outside the site';

let parent: string;
let site: string;

beforeAll(() => {
  parent = tempDir('news-archive-serve');
  site = join(parent, 'site');
  const write = (path: string, body: string | Buffer) => {
    const file = join(site, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, body);
  };
  write('index.html', '<h1>Home</h1>');
  write('404.html', NOT_FOUND_PAGE);
  write('people/index.html', '<h1>People</h1>');
  write('people/nguyễn-phú-trọng/index.html', '<h1>Nguyễn Phú Trọng</h1>');
  write('tags/a b/index.html', '<h1>a b</h1>');
  write('empty/.keep', '');
  for (const ext of ['css', 'js', 'svg', 'xml', 'json', 'txt', 'png', 'woff2']) write(`assets/file.${ext}`, `x.${ext}`);
  writeFileSync(join(parent, 'secret.txt'), SECRET);
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as given (fetch would normalise `..` away). */
function get(served: Served, rawPath: string, method = 'GET'): Promise<RawResponse> {
  const { hostname, port } = new URL(served.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve() at the root', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(site);
  });
  afterAll(async () => {
    await served.close();
  });

  test('listens on 127.0.0.1 with an OS-assigned port', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(served.origin).toBe(served.url.slice(0, -1));
  });

  test('serves index.html for folders, and redirects a folder without its slash', async () => {
    expect(await get(served, '/')).toMatchObject({ status: 200, body: '<h1>Home</h1>' });
    expect(await get(served, '/people/')).toMatchObject({ status: 200, body: '<h1>People</h1>' });
    expect(await get(served, '/people/?q=1')).toMatchObject({ status: 200, body: '<h1>People</h1>' });
    const redirect = await get(served, '/people?q=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/people/?q=1');
  });

  test('decodes percent-encoded paths, including non-ASCII letters', async () => {
    const encoded = `/people/${encodeURIComponent('nguyễn-phú-trọng')}/`;
    expect(await get(served, encoded)).toMatchObject({ status: 200, body: '<h1>Nguyễn Phú Trọng</h1>' });
    expect(await get(served, '/tags/a%20b/')).toMatchObject({ status: 200, body: '<h1>a b</h1>' });
    expect((await get(served, '/tags/%E0%A4%A/')).status).toBe(400);
  });

  test('sets content types', async () => {
    const expected: Record<string, RegExp> = {
      html: /^text\/html/,
      css: /^text\/css/,
      js: /^text\/javascript/,
      svg: /^image\/svg\+xml/,
      xml: /^application\/xml/,
      json: /^application\/json/,
      txt: /^text\/plain/,
      png: /^image\/png$/,
      woff2: /^font\/woff2$/,
    };
    expect((await get(served, '/')).headers['content-type']).toMatch(expected.html!);
    for (const [ext, type] of Object.entries(expected).filter(([ext]) => ext !== 'html')) {
      const response = await get(served, `/assets/file.${ext}`);
      expect(response.status, ext).toBe(200);
      expect(response.body).toBe(`x.${ext}`);
      expect(response.headers['content-type'], ext).toMatch(type);
    }
  });

  test('answers a missing file with the folder’s 404.html and status 404', async () => {
    for (const path of ['/nope', '/nope/', '/people/nobody/', '/assets/file.gif', '/empty/']) {
      expect(await get(served, path), path).toMatchObject({ status: 404, body: NOT_FOUND_PAGE });
    }
    expect((await fetch(new URL('/nope/', served.url))).status).toBe(404);
  });

  test('refuses paths that would leave the folder', async () => {
    for (const path of ['/../secret.txt', '/people/../../secret.txt', '/%2e%2e/secret.txt', '/..%2Fsecret.txt', '/..%5Csecret.txt', '/%2E%2E%2F%2E%2E%2Fsecret.txt']) {
      const response = await get(served, path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain(SECRET);
    }
  });

  test('HEAD has headers and no body; other methods are refused', async () => {
    const head = await get(served, '/', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(Number(head.headers['content-length'])).toBe('<h1>Home</h1>'.length);
    expect((await get(served, '/', 'POST')).status).toBe(405);
  });
});

describe('serve() under a base path', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(site, { base: '/news/' });
  });
  afterAll(async () => {
    await served.close();
  });

  test('serves the site under the base, with the prefix stripped', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
    expect(await get(served, '/news/')).toMatchObject({ status: 200, body: '<h1>Home</h1>' });
    expect(await get(served, '/news/people/')).toMatchObject({ status: 200, body: '<h1>People</h1>' });
    const redirect = await get(served, '/news');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/news/');
  });

  test('anything outside the base is not found', async () => {
    for (const path of ['/', '/people/', '/newsroom/', '/news-people/', '/assets/file.css']) {
      expect(await get(served, path), path).toMatchObject({ status: 404, body: NOT_FOUND_PAGE });
    }
    expect((await get(served, '/news/../secret.txt')).body).not.toContain(SECRET);
  });
});

test('close() does not wait for kept-alive browser connections', async () => {
  const served = await serve(site);
  const response = await fetch(served.url, { keepalive: true });
  await response.text();
  const started = Date.now();
  await served.close();
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(fetch(served.url)).rejects.toThrow();
});
