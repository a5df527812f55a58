/**
 * How the e2e tests and the search benchmark start the system's Chromium (never a downloaded one).
 * `npm test` runs scripts/ensure-chromium.mjs first, which installs it or says how to.
 */
import type { LaunchOptions } from 'playwright-core';

export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
