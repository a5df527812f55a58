/**
 * The checks the reader-facing e2e tests make of any page: axe-core's WCAG 2.1 A/AA rules, horizontal scroll, and screenshots saved for review
 * in test-results/screenshots/ (git-ignored). (Not a test file itself.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build.ts';

export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

/** axe-core's violations of WCAG 2.1 A and AA on the page as it is, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/** How far the page is wider than the window (0 or less: no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Saves a full-page screenshot as `<name>.png`, after checking the theme really is the one asked for. */
export async function saveScreenshot(page: Page, name: string, colorScheme: 'light' | 'dark'): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect((r! + g! + b!) / 3, `${name}: ${background}`)[colorScheme === 'dark' ? 'toBeLessThan' : 'toBeGreaterThan'](128);
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
}
