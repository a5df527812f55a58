#!/usr/bin/env node
/**
 * Makes sure a Chromium the browser tests can drive is installed, before `vitest run`.
 *
 *   - CHROMIUM_PATH (or /usr/bin/chromium) exists and answers `--version`: exit 0, silently.
 *   - Otherwise, as root with apt-get (CI on a fresh Debian/Ubuntu machine): install Debian's
 *     `chromium` package, check it again, exit 0.
 *   - Otherwise: print one line saying what to do, and exit 1.
 *
 * It never downloads a browser from anywhere but the system's package manager, and it never lets
 * the tests run without a browser (a skipped browser test is a test that cannot fail).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const MESSAGE =
  'Chromium is missing: run "sudo apt-get install -y chromium" (Debian/Ubuntu) or set CHROMIUM_PATH, then npm test again.';

const explicitPath = process.env.CHROMIUM_PATH?.trim() || undefined;
const chromiumPath = explicitPath ?? DEFAULT_PATH;

/** True when the browser exists and `--version` exits 0 (its chatter is not shown). */
function chromiumRuns(path) {
  if (!existsSync(path)) return false;
  const result = spawnSync(path, ['--version'], { stdio: 'ignore', timeout: 60_000 });
  return result.status === 0;
}

/** True when `command` can be started (exists on PATH). */
function commandExists(command) {
  const result = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return !result.error;
}

/** Runs a command with the terminal's stdio; true when it exits 0. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function fail() {
  console.error(MESSAGE);
  process.exit(1);
}

if (chromiumRuns(chromiumPath)) process.exit(0);

// An explicit CHROMIUM_PATH that does not work is a mistake to report, not to paper over: the
// tests would still launch that path, whatever apt installs.
if (explicitPath !== undefined) fail();

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !commandExists('apt-get')) fail();

console.log(`Chromium not found at ${DEFAULT_PATH}: installing Debian's chromium package with apt-get.`);
const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
if (!run('apt-get', ['update'], aptEnv)) fail();
if (!run('apt-get', ['install', '-y', 'chromium'], aptEnv)) fail();
if (!chromiumRuns(DEFAULT_PATH)) fail();
console.log(`Chromium installed at ${DEFAULT_PATH}.`);
process.exit(0);
