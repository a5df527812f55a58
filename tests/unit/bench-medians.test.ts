/**
 * The benchmark's `--runs`: each figure is the median of its runs, taken on its own.
 */
import { describe, expect, it } from 'vitest';
import { median, medianBuild, type Measured } from '../../scripts/bench/medians.ts';
import type { Stages } from '../../scripts/bench/stages.ts';

function measured(wallMs: number, peak: number | null, user: number, contentLoad: number | null, command: string): Measured {
  const stages: Stages = {
    contentLoad,
    index: 10,
    pageRendering: wallMs / 2,
    searchIndex: null,
    feeds: 5,
    sync: 100,
    bundling: 50,
    routesRendered: 30,
    feedRoutes: 3,
    astroTotal: wallMs - 100,
    astroPages: 20,
  };
  return {
    name: 'cold',
    run: {
      ok: true,
      exitCode: 0,
      signal: null,
      wallMs,
      peakRssBytes: peak,
      timeMaxRssBytes: peak,
      cpuMs: { user, system: user / 4 },
      cpuByCommand: [{ command, processes: 1, ms: user * 1.25 }],
      treePeakRssBytes: peak,
      maxProcesses: 3,
      atPeak: [{ pid: 1, command, rssBytes: peak ?? 0 }],
      lines: [],
    },
    stages,
    output: { files: 40, htmlPages: 20, bytes: 1000 },
  };
}

describe('median', () => {
  it('is the middle of an odd count and the mean of the middle two of an even count', () => {
    expect(median([72, 64, 68])).toBe(68);
    expect(median([3, 1, 4, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('is unknown when any run did not report the figure', () => {
    expect(median([1, null, 3])).toBeNull();
  });
});

describe('medianBuild', () => {
  it('takes the median of each figure apart, so no single run speaks for all of them', () => {
    const runs = [measured(72_000, 1.7e9, 80_000, 27_000, 'a'), measured(64_000, 1.8e9, 85_000, 22_000, 'b'), measured(68_000, 1.6e9, 90_000, 25_000, 'c')];
    const m = medianBuild(runs);
    expect(m.run.wallMs).toBe(68_000);
    expect(m.run.peakRssBytes).toBe(1.7e9);
    expect(m.run.cpuMs).toEqual({ user: 85_000, system: 21_250 });
    expect(m.stages.contentLoad).toBe(25_000);
    expect(m.stages.pageRendering).toBe(34_000);
    expect(m.stages.searchIndex).toBeNull();
    // The processes listed at the peak are those of the run whose peak is the median one.
    expect(m.run.atPeak[0]!.command).toBe('a');
    // The CPU time by command is that of the run whose CPU time is the median one.
    expect(m.run.cpuByCommand).toEqual([{ command: 'b', processes: 1, ms: 106_250 }]);
  });

  it('is the run itself when there is one', () => {
    const only = measured(1000, null, 900, null, 'only');
    expect(medianBuild([only])).toBe(only);
  });

  it('is a failure when any run failed', () => {
    const failed = measured(1000, 1, 1, 1, 'x');
    failed.run.ok = false;
    expect(medianBuild([measured(900, 1, 1, 1, 'y'), failed, measured(800, 1, 1, 1, 'z')]).run.ok).toBe(false);
  });
});
