/**
 * `npm run check` (after `astro check`): validates every file of the archive without building the
 * site and prints one line per finding, `path:line:column: severity: message (hint)`, then a
 * summary line. Exits 1 when there is an error.
 *
 *   node scripts/check.ts [--content DIR] [--json] [--quiet]
 *
 * --content DIR  the archive folder (default: $ARCHIVE_CONTENT, else content/ beside package.json)
 * --json         print { findings, summary } as JSON instead
 * --quiet        print errors only (and the summary)
 */
import { existsSync, statSync } from 'node:fs';
import { enableCompileCache, registerHooks } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
// Types only: the engine itself is imported in main(), after fastStart() has had its say.
import type { CheckResult } from '../src/archive/check.ts';

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

const USAGE = `usage: npm run check -- [--content DIR] [--json] [--quiet]

  --content DIR  check another archive folder (default: $ARCHIVE_CONTENT or content/)
  --json         print the findings and summary as JSON
  --quiet        print errors only, then the summary`;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const console_: Output = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

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

/** The archive folder to check: `--content` (from where the command was typed), `$ARCHIVE_CONTENT`, or `content/`. */
export function contentDirFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return resolve(env.INIT_CWD ?? process.cwd(), option);
  if (env.ARCHIVE_CONTENT) return resolve(PROJECT_ROOT, env.ARCHIVE_CONTENT);
  return resolve(PROJECT_ROOT, 'content');
}

/** Runs the check as the command line asks; returns the exit code. */
export async function main(argv: string[], io: Output = console_, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      options: { content: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const contentDir = contentDirFrom(values.content, env);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    const shown = isAbsolute(contentDir) ? relative(process.cwd(), contentDir) || '.' : contentDir;
    io.err(`error: there is no archive folder at ${shown} (pass --content DIR, or set ARCHIVE_CONTENT)`);
    return 2;
  }

  const { checkArchive, formatSummary } = await import('../src/archive/check.ts');
  const { formatDiagnostic } = await import('../src/archive/diagnostics.ts');
  let result: CheckResult;
  try {
    result = await checkArchive(contentDir, { base: env.ARCHIVE_BASE, site: env.ARCHIVE_SITE });
  } catch (error) {
    io.err(`error: the content check failed: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
  const { findings, summary } = result;
  if (values.json) {
    io.out(JSON.stringify({ findings, summary }, null, 2));
  } else {
    for (const finding of findings) {
      if (values.quiet && finding.severity !== 'error') continue;
      io.out(formatDiagnostic(finding));
    }
    if (summary.unknownKeys.length > 0 && summary.unknownKeys.some((k) => k.count > 1)) {
      const top = summary.unknownKeys.slice(0, 12).map((k) => `${k.key} ×${k.count}${k.suggestion ? ` (did you mean "${k.suggestion}"?)` : ''}`);
      const more = summary.unknownKeys.length - top.length;
      io.out(`unknown keys: ${top.join(', ')}${more > 0 ? `, and ${more} more` : ''}`);
    }
    io.out(formatSummary(summary));
  }
  return summary.errors > 0 ? 1 : 0;
}

if (import.meta.main) {
  fastStart();
  process.exitCode = await main(process.argv.slice(2));
}
