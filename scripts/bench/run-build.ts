/**
 * Runs the project's real build (`astro build`) as a child process and measures it: wall time,
 * peak memory of the whole process tree, and the log with the arrival time of every line.
 *
 * CPU time (user and system) is measured two ways too, and the larger of each is reported: GNU
 * `time` counts the build and every process it waited for, exactly, but Pagefind's library stops its
 * indexer without waiting for it, so that process ends as an orphan and its time (a quarter of a
 * cold build's) never reaches the build; polling /proc adds up every process of the tree as last
 * seen, which misses at most one interval of each. On a shared 2-core machine CPU time varies far
 * less between runs than wall time.
 *
 * Peak RSS is measured two ways and the larger is reported:
 * - GNU `/usr/bin/time -f %M`, when installed: the peak of the largest single process in the tree
 *   (the kernel's ru_maxrss of waited-for children); exact, but does not add processes together;
 * - polling /proc every 100 ms: the sum of VmRSS over the build process and all its descendants
 *   (found through the parent ids in /proc/<pid>/stat); adds up children, but can miss a spike
 *   shorter than the interval. Linux only.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LogLine } from './stages.ts';

export interface BuildRun {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  /** The larger of the two measurements below, in bytes; null when neither was available. */
  peakRssBytes: number | null;
  /** Largest single process (GNU time %M), bytes. */
  timeMaxRssBytes: number | null;
  /** User and system CPU time of the whole process tree (see above), ms. */
  cpuMs: CpuMs | null;
  /** CPU time of the tree's processes, polled, by command, most first. */
  cpuByCommand: CommandCpu[];
  /** Sum over the process tree, polled every 100 ms, bytes. */
  treePeakRssBytes: number | null;
  /** Most processes seen in the tree at once (the build and its workers or helpers). */
  maxProcesses: number;
  /** The processes of the tree at its polled peak, largest first. */
  atPeak: ProcessSample[];
  lines: LogLine[];
}

export interface BuildRequest {
  projectRoot: string;
  /**
   * Where the build runs. Astro keeps its server chunks in `<outDir>/.prerender` when outDir is
   * inside the working directory, and otherwise in `<cwd>/.astro/.prerender`, a folder every such
   * build of the project shares (concurrent builds then delete each other's chunks). Running in a
   * folder that holds outDir and a `node_modules` link to the project's keeps each build's chunks
   * its own, as in a default build into `dist/`. Default: the project root.
   */
  cwd?: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** Extra environment. */
  env?: Record<string, string>;
  /** Called with each log line as it arrives (for --verbose). */
  onLine?: (line: LogLine) => void;
  /** Polling interval for the process tree, ms. */
  pollMs?: number;
  /** A folder for the `time` measurement file; default: a temporary folder of its own. */
  scratchDir?: string;
}

let gnuTime: boolean | undefined;

/** True when GNU time is installed and understands -f/-o. */
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    try {
      gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true'], { stdio: 'ignore' }).status === 0;
    } catch {
      gnuTime = false;
    }
  }
  return gnuTime;
}

const settings = new Map<string, number>();

/** A system setting from `getconf` (`PAGESIZE`, `CLK_TCK`: the unit of the CPU times in
 * /proc/<pid>/stat), or `fallback` where there is none. */
export function systemSetting(name: string, fallback: number): number {
  let value = settings.get(name);
  if (value === undefined) {
    try {
      value = Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
    } catch {
      value = fallback;
    }
    settings.set(name, value);
  }
  return value;
}

export interface CpuMs {
  user: number;
  system: number;
}

export interface CommandCpu {
  /** As in `ProcessSample`. */
  command: string;
  /** How many processes ran it (the Markdown workers are several). */
  processes: number;
  /** User + system, ms. */
  ms: number;
}

export interface ProcessSample {
  pid: number;
  /** The executable's name, from /proc/<pid>/stat (`node`, `pagefind_extended`, `esbuild`). */
  command: string;
  rssBytes: number;
}

/** Samples the summed RSS of a process and its descendants, and the CPU time each has used. */
export class TreeSampler {
  peakBytes = 0;
  maxProcesses = 0;
  atPeak: ProcessSample[] = [];
  available = true;
  private readonly root: number;
  private readonly exclude: Set<number>;
  /** Every process seen in the tree: its command and CPU time when last seen, in clock ticks. */
  private readonly cpu = new Map<number, { command: string; user: number; system: number }>();
  private timer: ReturnType<typeof setInterval> | undefined;

  /** `exclude`: pids in the tree not to count (the `time` wrapper itself). */
  constructor(root: number, exclude: number[] = []) {
    this.root = root;
    this.exclude = new Set(exclude);
  }

  start(intervalMs: number): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  sample(): void {
    if (!this.available) return;
    let entries: string[];
    try {
      entries = readdirSync('/proc');
    } catch {
      this.available = false;
      return;
    }
    const children = new Map<number, number[]>();
    const rss = new Map<number, number>();
    const names = new Map<number, string>();
    const times = new Map<number, [user: number, system: number]>();
    for (const entry of entries) {
      const c = entry.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      } catch {
        continue; // gone already
      }
      // The command name is in parentheses and may hold spaces: split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      const list = children.get(ppid);
      if (list) list.push(pid);
      else children.set(ppid, [pid]);
      rss.set(pid, Number(fields[21]) * systemSetting('PAGESIZE', 4096));
      times.set(pid, [Number(fields[11]), Number(fields[12])]);
      names.set(pid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    }
    if (!rss.has(this.root)) return;
    let total = 0;
    const tree: ProcessSample[] = [];
    const stack = [this.root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      if (!this.exclude.has(pid)) {
        const bytes = rss.get(pid) ?? 0;
        total += bytes;
        tree.push({ pid, command: names.get(pid) ?? '?', rssBytes: bytes });
        const [user, system] = times.get(pid) ?? [0, 0];
        const last = this.cpu.get(pid);
        // The command is read again each time, since the build's first process replaces itself
        // with Astro (execve); an ended process no longer has one, nor reliable times.
        this.cpu.set(pid, {
          command: commandOf(pid) ?? last?.command ?? names.get(pid) ?? '?',
          user: Math.max(user, last?.user ?? 0),
          system: Math.max(system, last?.system ?? 0),
        });
      }
      for (const child of children.get(pid) ?? []) stack.push(child);
    }
    if (total > this.peakBytes) {
      this.peakBytes = total;
      for (const p of tree) p.command = this.cpu.get(p.pid)!.command;
      this.atPeak = tree.sort((a, b) => b.rssBytes - a.rssBytes);
    }
    this.maxProcesses = Math.max(this.maxProcesses, tree.length);
  }

  /** User and system CPU time of every process seen, as last seen, ms; null if none was. */
  cpuMs(): CpuMs | null {
    if (this.cpu.size === 0) return null;
    const ms = 1000 / systemSetting('CLK_TCK', 100);
    let user = 0;
    let system = 0;
    for (const p of this.cpu.values()) {
      user += p.user * ms;
      system += p.system * ms;
    }
    return { user, system };
  }

  /** CPU time by command, most first. */
  cpuByCommand(): CommandCpu[] {
    const ms = 1000 / systemSetting('CLK_TCK', 100);
    const byCommand = new Map<string, CommandCpu>();
    for (const { command, user, system } of this.cpu.values()) {
      const entry = byCommand.get(command) ?? { command, processes: 0, ms: 0 };
      entry.processes++;
      entry.ms += (user + system) * ms;
      byCommand.set(command, entry);
    }
    return [...byCommand.values()].sort((a, b) => b.ms - a.ms);
  }
}

/** `node astro.mjs`, `pagefind_extended`: the program and, for an interpreter, its script. */
function commandOf(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const name = (path: string | undefined): string => path?.split('/').at(-1) ?? '';
    const program = name(argv[0]);
    const script = argv.slice(1).find((arg) => !arg.startsWith('-'));
    return /^(node|bun|deno)$/.test(program) && script ? `${program} ${name(script)}` : program || undefined;
  } catch {
    return undefined;
  }
}

/** The child currently running, so an interrupted benchmark can stop it. */
let running: ReturnType<typeof spawn> | undefined;

/** Stops the running build and everything it started (it runs in a process group of its own). */
export function stopRunningBuild(): void {
  if (running?.pid !== undefined && running.exitCode === null) {
    try {
      process.kill(-running.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

export async function runBuild(request: BuildRequest): Promise<BuildRun> {
  // `npm run build`'s own script, which becomes the build process (execve) with its flags.
  return runMeasured(process.execPath, [join(request.projectRoot, 'scripts', 'build.ts'), '--root', request.projectRoot], {
    ...request,
    cwd: request.cwd ?? request.projectRoot,
    env: {
      ARCHIVE_CONTENT: request.contentDir,
      ARCHIVE_OUT: request.outDir,
      ARCHIVE_CACHE: request.cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...request.env,
    },
  });
}

export interface MeasuredRequest {
  cwd: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  onLine?: (line: LogLine) => void;
  pollMs?: number;
  scratchDir?: string;
}

/** Runs any command as the build is run, measured the same way (another system's build, too). */
export async function runMeasured(program: string, programArgs: string[], request: MeasuredRequest): Promise<BuildRun> {
  const useTime = hasGnuTime();
  const ownScratch = useTime && !request.scratchDir ? mkdtempSync(join(tmpdir(), 'news-archive-bench-time-')) : undefined;
  const scratch = request.scratchDir ?? ownScratch;
  const timeFile = useTime ? join(scratch!, `maxrss-${process.hrtime.bigint()}`) : undefined;
  const command = useTime ? '/usr/bin/time' : program;
  const args = useTime ? ['-f', '%M %U %S', '-o', timeFile!, program, ...programArgs] : programArgs;

  const started = performance.now();
  const child = spawn(command, args, {
    cwd: request.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so stopRunningBuild() reaches the build behind `time` too.
    detached: true,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...request.env },
  });
  running = child;
  const sampler = new TreeSampler(child.pid!, useTime ? [child.pid!] : []);
  sampler.start(request.pollMs ?? 100);

  const lines: LogLine[] = [];
  const collect = (stream: NodeJS.ReadableStream): Promise<void> =>
    new Promise((resolveStream) => {
      const reader = createInterface({ input: stream, crlfDelay: Infinity });
      reader.on('line', (text) => {
        const line = { t: performance.now() - started, text };
        lines.push(line);
        request.onLine?.(line);
      });
      reader.on('close', () => resolveStream());
    });
  const streams = Promise.all([collect(child.stdout!), collect(child.stderr!)]);
  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolveExit, reject) => {
    child.on('error', reject);
    child.on('exit', (code, sig) => resolveExit([code, sig]));
  });
  const wallMs = performance.now() - started;
  sampler.stop();
  running = undefined;
  await streams;

  let timeMaxRssBytes: number | null = null;
  let cpuMs: CpuMs | null = null;
  if (timeFile) {
    try {
      // GNU time writes "Command exited with non-zero status N" first when the build fails.
      const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
      const measured = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last);
      if (measured) {
        timeMaxRssBytes = Number(measured[1]) * 1024;
        cpuMs = { user: Number(measured[2]) * 1000, system: Number(measured[3]) * 1000 };
      }
    } catch {
      // no measurement
    }
    rmSync(timeFile, { force: true });
    if (ownScratch) rmSync(ownScratch, { recursive: true, force: true });
  }
  const polled = sampler.cpuMs();
  if (polled) cpuMs = cpuMs ? { user: Math.max(cpuMs.user, polled.user), system: Math.max(cpuMs.system, polled.system) } : polled;
  const treePeakRssBytes = sampler.available && sampler.peakBytes > 0 ? sampler.peakBytes : null;
  const candidates = [timeMaxRssBytes, treePeakRssBytes].filter((v): v is number => v !== null);
  return {
    ok: exitCode === 0,
    exitCode,
    signal,
    wallMs,
    peakRssBytes: candidates.length ? Math.max(...candidates) : null,
    timeMaxRssBytes,
    cpuMs,
    cpuByCommand: sampler.cpuByCommand(),
    treePeakRssBytes,
    maxProcesses: sampler.maxProcesses,
    atPeak: sampler.atPeak,
    lines,
  };
}

export interface OutputStats {
  files: number;
  htmlPages: number;
  bytes: number;
}

/**
 * The folder a benchmark round builds into (its output and caches), `round-N/` of the work folder.
 * Nothing is deleted between rounds: on a journal-less ext4 (this benchmark's machines) creating a
 * file scans past every inode freed in the last minutes of its block group, so a build that follows
 * `rm -rf` of a previous output pays for that output's size too. Nine 2,000-article builds in a
 * row, each after deleting the last one's output, went from 14.5 s to as much as 29.6 s.
 */
export function roundFolder(work: string, round: number): string {
  return join(work, `round-${round}`);
}

/** Files, HTML pages and bytes under the output folder. */
export function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { files: 0, htmlPages: 0, bytes: 0 };
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return stats;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    stats.files++;
    if (entry.name.endsWith('.html')) stats.htmlPages++;
    stats.bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return stats;
}
