/**
 * `npm run bench -- --vs-peers`: this project against Eleventy + Pagefind, cold, on the same
 * corpus, built alternately in one run so that whatever else the shared machine does falls on both.
 *
 * The corpus is the peers' own (`../shared/peers/gen-corpus.mjs`). The project reads it under its
 * file-name convention (`articles/<yyyy>/<yyyy-mm-dd>-<slug>.md`, hard links to the same files);
 * Eleventy reads it as generated, through the reference site's `bench-system.sh`, and `pagefind
 * --site` then indexes Eleventy's output (the project's own Pagefind package, the same binary the
 * project's build runs). "Cold" follows the peers' contract: no output, no caches, and no Node
 * compile cache, for either system.
 *
 * Each round builds into folders of its own (roundFolder, run-build.ts, says why), and deleting
 * between rounds had charged each system for the other's files; `--delete-between` measures that
 * old way, for comparison.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './medians.ts';
import { outputStats, roundFolder, runBuild, runMeasured, systemSetting, type BuildRun } from './run-build.ts';
import { parseStages } from './stages.ts';

export interface PeersRequest {
  projectRoot: string;
  /** The read-only peers folder (`../shared/peers`). */
  peersSource: string;
  /** A scratch folder of this run, with a `node_modules` link to the project's. */
  work: string;
  articles: number;
  seed: number;
  runs: number;
  /** Delete each system's output and caches just before it builds, in the same folders. */
  deleteBetween: boolean;
  progress: (message: string) => void;
}

interface Timed {
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number | null;
}

interface PeerRound {
  project: Timed & { stages: ReturnType<typeof parseStages>; htmlPages: number };
  eleventy: Timed & { htmlPages: number };
  pagefind: Timed;
  /** CPU the rest of the machine used during the round, ms, and the load average after it. */
  othersCpuMs: number;
  load: number;
}

/** Where the peers are copied once and their packages installed (`npm ci`, kept between runs). */
function peersCopy(source: string): string {
  const copy = join(tmpdir(), 'news-archive-peers');
  const stamp = (dir: string): string => readFileSync(join(dir, 'gen-corpus.mjs'), 'utf8') + readFileSync(join(dir, 'eleventy', 'package-lock.json'), 'utf8');
  if (!existsSync(copy) || stamp(copy) !== stamp(source)) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(source, copy, { recursive: true });
    // The source is read-only, and so is its copy until told otherwise.
    spawnSync('chmod', ['-R', 'u+w', copy]);
  }
  const setup = spawnSync(join(copy, 'eleventy', 'bench-system.sh'), ['setup'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (setup.status !== 0) throw new Error(`the Eleventy reference site could not be installed (${join(copy, 'eleventy')}: npm ci)`);
  return copy;
}

/** The project's view of the corpus: each file linked under its date-prefixed name. */
function linkProjectContent(corpusArticles: string, content: string): void {
  for (const year of readdirSync(corpusArticles)) {
    mkdirSync(join(content, 'articles', year), { recursive: true });
    for (const name of readdirSync(join(corpusArticles, year))) {
      const file = join(corpusArticles, year, name);
      const date = /^date: (\d{4}-\d\d-\d\d)$/m.exec(readFileSync(file, 'utf8'))?.[1];
      if (!date) throw new Error(`${file}: no date line`);
      linkSync(file, join(content, 'articles', year, `${date}-${name}`));
    }
  }
}

/** Busy CPU time of the whole machine so far, ms (all cores). */
function machineBusyMs(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number) as number[];
  const ticks = user! + nice! + system! + irq! + softirq! + (steal ?? 0);
  return (ticks * 1000) / systemSetting('CLK_TCK', 100);
}

function timed(run: BuildRun, what: string, logs: string): Timed {
  if (!run.ok) {
    const tail = run.lines.slice(-30).map((line) => `  | ${line.text}`).join('\n');
    throw new Error(`${what} failed (exit ${run.exitCode ?? run.signal}); last lines:\n${tail}\nbench: everything is kept in ${logs}`);
  }
  return { wallMs: run.wallMs, cpuMs: run.cpuMs ? run.cpuMs.user + run.cpuMs.system : 0, peakRssBytes: run.peakRssBytes };
}

export async function runVsPeers(request: PeersRequest): Promise<string> {
  const { projectRoot, work, articles, seed, runs, progress } = request;
  const peers = peersCopy(request.peersSource);
  const corpus = join(work, 'corpus');
  const content = join(work, 'content');
  progress(`generating the peers' corpus: ${articles} articles, seed ${seed}`);
  const generated = spawnSync(process.execPath, [join(peers, 'gen-corpus.mjs'), '--out', corpus, '--articles', String(articles), '--seed', String(seed)], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (generated.status !== 0) throw new Error('gen-corpus.mjs failed');
  linkProjectContent(join(corpus, 'articles'), content);

  const eleventyDir = join(peers, 'eleventy');
  const pagefindBin = join(projectRoot, 'node_modules', '.bin', 'pagefind');
  const rounds: PeerRound[] = [];
  for (let round = 1; round <= runs; round++) {
    const folder = request.deleteBetween ? work : roundFolder(work, round);
    const out = { project: join(folder, 'dist'), eleventy: join(folder, 'eleventy-out') };
    const cacheDir = join(folder, 'cache');
    // One compile cache for each system, so neither deletes the other's.
    const compileCache = { project: join(folder, 'compile-cache'), peer: join(folder, 'compile-cache-peer') };
    const busyBefore = machineBusyMs();
    for (const dir of [out.project, cacheDir, compileCache.project]) rmSync(dir, { recursive: true, force: true });
    progress(`round ${round}: this project…`);
    const projectRun = await runBuild({ projectRoot, cwd: work, contentDir: content, outDir: out.project, cacheDir, env: { NODE_COMPILE_CACHE: compileCache.project } });
    const project = { ...timed(projectRun, 'the project build', work), stages: parseStages(projectRun.lines), htmlPages: outputStats(out.project).htmlPages };

    rmSync(compileCache.peer, { recursive: true, force: true });
    const env = { NODE_COMPILE_CACHE: compileCache.peer };
    const clean = spawnSync(join(eleventyDir, 'bench-system.sh'), ['clean'], { env: { ...process.env, BENCH_OUT: out.eleventy } });
    if (clean.status !== 0) throw new Error('bench-system.sh clean failed');
    progress(`round ${round}: Eleventy + Pagefind…`);
    const peerEnv = { ...env, BENCH_CORPUS: corpus, BENCH_OUT: out.eleventy, BENCH_WORK: join(folder, 'eleventy-work') };
    const eleventyRun = await runMeasured(join(eleventyDir, 'bench-system.sh'), ['build'], { cwd: eleventyDir, env: peerEnv });
    const eleventy = { ...timed(eleventyRun, 'the Eleventy build', work), htmlPages: outputStats(out.eleventy).htmlPages };
    const pagefind = timed(await runMeasured(pagefindBin, ['--site', out.eleventy], { cwd: work, env }), 'pagefind --site', work);

    const tree = project.cpuMs + eleventy.cpuMs + pagefind.cpuMs;
    rounds.push({ project, eleventy, pagefind, othersCpuMs: Math.max(0, machineBusyMs() - busyBefore - tree), load: loadavg()[0]! });
    const peer = eleventy.wallMs + pagefind.wallMs;
    progress(`round ${round}: project ${(project.wallMs / 1000).toFixed(2)} s, Eleventy + Pagefind ${(peer / 1000).toFixed(2)} s, ratio ${(project.wallMs / peer).toFixed(2)}`);
  }
  return report(articles, seed, rounds, request.deleteBetween);
}

const s = (ms: number | null): string => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

function report(articles: number, seed: number, rounds: PeerRound[], deleteBetween: boolean): string {
  const project = rounds.map((r) => r.project.wallMs);
  const eleventy = rounds.map((r) => r.eleventy.wallMs);
  const pagefind = rounds.map((r) => r.pagefind.wallMs);
  const peer = rounds.map((r) => r.eleventy.wallMs + r.pagefind.wallMs);
  const cpu = (pick: (r: PeerRound) => number): string => s(median(rounds.map(pick)));
  const row = (name: string, walls: number[], cpuOf: (r: PeerRound) => number): string =>
    `${name.padEnd(34)} best ${s(Math.min(...walls)).padStart(8)}   median ${s(median(walls)).padStart(8)}   CPU (median) ${cpu(cpuOf).padStart(8)}   runs: ${walls.map(s).join(', ')}`;
  const first = rounds[0]!;
  return [
    `news-archive vs peers · ${articles.toLocaleString('en-GB')} articles (gen-corpus.mjs, seed ${seed}) · cold, alternated, ${rounds.length} round(s), ${deleteBetween ? 'each output deleted just before its next build' : 'new folders each round'}`,
    `pages: project ${first.project.htmlPages} HTML files (pages, feeds, API and search beside), Eleventy ${first.eleventy.htmlPages}`,
    '',
    row('this project (all features)', project, (r) => r.project.cpuMs),
    row('Eleventy 3', eleventy, (r) => r.eleventy.cpuMs),
    row('pagefind --site (Eleventy output)', pagefind, (r) => r.pagefind.cpuMs),
    row('Eleventy + Pagefind', peer, (r) => r.eleventy.cpuMs + r.pagefind.cpuMs),
    '',
    `project ÷ (Eleventy + Pagefind): best ${(Math.min(...project) / Math.min(...peer)).toFixed(2)}, median ${(median(project)! / median(peer)!).toFixed(2)}, ` +
      `by round ${rounds.map((r) => (r.project.wallMs / (r.eleventy.wallMs + r.pagefind.wallMs)).toFixed(2)).join(', ')}`,
    `project stages (median): content load ${s(median(rounds.map((r) => r.project.stages.contentLoad)))}, page rendering ${s(median(rounds.map((r) => r.project.stages.pageRendering)))}, search index ${s(median(rounds.map((r) => r.project.stages.searchIndex)))}`,
    `peak RSS (median): project ${((median(rounds.map((r) => r.project.peakRssBytes)) ?? 0) / 1024 ** 3).toFixed(2)} GB, Eleventy ${((median(rounds.map((r) => r.eleventy.peakRssBytes)) ?? 0) / 1024 ** 3).toFixed(2)} GB`,
    `load: CPU taken by other processes during each round ${rounds.map((r) => s(r.othersCpuMs)).join(', ')}; load average after each ${rounds.map((r) => r.load.toFixed(2)).join(', ')}`,
  ].join('\n');
}
