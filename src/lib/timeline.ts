/**
 * Shapes one entity's (already sorted) article list for its page: pages of 50, year/month groups
 * and the per-year counts of the coverage strip. Works on that entity's articles only.
 */
import type { Article } from '../archive/article.ts';
import { monthOf, yearOf } from '../archive/dates.ts';

export const PAGE_SIZE = 50;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function pageSlice<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}

export interface MonthOfArticles {
  month: number;
  articles: Article[];
}
export interface YearOfArticles {
  year: number;
  months: MonthOfArticles[];
}

/** Groups a newest-first list by year, then month. */
export function groupByYearMonth(articles: readonly Article[]): YearOfArticles[] {
  const years: YearOfArticles[] = [];
  for (const article of articles) {
    const year = yearOf(article.date.date);
    const month = monthOf(article.date.date);
    let y = years.at(-1);
    if (y?.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (m?.month !== month) y.months.push((m = { month, articles: [] }));
    m.articles.push(article);
  }
  return years;
}

/** Made once a list: every page of an entity shows its year index, and a list can be thousands long. */
function oncePerList<T>(make: (articles: readonly Article[]) => T): (articles: readonly Article[]) => T {
  const made = new WeakMap<readonly Article[], T>();
  return (articles) => {
    if (!made.has(articles)) made.set(articles, make(articles));
    return made.get(articles)!;
  };
}

/** Articles per year from the first year of coverage to the last, empty years included. */
export const countsByYear = oncePerList((articles): { year: number; count: number }[] => {
  if (articles.length === 0) return [];
  const counts = new Map<number, number>();
  for (const article of articles) {
    const year = yearOf(article.date.date);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const first = yearOf(articles.at(-1)!.date.date);
  const last = yearOf(articles[0]!.date.date);
  const result = [];
  for (let year = last; year >= first; year--) result.push({ year, count: counts.get(year) ?? 0 });
  return result;
});

/** The page of a newest-first list on which each year's first article is. */
export const yearPages = oncePerList((articles): ReadonlyMap<number, number> => {
  const pages = new Map<number, number>();
  articles.forEach((article, i) => {
    const year = yearOf(article.date.date);
    if (!pages.has(year)) pages.set(year, Math.floor(i / PAGE_SIZE) + 1);
  });
  return pages;
});

/** The anchor of a year's heading in an entity's article list. */
export function yearAnchor(year: number): string {
  return `year-${year}`;
}

export type Phase = 'before' | 'during' | 'after';

/** Where an article falls relative to an event's dates. */
export function phaseOf(article: Article, start: string, end: string): Phase {
  if (article.date.date < start) return 'before';
  return article.date.date > end ? 'after' : 'during';
}
