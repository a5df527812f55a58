/**
 * Reads the stages of a build from its log. Astro prints some of them itself (the route list with
 * each page's time, "✓ Completed in …"); others exist only once the project logs them. A stage that
 * the log does not show is null ("n/a" in the report), never a guess.
 *
 * Every line carries the time it arrived (ms since the build started), because Astro's own
 * timestamps have one-second resolution.
 */

export interface LogLine {
  /** Milliseconds since the build process started. */
  t: number;
  text: string;
}

export interface Stages {
  /** Content layer sync: from "[content] Syncing content" to "[content] Synced content". */
  contentLoad: number | null;
  /** The archive index, where a log line reports its time ("index built in 120ms"). */
  index: number | null;
  /** "generating static routes" up to its "✓ Completed in …" (the main feed included, a route). */
  pageRendering: number | null;
  /** Pagefind or another search indexer: its reported time, else the span of its log lines. */
  searchIndex: number | null;
  /** Feeds: a reported time (the feeds and API worker's line), else the sum of feed routes' times. */
  feeds: number | null;
  /** Start-up, config and content sync together ("[types] Generated …" or "Collecting build info" time). */
  sync: number | null;
  /** Vite bundling ("[vite] ✓ built in …", summed). */
  bundling: number | null;
  /** Route lines in the log: pages (and endpoints) rendered by this build. */
  routesRendered: number;
  /** Feed routes rendered. */
  feedRoutes: number;
  /** Astro's own total ("N page(s) built in X"). */
  astroTotal: number | null;
  astroPages: number | null;
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** `236ms`, `1.33s`, `12.345 seconds`, `1m 3s`, `2 min` → milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /(?:(\d+(?:\.\d+)?)\s*m(?:in(?:utes?)?)?\s+)?(\d+(?:[.,]\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?)\b/i.exec(text);
  if (!m) return null;
  const minutes = m[1] ? Number(m[1]) * 60_000 : 0;
  const value = Number(m[2]!.replace(',', '.'));
  const unit = m[3]!.toLowerCase();
  if (unit.startsWith('ms') || unit.startsWith('milli')) return minutes + value;
  if (unit === 'm' || unit.startsWith('min')) return minutes + value * 60_000;
  return minutes + value * 1000;
}

/** `├─ /people/x/index.html (+3ms)` → the path and its time; `(reused)`-style suffixes give no time. */
const ROUTE = /[├└]─\s+(\S+)(?:\s+\(\+\s*([^)]+)\))?/;
const FEED_PATH = /(?:^|\/)(?:rss|atom|feed)[^/]*\.(?:xml|json)$|\.(?:rss|atom)$/i;
const SEARCH = /pagefind|search index/i;
const DURATION_AFTER = /\b(?:in|took|after)\s+((?:\d+(?:\.\d+)?\s*m(?:in)?\s+)?\d+(?:[.,]\d+)?\s*(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?))\b/i;

export function parseStages(lines: readonly LogLine[]): Stages {
  const text = lines.map((line) => stripAnsi(line.text));
  const at = (i: number): number => lines[i]!.t;
  const find = (pattern: RegExp, from = 0): number => {
    for (let i = from; i < text.length; i++) if (pattern.test(text[i]!)) return i;
    return -1;
  };
  const isRoute = (i: number): boolean => ROUTE.test(text[i]!) && /[├└]─/.test(text[i]!);

  // Content load.
  let contentLoad: number | null = null;
  const syncing = find(/\[content\]\s+Syncing content/i);
  if (syncing !== -1) {
    const synced = find(/\[content\]\s+Synced content/i, syncing + 1);
    if (synced !== -1) contentLoad = at(synced) - at(syncing);
  }

  // Index: a non-route line about the (archive) index that reports a time.
  let index: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const line = text[i]!;
    if (isRoute(i) || SEARCH.test(line) || /index\.html|sitemap|search/i.test(line)) continue;
    if (!/\bindex(?:ed|ing)?\b/i.test(line)) continue;
    const d = DURATION_AFTER.exec(line);
    if (d) {
      index = (index ?? 0) + (parseDuration(d[1]!) ?? 0);
    }
  }

  // Page rendering and the routes it rendered.
  let pageRendering: number | null = null;
  let routesRendered = 0;
  let feedRoutes = 0;
  let feedTime = 0;
  const generating = find(/generating static routes/i);
  if (generating !== -1) {
    let end = -1;
    for (let i = generating + 1; i < text.length; i++) {
      const route = isRoute(i) ? ROUTE.exec(text[i]!) : null;
      if (route) {
        routesRendered++;
        if (FEED_PATH.test(route[1]!)) {
          feedRoutes++;
          feedTime += route[2] ? (parseDuration(route[2]) ?? 0) : 0;
        }
        continue;
      }
      if (/✓\s*Completed in/i.test(text[i]!)) {
        end = i;
        break;
      }
    }
    if (end !== -1) pageRendering = parseDuration(text[end]!.split(/Completed in/i)[1] ?? '') ?? at(end) - at(generating);
  } else {
    for (let i = 0; i < text.length; i++) if (isRoute(i)) routesRendered++;
  }

  // Feeds: a reported time wins over the sum of feed routes.
  let feeds: number | null = feedRoutes > 0 ? feedTime : null;
  for (let i = 0; i < text.length; i++) {
    if (isRoute(i) || !/\b(?:feeds?|rss|atom)\b/i.test(text[i]!)) continue;
    const d = DURATION_AFTER.exec(text[i]!);
    if (d) feeds = parseDuration(d[1]!);
  }

  // Search index.
  let searchIndex: number | null = null;
  let firstSearch = -1;
  let lastSearch = -1;
  for (let i = 0; i < text.length; i++) {
    if (isRoute(i) || !SEARCH.test(text[i]!)) continue;
    if (firstSearch === -1) firstSearch = i;
    lastSearch = i;
  }
  if (firstSearch !== -1) {
    for (let i = firstSearch; i < Math.min(text.length, lastSearch + 2); i++) {
      if (isRoute(i)) continue;
      const d = /finished in\s+([\d.]+\s*\w+)/i.exec(text[i]!) ?? (SEARCH.test(text[i]!) ? DURATION_AFTER.exec(text[i]!) : null);
      if (d) searchIndex = parseDuration(d[1]!);
    }
    if (searchIndex === null) {
      const next = lastSearch + 1 < lines.length ? at(lastSearch + 1) : lines.at(-1)!.t;
      searchIndex = next - at(firstSearch);
    }
  }

  // Sync (start-up + content + types) and bundling.
  let sync: number | null = null;
  const generated = find(/\[types\]\s+Generated/i);
  if (generated !== -1) sync = parseDuration(text[generated]!.replace(/.*Generated/i, '')) ?? null;
  const collecting = find(/Collecting build info/i);
  if (collecting !== -1) {
    const done = find(/✓\s*Completed in/i, collecting + 1);
    if (done !== -1 && (generating === -1 || done < generating)) sync = parseDuration(text[done]!.split(/Completed in/i)[1] ?? '') ?? sync;
  }
  let bundling: number | null = null;
  for (const line of text) {
    const m = /\[vite\].*built in\s+(.+)$/i.exec(line);
    if (m) bundling = (bundling ?? 0) + (parseDuration(m[1]!) ?? 0);
  }

  let astroTotal: number | null = null;
  let astroPages: number | null = null;
  const total = find(/(\d[\d,]*)\s+page\(s\) built in/i);
  if (total !== -1) {
    const m = /(\d[\d,]*)\s+page\(s\) built in\s+(.+)$/i.exec(text[total]!)!;
    astroPages = Number(m[1]!.replace(/,/g, ''));
    astroTotal = parseDuration(m[2]!);
  }

  return { contentLoad, index, pageRendering, searchIndex, feeds, sync, bundling, routesRendered, feedRoutes, astroTotal, astroPages };
}
