/**
 * Measures the search page of a built site in Chromium, as a reader's first query costs it: the
 * time from the start of navigation to the first result on screen, and the bytes sent until
 * then (every response, headers included, with nothing cached, counted by the server, so the
 * requests of Pagefind's web worker count too).
 *
 *   node scripts/bench/search.ts <built site> [--query "words"]… [--sort newest|oldest|best] [--runs 5] [--compress none|gzip|br] [--json]
 *
 * Serves the folder the way the browser tests do (scripts/serve.ts: no compression, as a plain
 * static host), or with `--compress gzip` or `br` compressing text (HTML, CSS, JavaScript, JSON)
 * as most static hosts do (Pagefind's own files are compressed already), starts the system's
 * Chromium and opens `/search/?q=…` in a fresh context for each run, so nothing comes from the
 * cache. Prints the median of the runs for each query (to the first result, and to a full first
 * page: a date order shows results as its shards answer), the bytes by kind of file, and what the
 * page went on to load until it was quiet (the filter menus: a 1280 px window opens them).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../serve.ts';
import { CHROMIUM_LAUNCH } from '../chromium.ts';
import { parseCommandLine, stdio } from '../cli.ts';
import { median } from './medians.ts';

/** A first query: until its first result is on screen, until its first page is full, and
 * (`settled`) everything the page loaded until it was quiet (the total, the filter menus). */
interface Sample extends Tally {
  ms: number;
  status: string;
  page: Tally & { ms: number };
  settled: Tally;
}

/** What a file is to a first query: Pagefind's script, worker, WebAssembly and entry file, a
 * shard's metadata, word index, filter and fragment chunks, or the page's own files. */
function kindOf(path: string): string {
  const pagefind = /\/pagefind\/(?:[^/]+\/)?(.+)$/.exec(path)?.[1];
  if (pagefind === undefined) return `page ${/(\.[a-z0-9]+)$/.exec(path)?.[1] ?? 'html'}`;
  if (/^(index|filter|fragment)\//.test(pagefind)) return `${pagefind.split('/')[0]} chunks`;
  if (pagefind.endsWith('.pf_meta')) return 'metadata';
  if (pagefind.startsWith('wasm.')) return 'wasm';
  return pagefind;
}

/** Runs in the page before its own scripts: notes when the first result appears, and when the
 * first page is full (20 results, or all there are once they are counted). */
function watchFirstResult(): void {
  const results = (): number => document.querySelectorAll('[data-results] li').length;
  new MutationObserver((_, observer) => {
    const at = { at: performance.now(), wall: Date.now() };
    if (results() > 0 && !('firstResult' in window)) Object.assign(window, { firstResult: at });
    if (results() >= 20 || /\d+ results?\./.test(document.querySelector('[data-status]')?.textContent ?? '')) {
      Object.assign(window, { firstPage: at });
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** No response sent for this long: the page has settled. */
const QUIET_MS = 1500;

/** A response the server sent: when it was done (`Date.now()`), what and how many bytes. */
interface Sent {
  at: number;
  path: string;
  bytes: number;
}

async function measure(browser: Browser, server: Counting, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  server.sent.length = 0;
  await page.addInitScript(watchFirstResult);
  await page.goto(url);
  await page.waitForFunction(() => 'firstPage' in window, undefined, { timeout: 60_000 });
  type Moment = { at: number; wall: number };
  const { firstResult, firstPage } = await page.evaluate(() => {
    const { firstResult, firstPage } = window as unknown as { firstResult: Moment; firstPage: Moment };
    return { firstResult, firstPage };
  });
  const ms = firstResult.at;
  const wall = firstPage.wall;
  while (Date.now() - Math.max(wall, ...server.sent.map((sent) => sent.at)) < QUIET_MS) await new Promise((resolve) => setTimeout(resolve, 100));
  const status = (await page.textContent('[data-status]')) ?? '';
  await context.close();
  const tally = (sent: Sent[]): Tally => {
    const byKind: Record<string, number> = {};
    for (const { path, bytes } of sent) byKind[kindOf(path)] = (byKind[kindOf(path)] ?? 0) + bytes;
    return { bytes: sent.reduce((sum, { bytes }) => sum + bytes, 0), requests: sent.length, byKind: Object.fromEntries(Object.entries(byKind).sort(([, x], [, y]) => y - x)) };
  };
  const all = [...server.sent];
  return { ms, ...tally(all.filter((sent) => sent.at <= firstResult.wall)), status, page: { ms: firstPage.at, ...tally(all.filter((sent) => sent.at <= firstPage.wall)) }, settled: tally(all) };
}

interface Tally {
  bytes: number;
  requests: number;
  byKind: Record<string, number>;
}

type Compression = 'none' | 'gzip' | 'br';

interface Counting {
  url: string;
  /** Every response, as it was sent. */
  sent: Sent[];
  close(): Promise<void>;
}

/** A server in front of `origin` that notes every response's size, headers included, and
 * compresses text (`gzip` or `br`) for a browser that accepts it, as most static hosts do. */
async function counting(origin: string, compression: Compression): Promise<Counting> {
  const sent: Sent[] = [];
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const upstream = await fetch(new URL(path, origin));
    const type = upstream.headers.get('content-type') ?? '';
    let body = Buffer.from(await upstream.arrayBuffer());
    const headers: Record<string, string> = { 'content-type': type };
    if (compression !== 'none' && /^(text\/|application\/(json|javascript|xml))/.test(type) && new RegExp(`\\b${compression}\\b`).test(String(req.headers['accept-encoding']))) {
      body = compression === 'gzip' ? gzipSync(body) : brotliCompressSync(body);
      headers['content-encoding'] = compression;
    }
    headers['content-length'] = String(body.length);
    res.writeHead(upstream.status, headers);
    res.on('finish', () => sent.push({ at: Date.now(), path: new URL(path, origin).pathname, bytes: body.length + Object.entries(headers).reduce((sum, [key, value]) => sum + key.length + value.length + 4, 20) }));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const USAGE = 'usage: node scripts/bench/search.ts <built site> [--query "words"]… [--sort newest|oldest|best] [--runs 5] [--compress none|gzip|br] [--json]';
const parsed = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      query: { type: 'string', multiple: true },
      sort: { type: 'string' },
      runs: { type: 'string', default: '5' },
      compress: { type: 'string', default: 'none' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
  stdio,
);
if (typeof parsed === 'number') process.exit(parsed);
const { values, positionals } = parsed;
const site = positionals[0];
if (!site || !['none', 'gzip', 'br'].includes(values.compress) || (values.sort !== undefined && !['newest', 'oldest', 'best'].includes(values.sort))) {
  stdio.err(USAGE);
  process.exit(2);
}
const queries = values.query ?? ['ferry'];
const runs = Number(values.runs);
const files = await serve(site);
const server = await counting(files.url, values.compress as Compression);
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const kb = (bytes: number): number => Math.round(bytes / 1024);
const report: { query: string; ms: number; kb: number; requests: number; pageMs: number; pageKb: number; settledKb: number; status: string; runs: Sample[] }[] = [];
try {
  for (const query of queries) {
    const samples: Sample[] = [];
    const search = new URLSearchParams({ q: query, ...(values.sort ? { sort: values.sort } : {}) });
    for (let run = 0; run < runs; run++) samples.push(await measure(browser, server, new URL(`search/?${search}`, server.url).href));
    report.push({
      query,
      ms: Math.round(median(samples.map((s) => s.ms))!),
      kb: kb(median(samples.map((s) => s.bytes))!),
      requests: median(samples.map((s) => s.requests))!,
      pageMs: Math.round(median(samples.map((s) => s.page.ms))!),
      pageKb: kb(median(samples.map((s) => s.page.bytes))!),
      settledKb: kb(median(samples.map((s) => s.settled.bytes))!),
      status: samples[0]!.status,
      runs: samples,
    });
  }
} finally {
  await browser.close();
  await server.close();
  await files.close();
}
const kinds = (tally: Tally): string => Object.entries(tally.byKind).map(([kind, size]) => `${kind} ${kb(size)} KB`).join(', ');
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  for (const r of report) {
    const first = r.runs[0]!;
    process.stdout.write(
      `${JSON.stringify(r.query)}${values.sort ? ` (${values.sort})` : ''}: first result ${r.ms} ms, ${r.kb} KB in ${r.requests} requests; first page full ${r.pageMs} ms, ${r.pageKb} KB; ${r.settledKb} KB once settled (median of ${runs}; each run, first result/first page/settled: ${r.runs.map((s) => `${Math.round(s.ms)} ms ${kb(s.bytes)} KB/${Math.round(s.page.ms)} ms ${kb(s.page.bytes)} KB/${kb(s.settled.bytes)} KB`).join(', ')}) — ${r.status.trim()}\n` +
        `  to the first result (first run): ${kinds(first)}\n  to the first page full: ${kinds(first.page)}\n  once settled (first run, ${first.settled.requests} requests): ${kinds(first.settled)}\n`,
    );
  }
}
