/**
 * The search page: the one piece of client-side JavaScript on the site. It loads Pagefind's
 * index lazily, fills the filter menus from it, and keeps the query, filters and order in the
 * address so a search can be bookmarked or shared.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const PAGE = 30;

export async function startSearch(base: string): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = document.querySelector<HTMLElement>('[data-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-results]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const sortSelect = form.querySelector<HTMLSelectElement>('select[data-sort]')!;
  const root = base.endsWith('/') ? base : `${base}/`;

  const pagefind = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as PagefindApi;
  await pagefind.options({ baseUrl: root });
  const available = await pagefind.filters();

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const select of selects) {
    const values = Object.entries(available[select.dataset.filter!] ?? {}).sort(([a], [b]) =>
      select.dataset.filter === 'year' ? b.localeCompare(a) : a.localeCompare(b),
    );
    for (const [value, count] of values) select.add(new Option(`${value} (${count})`, value));
    select.value = params.get(select.name) ?? '';
    // Hide menus with nothing to choose, so the form stays short.
    select.closest('label')!.hidden = values.length === 0;
  }
  sortSelect.value = params.get('sort') ?? '';
  form.querySelector<HTMLElement>('[data-filters]')!.hidden = false;

  async function run(): Promise<void> {
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const select of selects) if (select.value) filters[select.dataset.filter!] = select.value;
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const [key, value] of Object.entries(filters)) next.set(key, value);
    if (sortSelect.value) next.set('sort', sortSelect.value);
    history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);

    list.replaceChildren();
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = 'Type some words, or choose a filter.';
      return;
    }
    status.textContent = 'Searching…';
    const sort = sortSelect.value ? { date: sortSelect.value === 'newest' ? ('desc' as const) : ('asc' as const) } : undefined;
    const search = await pagefind.search(query || null, { filters, ...(sort ? { sort } : {}) });
    const results = await Promise.all(search.results.slice(0, PAGE).map((r) => r.data()));
    const total = search.results.length;
    status.textContent = `${total} ${total === 1 ? 'result' : 'results'}${total > PAGE ? `, showing the first ${PAGE}` : ''}.`;
    for (const result of results) list.append(renderResult(result));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  for (const select of [...selects, sortSelect]) select.addEventListener('change', () => void run());
  await run();
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta['title'] ?? result.url;
  heading.append(link);
  item.append(heading);
  if (result.meta['date']) {
    const date = document.createElement('p');
    date.className = 'meta';
    date.textContent = result.meta['date'];
    item.append(date);
  }
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is its own escaped text with <mark> around the matched words.
  excerpt.innerHTML = result.excerpt;
  item.append(excerpt);
  return item;
}
