/**
 * The search page: the one piece of client-side JavaScript on the site. It loads Pagefind's
 * index lazily, fills the filter menus from it, and keeps the query, filters and order in the
 * address so a search can be bookmarked or shared.
 *
 * The index comes in shards (a year of articles each, or part of a year, and the entity
 * profiles; see src/integrations/search-documents.ts). Each shard's Pagefind is loaded from the
 * shard's own folder, so each has its own module, WebAssembly memory and worker: instances of one
 * Pagefind module share those, and Pagefind 1.6 then mixes up the chunks of different indexes. A
 * search asks every shard and puts the answers together: by score for relevance, and for a date
 * order by the shards' order, since each shard is a run of dates already in date order.
 */
import type { ShardList } from '../integrations/pagefind.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
type Counts = Record<string, Record<string, number>>;
interface PagefindResult {
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindInstance {
  filters(): Promise<Counts>;
  search(
    query: string | null,
    options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}
type Shard = ShardList['shards'][number];

/** Filter counts of all shards added up. */
function addCounts(all: readonly Counts[]): Counts {
  const sum: Counts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}

/** The results of every shard as one list: by score, or in date order. The list of shards has
 * the articles' shards newest first (a year may come in parts), so a date order reads them in
 * that order or its reverse, then the entities. */
function combine(shards: readonly Shard[], answers: readonly PagefindResult[][], order: 'newest' | 'oldest' | ''): PagefindResult[] {
  if (!order) return answers.flat().sort((a, b) => b.score - a.score);
  const byShard = shards.map((shard, i) => ({ dated: shard.year !== undefined, results: answers[i]! }));
  const dated = byShard.filter((s) => s.dated);
  return [...(order === 'newest' ? dated : dated.reverse()), ...byShard.filter((s) => !s.dated)].flatMap((s) => s.results);
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

  const { shards } = (await (await fetch(`${root}pagefind/shards.json`)).json()) as ShardList;
  const instances = await Promise.all(
    shards.map(async (shard) => {
      const basePath = `${root}pagefind/${shard.dir}/`;
      const pagefind = (await import(/* @vite-ignore */ `${basePath}pagefind.js`)) as PagefindModule;
      return pagefind.createInstance({ basePath, baseUrl: root });
    }),
  );
  const shardFilters = await Promise.all(instances.map((instance) => instance.filters()));
  const available = addCounts(shardFilters);

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
    const order = sortSelect.value === 'newest' || sortSelect.value === 'oldest' ? sortSelect.value : '';
    const sort = order ? { date: order === 'newest' ? ('desc' as const) : ('asc' as const) } : undefined;
    // Pagefind ignores a filter its index has never seen, so a shard without one of the chosen
    // filters (the entities have no people filter) is left out rather than asked.
    const answers = await Promise.all(
      instances.map((instance, i) =>
        Object.keys(filters).every((name) => name in shardFilters[i]!)
          ? instance.search(query || null, { filters, ...(sort ? { sort } : {}) })
          : { results: [] },
      ),
    );
    const found = combine(shards, answers.map((answer) => answer.results), order);
    const results = await Promise.all(found.slice(0, PAGE).map((r) => r.data()));
    const total = found.length;
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
