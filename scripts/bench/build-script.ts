/**
 * The benchmark runs `astro build` itself rather than through npm (npm's own process would count
 * in the memory it measures), so it reads the environment `npm run build` sets from package.json's
 * `build` script: the build it measures is the one editors run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/;

/**
 * The variables a script of the form `NAME=value … astro build` assigns. Anything else (another
 * command, arguments, quoting) throws, so a changed build script cannot go unmeasured.
 */
export function buildScriptEnv(script: string): Record<string, string> {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let match: RegExpExecArray | null;
  while (words.length > 0 && (match = ASSIGNMENT.exec(words[0]!))) {
    env[match[1]!] = match[2]!;
    words.shift();
  }
  if (words.join(' ') !== 'astro build') {
    throw new Error(
      `package.json's build script is "${script}"; the benchmark can run only "[NAME=value …] astro build": ` +
        'update scripts/bench/build-script.ts with it',
    );
  }
  return env;
}

/** The environment of `npm run build` in the project at `projectRoot`. */
export function projectBuildEnv(projectRoot: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts?: { build?: string } };
  return buildScriptEnv(pkg.scripts?.build ?? '');
}
