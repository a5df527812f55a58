/**
 * The search page: the one piece of client-side JavaScript on the site. It loads Pagefind's
 * index lazily, keeps the query, filters, order and page in the address so a search can be
 * bookmarked or shared, and shows the results a page at a time, every one reachable.
 *
 * The index comes in shards (runs of months of articles, and the entity profiles; see
 * src/integrations/search-documents.ts). One Pagefind is loaded, from the newest shard, and the
 * others are merged into it (Pagefind's multisite search), so a first query costs one script, one
 * worker, one WebAssembly module, each shard's metadata and a chunk per word in each. Pagefind
 * orders merged results by score, and a date order's score is a page's place within its own
 * shard, so a date order is asked of each shard in turn (each shard is marked with a `shard`
 * filter of its own when merged) and the answers put end to end: the shards are runs of dates in
 * date order. The filter menus need every filter's chunk (the people filter alone is most of it),
 * so they are loaded only once the results are shown and the filters are open; from then on each
 * search returns the counts of its own results for every menu.
 */
import type { ShardList } from '../integrations/pagefind.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
type Counts = Record<string, Record<string, number>>;
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Counts;
}
interface PagefindInstance {
  options(options: { mergeFilter: Record<string, string> }): Promise<void>;
  mergeIndex(basePath: string, options: { mergeFilter: Record<string, string> }): Promise<void>;
  filters(): Promise<Counts>;
  search(query: string | null, options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}

/** The filter each shard is marked with as it is merged; no document has it, and no menu shows it. */
const SHARD = 'shard';

/** Results on one page: their excerpts are what a page of results downloads. */
const PAGE = 20;

/** Page numbers shown around the current one in the page links (first and last always are). */
const AROUND = 2;

export async function startSearch(base: string): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = document.querySelector<HTMLElement>('[data-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-results]')!;
  const pager = document.querySelector<HTMLElement>('[data-pages]')!;
  const panel = form.querySelector<HTMLDetailsElement>('[data-filters]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const sortSelect = form.querySelector<HTMLSelectElement>('select[data-sort]')!;
  const root = base.endsWith('/') ? base : `${base}/`;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const chosen = new Map(selects.map((select) => [select, params.get(select.name) ?? '']));
  for (const [select, value] of chosen) if (value) select.add(new Option(value, value, true, true));
  sortSelect.value = params.get('sort') ?? '';
  let page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  // Open on a wide screen; on a narrow one the results come first and the filters open on demand.
  panel.open = matchMedia('(min-width: 48rem)').matches || [...chosen.values()].some(Boolean);

  const { shards } = (await (await fetch(`${root}pagefind/shards.json`)).json()) as ShardList;
  const pathOf = (dir: string): string => `${root}pagefind/${dir}/`;
  const [primary, ...merged] = shards;
  const pagefind = ((await import(/* @vite-ignore */ `${pathOf(primary!.dir)}pagefind.js`)) as PagefindModule).createInstance({ basePath: pathOf(primary!.dir), baseUrl: root });
  await pagefind.options({ mergeFilter: { [SHARD]: primary!.name } });
  await Promise.all(merged.map(({ name, dir }) => pagefind.mergeIndex(pathOf(dir), { mergeFilter: { [SHARD]: name } })));

  let filtersLoading: Promise<void> | undefined;
  let filtersReady = false;
  let found: PagefindResult[] = [];
  let searched = 0;

  const filtersChosen = (): Record<string, string> => {
    const filters: Record<string, string> = {};
    for (const select of selects) if (select.value) filters[select.dataset.filter!] = select.value;
    return filters;
  };

  /** Fills each menu with the values its counts give, keeping the chosen one. */
  function showCounts(counts: Counts): void {
    for (const select of selects) {
      const key = select.dataset.filter!;
      const current = select.value;
      const values = Object.entries(counts[key] ?? {})
        .filter(([value, count]) => count > 0 || value === current)
        .sort(([a], [b]) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      select.replaceChildren(new Option('Any', ''), ...values.map(([value, count]) => new Option(`${value} (${count})`, value, false, value === current)));
      // A menu with nothing to choose is hidden, so the form stays short.
      select.closest('label')!.hidden = values.length === 0 && !current;
    }
  }

  function address(): string {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const [key, value] of Object.entries(filtersChosen())) next.set(key, value);
    if (sortSelect.value) next.set('sort', sortSelect.value);
    if (page > 1) next.set('page', String(page));
    return `${location.pathname}${next.size ? `?${next}` : ''}`;
  }

  async function showPage(): Promise<void> {
    const pages = Math.max(1, Math.ceil(found.length / PAGE));
    page = Math.min(page, pages);
    history.replaceState(null, '', address());
    const from = (page - 1) * PAGE;
    const shown = await Promise.all(found.slice(from, from + PAGE).map((result) => result.data()));
    list.start = from + 1;
    list.replaceChildren(...shown.map(renderResult));
    const total = found.length;
    status.textContent = `${total} ${total === 1 ? 'result' : 'results'}${total > PAGE ? `, ${from + 1}–${from + shown.length} shown` : ''}.`;
    pager.replaceChildren(...pageLinks(page, pages, (to) => {
      page = to;
      void showPage().then(() => list.scrollIntoView({ block: 'start' }));
    }));
  }

  const somethingAsked = (): boolean => input.value.trim() !== '' || Object.keys(filtersChosen()).length > 0;

  /** The current form's search: by relevance across the shards, or by date one shard at a time,
   * in the shards' order for the newest first and the reverse for the oldest. */
  async function ask(): Promise<PagefindSearch> {
    const query = input.value.trim() || null;
    const order = sortSelect.value;
    if (order !== 'newest' && order !== 'oldest') return pagefind.search(query, { filters: filtersChosen() });
    const sort = { date: order === 'newest' ? ('desc' as const) : ('asc' as const) };
    const inOrder = order === 'newest' ? shards : [...shards].reverse();
    const answers = await Promise.all(inOrder.map(({ name }) => pagefind.search(query, { filters: { ...filtersChosen(), [SHARD]: name }, sort })));
    return { results: answers.flatMap((answer) => answer.results), filters: sumCounts(answers.map((answer) => answer.filters)) };
  }

  async function run(): Promise<void> {
    const id = ++searched;
    if (!somethingAsked()) {
      history.replaceState(null, '', address());
      found = [];
      list.replaceChildren();
      pager.replaceChildren();
      status.textContent = 'Type some words, or choose a filter.';
      if (filtersReady) showCounts(await pagefind.filters());
      return;
    }
    status.textContent = 'Searching…';
    const answer = await ask();
    if (id !== searched) return;
    found = answer.results;
    await showPage();
    if (filtersReady) showCounts(answer.filters);
  }

  /** The menus' values: every filter's chunk, then the counts of the current search. */
  function loadFilters(): void {
    filtersLoading ??= pagefind.filters().then(async (all) => {
      filtersReady = true;
      const id = searched;
      const counts = somethingAsked() ? (await ask()).filters : all;
      if (id === searched) showCounts(counts);
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    void run();
  });
  for (const select of [...selects, sortSelect]) {
    select.addEventListener('change', () => {
      page = 1;
      void run();
    });
  }
  panel.addEventListener('toggle', () => {
    if (panel.open) loadFilters();
  });
  await run();
  if (panel.open) loadFilters();
}

/** Counts of disjoint searches added up. */
function sumCounts(all: Counts[]): Counts {
  const sum: Counts = {};
  for (const counts of all) {
    for (const [key, values] of Object.entries(counts)) {
      const into = (sum[key] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

/** Links to the first, last, previous and next pages and those around the current one. */
function pageLinks(current: number, pages: number, go: (page: number) => void): HTMLElement[] {
  if (pages <= 1) return [];
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
  const numbers = [...new Set([1, ...Array.from({ length: AROUND * 2 + 1 }, (_, i) => current - AROUND + i), pages])].filter((n) => n >= 1 && n <= pages);
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
  if (current < pages) items.push(link(current + 1, 'Next →', `Next page, ${current + 1}`));
  return items;
}

function renderResult(result: PagefindResultData): HTMLLIElement {
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
