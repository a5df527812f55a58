/**
 * A number with its noun, as a reader reads it anywhere: pages, the search page, the content check,
 * the commands.
 */

/** "1 article", "3,000 articles". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}
