/**
 * Figures over several runs of the benchmark: the targets are medians of three runs, and
 * one run on a shared machine can be 10% off either way.
 */
import type { BuildRun, OutputStats } from './run-build.ts';
import type { Stages } from './stages.ts';

export interface Measured {
  name: 'cold' | 'unchanged' | 'edited';
  run: BuildRun;
  stages: Stages;
  output: OutputStats;
}

/** The middle value (the mean of the two middle ones for an even count); null if any is null. */
export function median(values: readonly (number | null)[]): number | null {
  if (values.some((value) => value === null)) return null;
  const sorted = (values as number[]).toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The run whose figure is nearest `target`. */
function nearestTo(runs: Measured[], figure: (m: Measured) => number | null, target: number | null): Measured {
  const distance = (m: Measured): number => Math.abs((figure(m) ?? 0) - (target ?? 0));
  return runs.reduce((best, m) => (distance(m) < distance(best) ? m : best));
}

/** One build's figures over several runs: the median of each, taken apart, as "medians of 3
 * runs" means; the processes at the peak are those of the run whose peak is nearest the median,
 * the CPU time by command that of the run whose CPU time is. */
export function medianBuild(runs: Measured[]): Measured {
  const [first] = runs as [Measured, ...Measured[]];
  if (runs.length === 1) return first;
  const of = (value: (m: Measured) => number | null): number | null => median(runs.map(value));
  const peak = of((m) => m.run.peakRssBytes);
  const nearest = nearestTo(runs, (m) => m.run.peakRssBytes, peak);
  const user = of((m) => m.run.cpuMs?.user ?? null);
  const system = of((m) => m.run.cpuMs?.system ?? null);
  const cpuTotal = (m: Measured): number | null => (m.run.cpuMs ? m.run.cpuMs.user + m.run.cpuMs.system : null);
  const stages: Record<keyof Stages, number | null> = { ...first.stages };
  for (const key of Object.keys(stages) as (keyof Stages)[]) stages[key] = of((m) => m.stages[key]);
  return {
    name: first.name,
    run: {
      ...nearest.run,
      ok: runs.every((m) => m.run.ok),
      wallMs: of((m) => m.run.wallMs)!,
      peakRssBytes: peak,
      timeMaxRssBytes: of((m) => m.run.timeMaxRssBytes),
      treePeakRssBytes: of((m) => m.run.treePeakRssBytes),
      cpuMs: user === null || system === null ? null : { user, system },
      cpuByCommand: nearestTo(runs, cpuTotal, of(cpuTotal)).run.cpuByCommand,
      maxProcesses: Math.max(...runs.map((m) => m.run.maxProcesses)),
    },
    stages: stages as Stages,
    output: nearest.output,
  };
}
