/**
 * Measures the search page of a built site in Chromium, as a reader's first query costs it: the
 * time from the start of navigation to the first result on screen, and the bytes transferred
 * until then (every request the page made, headers included, with nothing cached).
 *
 *   node scripts/bench/search.ts <built site> [--query "words"]… [--runs 5] [--gzip] [--json]
 *
 * Serves the folder the way the browser tests do (scripts/serve.ts: no compression, as a
 * plain static host), or with `--gzip` compressing text (HTML, CSS, JavaScript, JSON) as most
 * static hosts do (Pagefind's own files are compressed already), starts the system's Chromium and
 * opens `/search/?q=…` in a fresh context for each run, so nothing comes from the cache. Prints
 * the median of the runs for each query.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../serve.ts';
import { CHROMIUM_LAUNCH } from '../chromium.ts';
import { median } from './medians.ts';

interface Sample {
  ms: number;
  bytes: number;
  requests: number;
  status: string;
  /** Bytes by kind of file (`.js`, `.pf_fragment`…), largest first. */
  byKind: Record<string, number>;
}

/** Runs in the page before its own scripts: notes when the first result appears. */
function watchFirstResult(): void {
  const seen = (): boolean => document.querySelector('[data-results] li') !== null;
  new MutationObserver((_, observer) => {
    if (seen()) {
      (window as unknown as { firstResultAt: number }).firstResultAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  let counting = true;
  // The context's events include the requests of Pagefind's web worker, which a page's own
  // DevTools session does not see.
  const finished: Promise<void>[] = [];
  const kinds = new Map<string, number>();
  context.on('requestfinished', (request) => {
    if (!counting) return;
    requests++;
    const kind = /(\.[a-z_]+)$/.exec(new URL(request.url()).pathname)?.[1] ?? '/';
    finished.push(request.sizes().then((sizes) => {
      const size = sizes.responseHeadersSize + sizes.responseBodySize;
      bytes += size;
      kinds.set(kind, (kinds.get(kind) ?? 0) + size);
    }));
  });
  await page.addInitScript(watchFirstResult);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstResultAt?: number }).firstResultAt !== undefined, undefined, { timeout: 60_000 });
  counting = false;
  await Promise.all(finished);
  const ms = await page.evaluate(() => (window as unknown as { firstResultAt: number }).firstResultAt);
  const status = (await page.textContent('[data-status]')) ?? '';
  await context.close();
  const byKind = Object.fromEntries([...kinds].sort(([, a], [, b]) => b - a));
  return { ms, bytes, requests, status, byKind };
}

/** A server in front of `origin` that gzips text for a browser that accepts it. */
async function gzipping(origin: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const upstream = await fetch(new URL(req.url ?? '/', origin));
    const type = upstream.headers.get('content-type') ?? '';
    let body = Buffer.from(await upstream.arrayBuffer());
    const headers: Record<string, string> = { 'content-type': type };
    if (/^(text\/|application\/(json|javascript|xml))/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(upstream.status, { ...headers, 'content-length': String(body.length) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}


const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { query: { type: 'string', multiple: true }, runs: { type: 'string', default: '5' }, gzip: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});
const site = positionals[0];
if (!site) {
  process.stderr.write('usage: node scripts/bench/search.ts <built site> [--query "words"]… [--runs 5] [--gzip] [--json]\n');
  process.exit(2);
}
const queries = values.query ?? ['ferry'];
const runs = Number(values.runs);
const files = await serve(site);
const server = values.gzip ? await gzipping(files.url) : files;
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const report: { query: string; ms: number; kb: number; requests: number; status: string; runs: Sample[] }[] = [];
try {
  for (const query of queries) {
    const samples: Sample[] = [];
    for (let run = 0; run < runs; run++) samples.push(await measure(browser, new URL(`search/?q=${encodeURIComponent(query)}`, server.url).href));
    report.push({
      query,
      ms: Math.round(median(samples.map((s) => s.ms))!),
      kb: Math.round(median(samples.map((s) => s.bytes))! / 1024),
      requests: median(samples.map((s) => s.requests))!,
      status: samples[0]!.status,
      runs: samples,
    });
  }
} finally {
  await browser.close();
  await server.close();
  if (server !== files) await files.close();
}
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  for (const r of report) {
    process.stdout.write(
      `${JSON.stringify(r.query)}: first result ${r.ms} ms, ${r.kb} KB in ${r.requests} requests (median of ${runs}; each run ${r.runs.map((s) => `${Math.round(s.ms)} ms/${Math.round(s.bytes / 1024)} KB`).join(', ')}) — ${r.status.trim()}\n  by kind of file (first run): ${Object.entries(r.runs[0]!.byKind).map(([kind, size]) => `${kind} ${Math.round(size / 1024)} KB`).join(', ')}\n`,
    );
  }
}
