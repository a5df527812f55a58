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
import { isAbsolute, relative } from 'node:path';
// Types only: the engine itself is imported in main(), after fastStart() has had its say.
import type { CheckResult } from '../src/archive/check.ts';
import { contentDirFrom, fastStart, parseCommandLine, stdio, type Output } from './cli.ts';

const USAGE = `usage: npm run check -- [--content DIR] [--json] [--quiet]

  --content DIR  check another archive folder (default: $ARCHIVE_CONTENT or content/)
  --json         print the findings and summary as JSON
  --quiet        print errors only, then the summary`;

/** Runs the check as the command line asks; returns the exit code. */
export async function main(argv: string[], io: Output = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
