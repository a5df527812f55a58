/**
 * The benchmark runs `astro build` with the environment of package.json's `build` script.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildScriptEnv, projectBuildEnv } from '../../scripts/bench/build-script.ts';

describe('buildScriptEnv', () => {
  it('reads the variables assigned before astro build', () => {
    expect(buildScriptEnv('astro build')).toEqual({});
    expect(buildScriptEnv('MIMALLOC_ALLOW_THP=0 astro build')).toEqual({ MIMALLOC_ALLOW_THP: '0' });
    expect(buildScriptEnv('  A=1  b_2=x/y  astro   build ')).toEqual({ A: '1', b_2: 'x/y' });
  });

  it('refuses a script it would not run faithfully', () => {
    for (const script of ['', 'A=1', 'astro build --verbose', 'vite build', 'A="1 2" astro build', 'node x.js && astro build']) {
      expect(() => buildScriptEnv(script), script).toThrow(/package\.json's build script is .*astro build/);
    }
  });

  it("understands this project's build script", () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    expect(projectBuildEnv(root)).toEqual({ MIMALLOC_ALLOW_THP: '0' });
  });
});
