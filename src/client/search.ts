/**
 * The search page: the one piece of client-side JavaScript on the site. It loads Pagefind's
 * index lazily, keeps the query, filters, order and page in the address so a search can be
 * bookmarked or shared, and shows the results a page at a time, every one reachable.
 *
 * The index comes in shards (runs of months of articles, and the entity profiles; see
 * src/integrations/search-documents.ts). One Pagefind is loaded (one script, one worker, one
 * WebAssembly module), from the shard the first search reads first, and the others are merged
 * into it (Pagefind's multisite search) only when a search needs them: a shard costs its
 * metadata and a chunk per word, so a first query that reads all of them costs their number
 * times that. Each shard is marked with a `shard` filter of its own as it is merged.
 *
 * By date (newest first, the default, or oldest first) the shards are asked one after another:
 * the entity profiles first, then the runs of months in date order, each shard's answer sorted by
 * date and put after the last, and only as far as the page shown needs; the other shards are
 * asked after it is shown, for the total and the last pages. Entities have no date: those whose
 * name the words match come first (a reader looking for a name wants its page), the others last.
 * By best match every shard is asked at once, since any of them may hold the best result, and
 * Pagefind merges the answers by score (search-in-turn.ts asks the parts; search-results.ts makes
 * the markup). The filter menus need
 * every filter's chunk (the people filter alone is most of it), so they are loaded only once the
 * results are shown and the filters are open; their counts are those of the whole search, once
 * every shard has answered it.
 */
import type { ShardList } from '../integrations/pagefind.ts';
import { countOf } from '../shared/count-of.ts';
import type { Counts, PagefindModule, PagefindResult } from './pagefind-api.ts';
import { searchInTurn, type Found } from './search-in-turn.ts';
import { pageLinks, renderResult } from './search-results.ts';

/** The filter each shard is marked with as it is merged; no document has it, and no menu shows it. */
const SHARD = 'shard';

/** The order by relevance; the others are by date, newest first (the default, no value) or oldest. */
const BEST = 'best';

/** Results on one page: their excerpts are what a page of results downloads. */
const PAGE = 20;

/** What the reader is told when a part of the index cannot be loaded: offline, or a deployment
 * replaced the index since the page was opened. */
export const SEARCH_FAILED = 'The search index could not be loaded. Reload the page to try again.';

export function startSearch(base: string): void {
  const status = document.querySelector<HTMLElement>('[data-status]')!;
  // A search that fails says so, rather than staying at "Searching…".
  const failed = (): void => {
    status.textContent = SEARCH_FAILED;
  };
  search(base, failed).catch(failed);
}

async function search(base: string, failed: () => void): Promise<void> {
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
  // Newest first is the default order, so it has no value in the address (older addresses said `newest`).
  sortSelect.value = params.get('sort') === 'newest' ? '' : (params.get('sort') ?? '');
  let page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  // Open on a wide screen; on a narrow one the results come first and the filters open on demand.
  panel.open = matchMedia('(min-width: 48rem)').matches || [...chosen.values()].some(Boolean);

  const shardList = await fetch(`${root}pagefind/shards.json`);
  if (!shardList.ok) throw new Error(`pagefind/shards.json: ${shardList.status}`);
  const { shards } = (await shardList.json()) as ShardList;
  const pathOf = (dir: string): string => `${root}pagefind/${dir}/`;
  /** The shards in the order a date order reads them: the entity profiles (the last shard), then
   * the runs of months, newest or oldest first. */
  const inOrder = (order: string): ShardList['shards'] => {
    const dated = shards.slice(0, -1);
    return [shards.at(-1)!, ...(order === 'oldest' ? dated.reverse() : dated)];
  };
  // Pagefind's script, worker and WebAssembly come from the shard the first search reads first.
  const primary = inOrder(sortSelect.value)[0]!;
  const pagefind = ((await import(/* @vite-ignore */ `${pathOf(primary.dir)}pagefind.js`)) as PagefindModule).createInstance({ basePath: pathOf(primary.dir), baseUrl: root });
  const merged = new Map<string, Promise<void>>([[primary.name, pagefind.options({ mergeFilter: { [SHARD]: primary.name } })]]);
  let filtersWanted = false;

  /** A shard, merged into the one Pagefind the first time a search needs it; with its filters'
   * chunks once the menus are wanted, so its counts are in every search from then on. */
  function shard({ name, dir }: ShardList['shards'][number]): Promise<void> {
    let ready = merged.get(name);
    if (!ready) {
      ready = pagefind.mergeIndex(pathOf(dir), { mergeFilter: { [SHARD]: name } });
      merged.set(name, ready);
    }
    return filtersWanted ? ready.then(() => pagefind.filters()).then(() => undefined) : ready;
  }
  const everyShard = (): Promise<unknown> => Promise.all(shards.map(shard));

  let found: Found | undefined;
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
      select.replaceChildren(new Option('Any', ''), ...values.map(([value, count]) => new Option(`${value} (${count.toLocaleString('en')})`, value, false, value === current)));
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

  /** The page asked for, shown as its results come: by date, a shard's answer only adds
   * results after those already known, so what is shown never moves. */
  async function showPage(current: Found): Promise<void> {
    await current.fill(page * PAGE + 1, () => render(current));
    await render(current);
  }

  let rendering = 0;
  /** The search and the first result of the page the list holds. */
  let listed: { of?: Found; from: number } = { from: 0 };
  async function render(current: Found): Promise<void> {
    const ticket = ++rendering;
    const known = current.results.length;
    const pages = Math.max(1, Math.ceil(known / PAGE));
    if (current.complete) page = Math.min(page, pages);
    const from = (page - 1) * PAGE;
    if (current !== found || (!current.complete && known <= from)) return;
    history.replaceState(null, '', address());
    const shown = current.results.slice(from, from + PAGE).map((result) => result.data());
    // Awaited one by one below, and perhaps not at all once another search starts: none may fail unheard.
    for (const data of shown) data.catch(() => undefined);
    if (listed.of !== current || listed.from !== from) {
      listed = { of: current, from };
      list.start = from + 1;
      list.replaceChildren();
    }
    // Each result is shown as soon as its excerpt has come, in order, so the first does not wait
    // for the twentieth (a result already shown is replaced in place, so nothing moves).
    for (const [at, data] of shown.entries()) {
      const item = renderResult(await data);
      if (current !== found || ticket !== rendering) return;
      const before = list.children[at];
      if (before) before.replaceWith(item);
      else list.append(item);
    }
    while (list.children.length > shown.length) list.lastElementChild!.remove();
    const range = `${(from + 1).toLocaleString('en')}–${(from + shown.length).toLocaleString('en')} shown`;
    status.textContent = current.complete ? `${countOf(known, 'result')}${known > PAGE ? `, ${range}` : ''}.` : `Results ${range}; counting the rest…`;
    pager.replaceChildren(...pageLinks(page, pages, current.complete, (to) => {
      page = to;
      showPage(current)
        .then(() => list.scrollIntoView({ block: 'start' }))
        .catch(failed);
    }));
  }

  const somethingAsked = (): boolean => input.value.trim() !== '' || Object.keys(filtersChosen()).length > 0;

  /** The current form's search: by relevance, of every shard at once (Pagefind merges their
   * answers by score); by date, of one shard after another in date order, as far as the pages
   * shown need, the answers put end to end: first the entities whose name the words match, then
   * the articles, then the entities whose profile alone they match. */
  function ask(): Found {
    const query = input.value.trim() || null;
    const filters = filtersChosen();
    const order = sortSelect.value;
    if (order === BEST) return searchInTurn([{ prepare: everyShard, search: async () => (await pagefind.search(query, { filters })).results }]);
    const sort = { date: order === 'oldest' ? ('asc' as const) : ('desc' as const) };
    const [profiles, ...dated] = inOrder(order);
    const of = async (one: ShardList['shards'][number]): Promise<PagefindResult[]> => (await pagefind.search(query, { filters: { ...filters, [SHARD]: one.name }, sort })).results;
    let unnamed: PagefindResult[] = [];
    return searchInTurn([
      {
        prepare: () => shard(profiles!),
        search: async () => {
          const all = await of(profiles!);
          const named = (result: PagefindResult): boolean => result.matchedMetaFields?.includes('title') ?? false;
          unnamed = all.filter((result) => !named(result));
          return all.filter(named);
        },
      },
      ...dated.map((one) => ({ prepare: () => shard(one), search: () => of(one) })),
      { prepare: async () => undefined, search: async () => unnamed },
    ]);
  }

  /** The menus' counts for the current search, once every shard has answered it: asked again
   * of them all at once, since searches made before the filters' chunks were loaded have no
   * counts (every chunk the words need is loaded by now, so this downloads nothing more). */
  async function countsOf(current: Found): Promise<Counts> {
    await current.fill(Infinity);
    return (await pagefind.search(input.value.trim() || null, { filters: filtersChosen() })).filters;
  }

  async function run(): Promise<void> {
    const id = ++searched;
    if (!somethingAsked()) {
      history.replaceState(null, '', address());
      found = undefined;
      list.replaceChildren();
      pager.replaceChildren();
      status.textContent = 'Type some words, or choose a filter.';
      if (filtersWanted) {
        await everyShard();
        const all = await pagefind.filters();
        if (id === searched) showCounts(all);
      }
      return;
    }
    status.textContent = 'Searching…';
    const current = ask();
    found = current;
    await showPage(current);
    if (!current.complete) {
      // The rest of the shards, for the total and the last pages, after the first page is shown.
      await current.fill(Infinity);
      await render(current);
    }
    if (filtersWanted && current === found) {
      const counts = await countsOf(current);
      if (current === found) showCounts(counts);
    }
  }

  /** The menus' values: every merged shard's filter chunks, then the counts of the current search. */
  function loadFilters(): void {
    if (filtersWanted) return;
    filtersWanted = true;
    const current = found;
    (async () => {
      if (current) {
        await Promise.all([...merged.values()]).then(() => pagefind.filters());
        const counts = await countsOf(current);
        if (current === found) showCounts(counts);
      } else {
        await everyShard();
        const all = await pagefind.filters();
        if (!found) showCounts(all);
      }
    })().catch(failed);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 1;
    run().catch(failed);
  });
  for (const select of [...selects, sortSelect]) {
    select.addEventListener('change', () => {
      page = 1;
      run().catch(failed);
    });
  }
  panel.addEventListener('toggle', () => {
    if (panel.open) loadFilters();
  });
  await run();
  if (panel.open) loadFilters();
}
