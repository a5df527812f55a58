/**
 * What the command-line tools (`npm run check`, `npm run new`, `npm run import`) share: a fast
 * start under plain Node, where they write, how they read their options, and which archive
 * folder they work on.
 */
import { enableCompileCache, registerHooks } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

let hooked = false;

/** date-fns exports that are values, not functions (`date-fns/constants`). */
const DATE_FNS_CONSTANTS = /^(daysIn|hoursIn|maxTime|millisecondsIn|minTime|minutesIn|monthsIn|quartersIn|secondsIn|constructFromSymbol)/;

/**
 * Start-up for the command-line tools, which run the engine under plain Node (no Vite): call it
 * before the engine is imported.
 *
 * - Node's compile cache (in .cache/, which git ignores) keeps the type-stripped, compiled engine
 *   between runs, so only changed files are stripped again.
 * - The engine's `import { format, isValid } from 'date-fns'` costs nothing until a function is
 *   called. The package's root entry loads all of date-fns, some 1,500 modules: about 3 s of CPU
 *   before the first file is read, which Vite's bundling hides in the build but a command-line
 *   tool cannot afford; even `date-fns/format` alone takes 0.3 s, and checking content never
 *   formats a date. Each imported function becomes a wrapper that requires `date-fns/<name>` (the
 *   package's own per-function CommonJS build) on its first call: the same function from the same
 *   package, loaded later. Only files under src/ are touched, and their line numbers are kept.
 */
export function fastStart(): void {
  if (hooked) return;
  hooked = true;
  enableCompileCache(resolve(PROJECT_ROOT, '.cache', 'node-compile-cache'));
  const src = pathToFileURL(resolve(PROJECT_ROOT, 'src')).href;
  const barrel = /import\s*\{([^}]*)\}\s*from\s*(['"])date-fns\2\s*;?/g;
  registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (!url.startsWith(src) || result.source === undefined || result.source === null) return result;
      const text = typeof result.source === 'string' ? result.source : Buffer.from(result.source as Uint8Array).toString('utf8');
      if (!text.includes('date-fns')) return result;
      let n = 0;
      const source = text.replace(barrel, (_, names: string) => {
        const req = `__dateFnsRequire${n++}`;
        const parts = names
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '' && !name.startsWith('type '))
          .map((name) => {
            const [exported, local = exported] = name.split(/\s+as\s+/) as [string, string?];
            if (DATE_FNS_CONSTANTS.test(exported)) return `import { ${name} } from 'date-fns/constants';`;
            return `const ${local} = (...args) => ${req}('date-fns/${exported}').${exported}(...args);`;
          });
        return [`import { createRequire as ${req}Create } from 'node:module'; const ${req} = ${req}Create(import.meta.url);`, ...parts].join(' ');
      });
      return { ...result, source };
    },
  });
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** The terminal: `out` to standard output, `err` to standard error. */
export const stdio: Output = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/**
 * A command line parsed by `config` (which has `args` and a `help` option), or the exit code when
 * there is nothing more to do: an unknown option prints the error and `usage` (2), `--help` prints
 * `usage` (0). Shared by check, new and import.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string, io: Output): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    io.err(`error: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return 0;
  }
  return parsed;
}

/** The archive folder to work on: `--content` (from where the command was typed), `$ARCHIVE_CONTENT`, or `content/`. */
export function contentDirFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return resolve(env.INIT_CWD ?? process.cwd(), option);
  if (env.ARCHIVE_CONTENT) return resolve(PROJECT_ROOT, env.ARCHIVE_CONTENT);
  return resolve(PROJECT_ROOT, 'content');
}
