/**
 * The benchmark's process-tree sampler: CPU time must include a process nobody waits for, as
 * Pagefind's library leaves its indexer, which the kernel's accounting of the build never sees.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TreeSampler } from '../../scripts/bench/run-build.ts';
import { tempDir } from '../helpers/temp.ts';

// The sampler reads /proc; elsewhere the benchmark reports GNU time's figures alone.
describe.runIf(process.platform === 'linux')('TreeSampler', () => {
  it("counts the CPU time of a child its parent stops and does not wait for, under the child's own command", async () => {
    const dir = tempDir('news-archive-sampler-test');
    // Spins until it has used 400 ms of CPU, says so, and waits to be stopped.
    writeFileSync(
      join(dir, 'spin.mjs'),
      `const start = process.cpuUsage();
while (process.cpuUsage(start).user < 400_000);
process.stdout.write('done');
setInterval(() => {}, 1000);`,
    );
    // Stops the spinner a moment after it is done (so the sampler has seen all of its time, however
    // busy the machine) and ends at once, leaving it to be reaped by someone else.
    writeFileSync(
      join(dir, 'parent.mjs'),
      `import { spawn } from 'node:child_process';
const child = spawn(process.execPath, [${JSON.stringify(join(dir, 'spin.mjs'))}], { stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.once('data', () => setTimeout(() => {
  child.kill();
  child.unref();
  process.exit(0);
}, 300));`,
    );
    const parent = spawn(process.execPath, [join(dir, 'parent.mjs')], { stdio: 'inherit' });
    const sampler = new TreeSampler(parent.pid!);
    sampler.start(20);
    await new Promise((resolve) => parent.once('exit', resolve));
    sampler.stop();

    const spin = sampler.cpuByCommand().find((entry) => entry.command === 'node spin.mjs');
    expect(spin).toMatchObject({ processes: 1 });
    // 400 ms of its own, counted in clock ticks.
    expect(spin!.ms).toBeGreaterThanOrEqual(380);
    expect(sampler.cpuMs()!.user).toBeGreaterThanOrEqual(380);
    expect(sampler.cpuByCommand().map((entry) => entry.command)).toContain('node parent.mjs');
  });
});
