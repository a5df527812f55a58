/**
 * Days and small text helpers of the synthetic archive.
 */

const FIRST_DAY = Date.UTC(2011, 0, 1);
export const DAYS = Math.round((Date.UTC(2026, 0, 1) - FIRST_DAY) / 86_400_000);

export function isoDay(day: number): string {
  return new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(FIRST_DAY + day * 86_400_000).getUTCFullYear();
}

/** `Minister of Water` → `the minister of Water`; `Economist` → `an economist`. */
export function withArticle(role: string): string {
  const lower = role.charAt(0).toLowerCase() + role.slice(1);
  if (/ (of|for|at) /.test(role)) return `the ${lower}`;
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${lower}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
export function q(text: string): string {
  return JSON.stringify(text);
}

export function flowList(items: readonly string[]): string {
  return `[${items.map(q).join(', ')}]`;
}
