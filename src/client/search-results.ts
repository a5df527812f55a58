/** The search page's markup for a result and for the page links. */
import type { PagefindResultData } from './pagefind-api.ts';

/** Page numbers shown around the current one in the page links (first and last always are). */
const AROUND = 2;

/** Links to the first, last, previous and next pages and those around the current one; while
 * the results are still being counted (`complete` false) the last page is not known, and "Next"
 * leads on. */
export function pageLinks(current: number, pages: number, complete: boolean, go: (page: number) => void): HTMLElement[] {
  if (pages <= 1 && complete) return [];
  const link = (to: number, text: string, label?: string): HTMLElement => {
    if (to === current && text === String(to)) {
      const here = document.createElement('span');
      here.setAttribute('aria-current', 'page');
      here.textContent = text;
      return here;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', () => go(to));
    return button;
  };
  const numbers = [...new Set([1, ...Array.from({ length: AROUND * 2 + 1 }, (_, i) => current - AROUND + i), ...(complete ? [pages] : [])])].filter((n) => n >= 1 && n <= pages);
  const items: HTMLElement[] = [];
  if (current > 1) items.push(link(current - 1, '← Previous', `Previous page, ${current - 1}`));
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) {
      const gap = document.createElement('span');
      gap.textContent = '…';
      items.push(gap);
    }
    items.push(link(n, String(n), `Page ${n}`));
  });
  if (current < pages || !complete) items.push(link(current + 1, 'Next →', `Next page, ${current + 1}`));
  return items;
}

export function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta['title'] ?? result.url;
  heading.append(link);
  item.append(heading);
  const { kind, date, source } = result.meta;
  const about = kind ? [kind] : [source, date];
  if (about.some(Boolean)) {
    const line = document.createElement('p');
    line.className = 'meta';
    if (kind) {
      const label = document.createElement('span');
      label.className = 'kind';
      label.textContent = kind;
      line.append(label);
    } else line.textContent = about.filter(Boolean).join(' · ');
    item.append(line);
  }
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is its own escaped text with <mark> around the matched words.
  excerpt.innerHTML = result.excerpt;
  item.append(excerpt);
  return item;
}
