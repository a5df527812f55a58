/**
 * The benchmark: generates a synthetic archive, builds it with the project's real build, and
 * reports time, memory, output and the time of each stage; then rebuilds with nothing changed and
 * after editing one article.
 *
 *   npm run bench -- --articles 10000 [--seed 1] [--runs 3] [--json] [--keep] [--verbose]
 *   npm run bench -- --vs-peers --articles 2000 [--runs 3]   (against Eleventy + Pagefind: bench/peers.ts)
 *
 * Runs on Node 24 (type stripping); progress goes to stderr, the report to stdout.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive, type GeneratedArchive } from './bench/generate.ts';
import { hasGnuTime, outputStats, roundFolder, runBuild, stopRunningBuild } from './bench/run-build.ts';
import { medianBuild, type Measured } from './bench/medians.ts';
import { runVsPeers } from './bench/peers.ts';
import { parseStages } from './bench/stages.ts';
import { parseCommandLine, stdio } from './cli.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  articles: number;
  seed: number;
  json: boolean;
  keep: boolean;
  verbose: boolean;
  rebuilds: boolean;
  runs: number;
  vsPeers: boolean;
  deleteBetween: boolean;
  peers: string;
}

const USAGE = `Usage: npm run bench -- [--articles N] [--seed S] [--runs R] [--json] [--keep] [--verbose] [--no-rebuilds]

  --articles N    articles to generate (default 1000; 10k and 1,000 are read as 10000 and 1000)
  --seed S        seed of the synthetic archive (default 1); the same seed gives the same files
  --runs R        build R times from scratch and report the median of each figure (default 1)
  --json          print one JSON object instead of the table
  --keep          keep the temporary folder (content, output, cache, build logs)
  --verbose       echo the build logs to stderr as they arrive
  --no-rebuilds   measure the cold build only
  --vs-peers      instead: build the peers' corpus cold with this project and with Eleventy +
                  pagefind --site, alternately, --runs times (default 3), and print the ratio;
                  each round builds into new folders, all deleted at the end
  --delete-between  with --vs-peers: delete each output just before its next build instead
  --peers DIR     the peers folder for --vs-peers (default ../shared/peers; it is copied)`;

function parseCount(text: string | undefined, flag: string): number {
  const match = /^(\d[\d,_]*)(k)?$/i.exec(text?.trim() ?? '');
  const value = match ? Number(match[1]!.replace(/[,_]/g, '')) * (match[2] ? 1000 : 1) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) fail(`${flag} needs a whole number, got "${text ?? ''}"`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** The options, or the exit code when there is nothing more to do (`--help`, an unknown option). */
function parseOptions(argv: string[]): Options | number {
  const parsed = parseCommandLine(
    {
      args: argv,
      options: {
        articles: { type: 'string', short: 'n' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        json: { type: 'boolean' },
        keep: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'no-rebuilds': { type: 'boolean' },
        'vs-peers': { type: 'boolean' },
        'delete-between': { type: 'boolean' },
        peers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    },
    USAGE,
    stdio,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const vsPeers = values['vs-peers'] ?? false;
  const options: Options = {
    articles: values.articles === undefined ? 1000 : parseCount(values.articles, '--articles'),
    seed: values.seed === undefined ? 1 : parseCount(values.seed, '--seed'),
    runs: values.runs === undefined ? (vsPeers ? 3 : 1) : parseCount(values.runs, '--runs'),
    json: values.json ?? false,
    keep: values.keep ?? false,
    verbose: values.verbose ?? false,
    rebuilds: !values['no-rebuilds'],
    vsPeers,
    deleteBetween: values['delete-between'] ?? false,
    peers: values.peers === undefined ? resolve(PROJECT_ROOT, '..', 'shared', 'peers') : resolve(values.peers),
  };
  if (options.articles < 1) fail('--articles must be at least 1');
  if (options.runs < 1) fail('--runs must be at least 1');
  return options;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Formatting

const num = new Intl.NumberFormat('en-GB');

function seconds(ms: number | null): string {
  return ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
}

function bytes(value: number | null): string {
  if (value === null) return 'n/a';
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(2)} GB`;
  if (value >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(1)} MB`;
  return `${(value / 1024).toFixed(0)} kB`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ').trimEnd()).join('\n');
}

// ---------------------------------------------------------------------------------------------

function summary(m: Measured) {
  return {
    ok: m.run.ok,
    wallMs: Math.round(m.run.wallMs),
    cpuMs: m.run.cpuMs && { user: Math.round(m.run.cpuMs.user), system: Math.round(m.run.cpuMs.system) },
    cpuByCommand: m.run.cpuByCommand.map(({ command, processes, ms }) => ({ command, processes, ms: Math.round(ms) })),
    peakRssBytes: m.run.peakRssBytes,
    peakRss: {
      largestProcessBytes: m.run.timeMaxRssBytes,
      processTreeBytes: m.run.treePeakRssBytes,
      maxProcesses: m.run.maxProcesses,
      atPeak: m.run.atPeak.map(({ command, rssBytes }) => ({ command, rssBytes })),
    },
    routesRendered: m.stages.routesRendered,
    htmlPages: m.output.htmlPages,
    outputFiles: m.output.files,
    outputBytes: m.output.bytes,
    stagesMs: {
      contentLoad: round(m.stages.contentLoad),
      index: round(m.stages.index),
      pageRendering: round(m.stages.pageRendering),
      searchIndex: round(m.stages.searchIndex),
      feeds: round(m.stages.feeds),
      sync: round(m.stages.sync),
      bundling: round(m.stages.bundling),
    },
    astro: { pages: m.stages.astroPages, totalMs: round(m.stages.astroTotal) },
  };
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (typeof options === 'number') process.exit(options);
  const load = loadavg()[0]!;
  const cpus = availableParallelism();
  const astroVersion = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;

  const work = mkdtempSync(join(tmpdir(), 'news-archive-bench-'));
  const contentDir = join(work, 'content');
  // Each round's output and cache are folders of its own (roundFolder says why).
  const outDir = (round: number): string => join(roundFolder(work, round), 'dist');
  const cacheDir = (round: number): string => join(roundFolder(work, round), 'cache');
  const logs = join(work, 'logs');
  mkdirSync(logs);
  // The builds run in `work`, so their server chunks stay in work/dist/.prerender rather than a
  // folder of the project other builds share; the link lets those chunks import the packages.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  let keep = options.keep;
  const interrupt = (): void => {
    stopRunningBuild();
    process.stderr.write(`\nbench: interrupted; the temporary folder is kept at ${work}\n`);
    process.exit(130);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  try {
    if (load > cpus) progress(`warning: load average ${load.toFixed(1)} on ${cpus} CPUs; other work will slow the builds`);
    if (options.vsPeers) {
      const report = await runVsPeers({ projectRoot: PROJECT_ROOT, peersSource: options.peers, work, articles: options.articles, seed: options.seed, runs: options.runs, deleteBetween: options.deleteBetween, progress });
      process.stdout.write(`load average at start ${load.toFixed(2)} on ${cpus} CPUs · Node ${process.version} · Astro ${astroVersion}\n${report}\n`);
      return;
    }
    progress(`generating ${num.format(options.articles)} articles (seed ${options.seed}) in ${contentDir}`);
    const genStart = performance.now();
    const archive: GeneratedArchive = generateArchive(contentDir, {
      articles: options.articles,
      seed: options.seed,
      onProgress: (n) => progress(`  ${num.format(n)} articles written`),
      progressEvery: 10_000,
    });
    const generationMs = performance.now() - genStart;
    progress(`generated ${num.format(archive.files)} files (${bytes(archive.bytes)}) in ${seconds(generationMs)}`);

    const build = async (name: Measured['name'], round: number): Promise<Measured> => {
      const label = options.runs > 1 ? `${name}-${round}` : name;
      progress(`${label} build…`);
      const run = await runBuild({
        projectRoot: PROJECT_ROOT,
        cwd: work,
        scratchDir: logs,
        contentDir,
        outDir: outDir(round),
        cacheDir: cacheDir(round),
        onLine: options.verbose ? (line) => process.stderr.write(`  | ${line.text}\n`) : undefined,
      });
      writeFileSync(join(logs, `${label}.log`), run.lines.map((l) => `${(l.t / 1000).toFixed(3).padStart(9)}  ${l.text}`).join('\n') + '\n');
      if (!run.ok) {
        keep = true;
        const tail = run.lines.slice(-60).map((l) => `  | ${l.text}`).join('\n');
        throw new Error(
          `the ${label} build failed (exit ${run.exitCode ?? run.signal}); last lines of its log:\n${tail}\n` +
            `bench: the archive, output and full log are kept in ${work}`,
        );
      }
      const m = { name, run, stages: parseStages(run.lines), output: outputStats(outDir(round)) };
      progress(`${label} build: ${seconds(run.wallMs)}, peak ${bytes(run.peakRssBytes)}`);
      return m;
    };

    // Each round starts from nothing (new output and cache folders, the article not yet edited).
    const rounds: Measured[][] = [];
    const editedFile = options.rebuilds ? archive.sampleArticle : undefined;
    const unedited = editedFile && readFileSync(editedFile, 'utf8');
    for (let round = 1; round <= options.runs; round++) {
      if (round > 1 && editedFile) writeFileSync(editedFile, unedited!);
      const builds = [await build('cold', round)];
      if (editedFile) {
        builds.push(await build('unchanged', round));
        appendFileSync(
          editedFile,
          '\nAn editor added this paragraph after publication, to measure a rebuild after one article changes. ' +
            'It mentions no one new and changes no list of names.\n',
        );
        builds.push(await build('edited', round));
      }
      rounds.push(builds);
    }
    const measured = rounds[0]!.map((_, b) => medianBuild(rounds.map((builds) => builds[b]!)));
    const cold = measured[0]!;

    const result = {
      articles: archive.articles,
      seed: options.seed,
      machine: { node: process.version, astro: astroVersion, cpus, memoryBytes: totalmem(), loadAverageAtStart: Number(load.toFixed(2)) },
      peakRssMethod: hasGnuTime()
        ? 'max of GNU time %M (largest single process) and the summed RSS of the process tree polled every 100 ms'
        : 'summed RSS of the process tree polled every 100 ms (/usr/bin/time not installed)',
      cpuMethod: hasGnuTime()
        ? 'the larger of GNU time %U/%S (processes waited for) and the sum over every process of the tree, polled (Pagefind\'s is not waited for)'
        : 'the sum over every process of the tree, polled every 100 ms (/usr/bin/time not installed)',
      generation: {
        ms: Math.round(generationMs),
        files: archive.files,
        bytes: archive.bytes,
        entityFiles: archive.entityFiles,
        pools: archive.pools,
        khmerPeople: archive.khmerPeople,
        topPerson: archive.topPerson,
      },
      pagesWritten: cold.output.htmlPages,
      coldWallMs: Math.round(cold.run.wallMs),
      pagesPerSecond: Number((cold.output.htmlPages / (cold.run.wallMs / 1000)).toFixed(1)),
      msPerArticle: Number((cold.run.wallMs / archive.articles).toFixed(2)),
      peakRssBytes: cold.run.peakRssBytes,
      outputBytes: cold.output.bytes,
      editedFile: editedFile ? relative(work, editedFile) : null,
      runs: options.runs,
      builds: Object.fromEntries(measured.map((m) => [m.name, summary(m)])),
      ...(options.runs > 1 ? { eachRun: rounds.map((builds) => Object.fromEntries(builds.map((m) => [m.name, summary(m)]))) } : {}),
      workDir: keep ? work : null,
    };

    if (options.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      process.stdout.write(`${report(result, measured, rounds)}\n`);
    }
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    if (keep) progress(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function report(
  result: {
    articles: number;
    seed: number;
    machine: { node: string; astro: string; cpus: number; memoryBytes: number; loadAverageAtStart: number };
    generation: { ms: number; files: number; bytes: number; entityFiles: Record<string, number>; topPerson: { name: string; articles: number }; khmerPeople: number; pools: Record<string, number> };
    pagesWritten: number;
    pagesPerSecond: number;
    msPerArticle: number;
    outputBytes: number;
    peakRssMethod: string;
    cpuMethod: string;
    workDir: string | null;
  },
  measured: Measured[],
  rounds: Measured[][],
): string {
  const g = result.generation;
  const m = result.machine;
  const entityFiles = Object.values(g.entityFiles).reduce((a, b) => a + b, 0);
  const cold = measured[0]!;
  const head = [
    `news-archive bench · ${num.format(result.articles)} articles · seed ${result.seed}${rounds.length > 1 ? ` · median of ${rounds.length} runs` : ''} · Node ${m.node} · Astro ${m.astro} · ${m.cpus} CPUs · ${bytes(m.memoryBytes)} RAM · load ${m.loadAverageAtStart}`,
    `generated ${num.format(result.articles)} articles + ${num.format(entityFiles)} entity files (${bytes(g.bytes)}) in ${seconds(g.ms)}; ` +
      `pools: ${Object.entries(g.pools).map(([k, v]) => `${num.format(v)} ${k}`).join(', ')}; ` +
      `top person in ${num.format(g.topPerson.articles)} articles (${((100 * g.topPerson.articles) / result.articles).toFixed(0)}%)`,
    '',
  ];
  const col = (f: (x: Measured) => string): string[] => measured.map(f);
  const rows: string[][] = [
    ['', ...measured.map((x) => (x.name === 'edited' ? '1 edited' : x.name))],
    ['wall time', ...col((x) => seconds(x.run.wallMs))],
    ['  of cold', ...col((x) => `${((100 * x.run.wallMs) / cold.run.wallMs).toFixed(0)}%`)],
    ['CPU time (user + system)', ...col((x) => (x.run.cpuMs ? `${seconds(x.run.cpuMs.user)} + ${seconds(x.run.cpuMs.system)}` : 'n/a'))],
    ['peak RSS', ...col((x) => bytes(x.run.peakRssBytes))],
    ['  process tree (sum)', ...col((x) => bytes(x.run.treePeakRssBytes))],
    ['  largest process', ...col((x) => bytes(x.run.timeMaxRssBytes))],
    ['routes rendered (log)', ...col((x) => num.format(x.stages.routesRendered))],
    ['HTML pages in output', ...col((x) => num.format(x.output.htmlPages))],
    ['pages/s', ...col((x) => (x.output.htmlPages / (x.run.wallMs / 1000)).toFixed(1))],
    ['ms per article', ...col((x) => (x.run.wallMs / result.articles).toFixed(2))],
    ['output size', ...col((x) => bytes(x.output.bytes))],
    ['stages:', ...col(() => '')],
    ['  content load', ...col((x) => seconds(x.stages.contentLoad))],
    ['  index', ...col((x) => seconds(x.stages.index))],
    ['  page rendering', ...col((x) => seconds(x.stages.pageRendering))],
    ['  search index', ...col((x) => seconds(x.stages.searchIndex))],
    ['  feeds', ...col((x) => seconds(x.stages.feeds))],
    ['  (start-up + sync)', ...col((x) => seconds(x.stages.sync))],
    ['  (bundling)', ...col((x) => seconds(x.stages.bundling))],
  ];
  const foot = [
    '',
    `cold: ${num.format(result.pagesWritten)} pages written, ${result.pagesPerSecond} pages/s, ${bytes(result.outputBytes)} in ${num.format(cold.output.files)} files`,
    ...(rounds.length > 1
      ? measured.map((x, b) => `each run (${x.name}): ${rounds.map((builds) => `${seconds(builds[b]!.run.wallMs)} / ${bytes(builds[b]!.run.peakRssBytes)}`).join(', ')}`)
      : []),
    ...measured.map((x) => `processes at the peak (${x.name}): ${x.run.atPeak.map((p) => `${p.command} ${bytes(p.rssBytes)}`).join(', ') || 'n/a'}`),
    ...measured.map((x) => `CPU time by process (${x.name}): ${x.run.cpuByCommand.map((c) => `${c.command}${c.processes > 1 ? ` ×${c.processes}` : ''} ${seconds(c.ms)}`).join(', ') || 'n/a'}`),
    `CPU time: ${result.cpuMethod}`,
    `peak RSS: ${result.peakRssMethod}; feeds and API files (a worker process) and the search index (a worker process and Pagefind's) are made alongside page rendering, so stages overlap; n/a = the build log does not report that stage`,
  ];
  if (result.workDir) foot.push(`kept: ${result.workDir} (content/, logs/, and round-N/dist/ and round-N/cache/ for each round)`);
  return [...head, table(rows), ...foot].join('\n');
}

await main();
