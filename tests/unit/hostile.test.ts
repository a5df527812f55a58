/**
 * The adversarial suite, engine level: every case (tests/fixtures/hostile/) is loaded as the build
 * loads it and checked as `npm run check` checks it. Each must finish within seconds with exactly
 * the findings it names; a case about output asserts that output too.
 */
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/archive/check.ts';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { pairFindings, writeCase } from '../fixtures/hostile/case.ts';
import { HOSTILE_CASES } from '../fixtures/hostile/index.ts';

/** Nothing in the suite may hang: a case that needs longer than this is a failure, not a slow test. */
const BOUND_MS = 20_000;

describe('the adversarial suite', () => {
  it('has no two cases of the same name', () => {
    const names = HOSTILE_CASES.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  describe.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    it(
      'loads with exactly the findings it names',
      async () => {
        const archive = await loadArchive(await writeCase(c));
        const { missing, unexpected } = pairFindings([...c.errors, ...c.warnings], archive.diagnostics.map(formatDiagnostic));
        expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
        c.expect?.(archive);
      },
      BOUND_MS,
    );

    it(
      'is checked to the end, with every error of the load',
      async () => {
        const result = await checkArchive(await writeCase(c));
        const formatted = result.findings.map(formatDiagnostic);
        const expected = [...c.errors, ...(c.checkFindings ?? [])];
        const { missing } = pairFindings(expected, formatted);
        expect(missing, formatted.join('\n')).toEqual([]);
        c.expectCheck?.(result);
      },
      BOUND_MS,
    );
  });
});
