/**
 * Reading a big archive (issue 21): entity pages that page articles and quotes separately, keep
 * connections and a year index near the top and link to every connection; a front page with a
 * lead story; the archive as a year grid; no repeated standfirst; and the polish list (source
 * links, tag titles, event participants, visible feeds).
 *
 * One generated archive: a person in all 130 bulletins (three years, a quote in each), twenty
 * companions, one bulletin naming 110 clerks (a crowd), and an event with articles before, during
 * and after it.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, type BuildResult } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { SITE as SITE_CONFIG } from '../../src/site.config.ts';
import { anchors, h1Of, htmlPages, linkedArticles, mainOf, section, textOf } from './support.ts';

const SITE = 'https://archive.example.org';
const BULLETINS = 130;
const COMPANIONS = ['Arden', 'Birch', 'Calloway', 'Dunmore', 'Eskett', 'Farrow', 'Galloway', 'Hale', 'Ives', 'Jessop', 'Kingsley', 'Lowther', 'Marlow', 'Norcott', 'Osgood', 'Pryce', 'Quenby', 'Rowntree', 'Sallow', 'Tremayne'].map((s) => `Tom ${s}`);
const CLERKS = Array.from({ length: 110 }, (_, i) => `Clerk ${String(i + 1).padStart(3, '0')}`);
const PERSON = '/people/anna-big/';

/** Bulletin k (1 = newest): one every eight days from 2019-01-01. */
function bulletin(k: number): { slug: string; title: string; date: string; year: number } {
  const date = new Date(Date.UTC(2019, 0, 1) + (BULLETINS - k) * 8 * 86_400_000).toISOString().slice(0, 10);
  return { slug: `${date}-bulletin-${k}`, title: `Harbour bulletin ${k}`, date, year: Number(date.slice(0, 4)) };
}

function write(dir: string, name: string, lines: string[], body: string): void {
  writeFileSync(join(dir, name), `---\n${lines.join('\n')}\n---\n${body}\n`);
}

let build: BuildResult;
let pages: string[];
const page = (path: string): string => {
  const html = build.page(path);
  if (html === undefined) throw new Error(`no page was built at ${path}`);
  return html;
};

let work: string;
let content: string;
/** One output and cache folder for both builds, so the second renders only what changed. */
const env = () => ({ ARCHIVE_SITE: SITE, ARCHIVE_OUT: join(work, 'dist'), ARCHIVE_CACHE: join(work, 'cache') });

beforeAll(() => {
  work = tempDir('news-archive-readers');
  content = join(work, 'content');
  const articles = join(content, 'articles');
  mkdirSync(articles, { recursive: true });
  mkdirSync(join(content, 'events'));
  for (let k = 1; k <= BULLETINS; k++) {
    const { slug, title, date } = bulletin(k);
    const people = ['Anna Big', COMPANIONS[k % COMPANIONS.length]!, ...(k === 5 ? CLERKS : [])];
    const lines = [`title: "${title}"`, `date: ${date}`, `people: [${people.join(', ')}]`, `tags: [harbour${k === 3 ? ', ferries' : ''}]`];
    if (k !== 1) lines.push(`summary: "The summary of bulletin ${k}."`);
    if (k === 2) lines.push('source: "The Harbour Gazette"', 'url: "https://gazette.example/bulletin-2"');
    const lede = k === 1 ? 'The opening words of the newest bulletin stand first.' : `Bulletin ${k} from the harbour office.`;
    write(articles, `${slug}.md`, lines, `${lede}\n\n“We will keep the harbour open for every ship that asks, bulletin ${k},” Anna Big said.\n`);
  }
  write(join(content, 'events'), 'winter-fair.md', ['name: "Winter Fair"', 'start: 2021-06-01', 'end: 2021-06-03'], 'The fair on the quay.');
  for (const [slug, date, person] of [['before', '2021-05-20', 'Bea Before'], ['during', '2021-06-02', 'Dan During'], ['after', '2021-06-10', 'Ada After']]) {
    write(articles, `${date}-fair-${slug}.md`, [`title: "The fair, ${slug}"`, `date: ${date}`, `people: [${person}]`, 'events: [Winter Fair]'], `News of the fair, ${slug}.`);
  }
  build = buildArchive(content, { env: env() });
  pages = htmlPages(build.outDir);
});

describe('a person in every one of 130 articles', () => {
  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('pages articles and quotes separately, 50 a page, each pager saying what it pages', () => {
    expect(pages.filter((p) => p.startsWith(PERSON))).toEqual([PERSON, `${PERSON}2/`, `${PERSON}3/`, `${PERSON}connections/`, `${PERSON}quotes/`, `${PERSON}quotes/2/`, `${PERSON}quotes/3/`]);
    const pager = (path: string) => [...page(path).matchAll(/<a class="(?:prev|next)"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    expect(pager(PERSON)).toEqual(['Older articles →']);
    expect(pager(`${PERSON}2/`)).toEqual(['← Newer articles', 'Older articles →']);
    expect(pager(`${PERSON}quotes/`)).toEqual(['Older quotes →']);
    expect(pager(`${PERSON}quotes/3/`)).toEqual(['← Newer quotes']);
    expect(h1Of(page(`${PERSON}quotes/2/`))).toBe('Quotes of Anna Big · page 2 of 3');
    // Articles 51 to 100 on the second page, and no quotes among them.
    expect(linkedArticles(section(mainOf(page(`${PERSON}2/`)), '20') ?? '')[0]).toBe(bulletin(51).slug);
    expect(page(`${PERSON}2/`)).not.toContain('class="quote-list"');
    const quotes = [...page(`${PERSON}quotes/2/`).matchAll(/<blockquote\b[^>]*><p>([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(quotes).toHaveLength(50);
    expect(quotes[0]).toMatch(/bulletin 51$/);
  });

  it('links the first page to the quotes pages with their count, showing the latest', () => {
    const link = anchors(page(PERSON)).find((a) => a.href === `${PERSON}quotes/`);
    expect(link?.text).toBe('All 130 quotes');
    expect(textOf(section(page(PERSON), 'Latest quotes') ?? '')).toContain('bulletin 1 — Harbour bulletin 1');
  });

  it('puts connections and the year index before the article list, and shows the strongest first', () => {
    const html = mainOf(page(PERSON));
    const at = (text: string) => html.indexOf(text);
    expect(at('Appears with')).toBeGreaterThan(0);
    expect(at('Appears with')).toBeLessThan(at('Harbour bulletin 1<'));
    expect(at('Articles by year')).toBeLessThan(at('Harbour bulletin 1<'));
    const shown = anchors(section(html, 'Appears with')!).filter((a) => a.href.startsWith('/people/tom-'));
    expect(shown).toHaveLength(15);
    // 130 bulletins over twenty companions: the first ten have seven each, the rest six.
    expect(textOf(section(html, 'Appears with')!)).toContain('Tom Birch Person · 7 articles together');
  });

  it('links "Appears with" to a page of every connection, and names the crowd article there once', () => {
    const all = anchors(page(PERSON)).find((a) => a.href === `${PERSON}connections/`);
    expect(all?.text).toBe('All 130 connections');
    const full = mainOf(page(`${PERSON}connections/`));
    for (const name of COMPANIONS) expect(full, name).toContain(`>${name}</a>`);
    expect(full).not.toContain('Clerk 001');
    expect(anchors(full).find((a) => a.href === `/articles/${bulletin(5).slug}/`)?.text).toBe('Harbour bulletin 5');
    expect(textOf(full)).toContain('(111 others)');
    // Only where something is left out: a companion's one connection is on its page.
    expect(pages).not.toContain('/people/tom-birch/connections/');
  });

  it('gives every connection in the JSON API', () => {
    const data = JSON.parse(page('/api/people/anna-big.json'));
    expect(data.connections.map((c: { name: string }) => c.name).sort()).toEqual([...COMPANIONS].sort());
    expect(data.crowds).toEqual([{ article: `${SITE}/articles/${bulletin(5).slug}/`, title: 'Harbour bulletin 5', others: 111 }]);
  });

  it('links each year bar to the page and heading of that year’s first article', () => {
    const strip = /<nav class="aside-box strip"[^>]*>([\s\S]*?)<\/nav>/.exec(page(PERSON))?.[1] ?? '';
    const links = anchors(strip).map((a) => [a.text, a.href]);
    const years = [...new Set(Array.from({ length: BULLETINS }, (_, i) => bulletin(i + 1).year))];
    expect(years.length).toBeGreaterThan(2);
    const expected = years.map((year) => {
      const first = Array.from({ length: BULLETINS }, (_, i) => i).find((i) => bulletin(i + 1).year === year)!;
      const n = Math.floor(first / 50) + 1;
      return [expect.stringContaining(String(year)), `${n === 1 ? '' : `${PERSON}${n}/`}#year-${year}`];
    });
    expect(links).toEqual(expected);
    for (const [, href] of links) {
      const [path, anchor] = href!.split('#');
      expect(page(path || PERSON), href).toContain(`id="${anchor}"`);
    }
  });

  it('links its feed and its data visibly', () => {
    const main = anchors(mainOf(page(PERSON)));
    expect(main.find((a) => a.href === `${PERSON}rss.xml`)?.text).toBe('RSS feed');
    expect(main.find((a) => a.href === '/api/people/anna-big.json')?.text).toBe('data as JSON');
  });
});

describe('articles and lists', () => {
  it('does not repeat the first paragraph as a standfirst when there is no summary', () => {
    const newest = mainOf(page(`/articles/${bulletin(1).slug}/`));
    expect(newest.split('The opening words of the newest bulletin').length - 1).toBe(1);
    expect(newest).not.toContain('class="lede"');
    expect(mainOf(page(`/articles/${bulletin(4).slug}/`))).toContain('<p class="lede">The summary of bulletin 4.</p>');
  });

  it('links the source wherever an article is listed, when its URL is known', () => {
    for (const path of [PERSON, `/articles/${bulletin(2).slug}/`, `/archive/${bulletin(2).date.slice(0, 4)}/${bulletin(2).date.slice(5, 7)}/`]) {
      expect(anchors(mainOf(page(path))).find((a) => a.text === 'The Harbour Gazette')?.href, path).toBe('https://gazette.example/bulletin-2');
    }
  });

  it('prints the source and the article’s own address', () => {
    const footer = /<footer class="print-only">([\s\S]*?)<\/footer>/.exec(page(`/articles/${bulletin(2).slug}/`))?.[1] ?? '';
    expect(textOf(footer)).toBe(`First published by The Harbour Gazette: https://gazette.example/bulletin-2. In the archive at ${SITE}/articles/${bulletin(2).slug}/`);
  });
});

describe('tags and events', () => {
  it('titles a tag page with a capital and leaves no empty column', () => {
    expect(h1Of(page('/tags/ferries/'))).toBe('Ferries');
    expect(page('/tags/ferries/')).toContain('<title>Ferries · ');
    expect(page('/tags/ferries/')).not.toMatch(/has-side|entity-side/);
    expect(h1Of(page('/tags/harbour/'))).toBe('Harbour');
  });

  it('lists as participants only who its coverage names while it happens', () => {
    const html = page('/events/winter-fair/');
    expect(textOf(section(html, 'Participants') ?? '')).toBe('Dan During Person · 1 article together');
    const rest = textOf(section(html, 'Also in the coverage') ?? '');
    expect(rest).toContain('Bea Before');
    expect(rest).toContain('Ada After');
    expect(rest).not.toContain('Dan During');
  });
});

describe('front page and archive', () => {
  it('leads with the latest story and its summary, under no heading repeating the masthead', () => {
    const main = mainOf(page('/'));
    expect(h1Of(main)).not.toBe(SITE_CONFIG.title);
    const lead = /<article class="lead-story">([\s\S]*?)<\/article>/.exec(main)?.[1] ?? '';
    expect(linkedArticles(lead)).toEqual([bulletin(1).slug]);
    expect(textOf(lead)).toContain('The opening words of the newest bulletin stand first.');
    expect(linkedArticles(section(main, 'Latest articles') ?? '').slice(0, 3)).toEqual([bulletin(2).slug, bulletin(3).slug, bulletin(4).slug]);
  });

  it('shows the most covered people of the last months and a compact archive by year', () => {
    const main = mainOf(page('/'));
    const most = /<h2>Most covered since ([^<]*)<\/h2>([\s\S]*?)<\/aside>/.exec(main);
    expect(most, 'a "Most covered" box').not.toBeNull();
    expect(anchors(most![2]!)[0]).toMatchObject({ href: PERSON, text: 'Anna Big' });
    const years = anchors(section(main, 'The archive by year') ?? '').map((a) => a.href);
    expect(years).toEqual(['/archive/2021/', '/archive/2020/', '/archive/2019/']);
  });

  it('shows /archive/ as a grid of years, each with its twelve months', () => {
    const main = mainOf(page('/archive/'));
    const grids = [...main.matchAll(/<ol class="month-grid">([\s\S]*?)<\/ol>/g)].map((m) => m[1]!);
    expect(grids).toHaveLength(3);
    for (const grid of grids) expect(grid.match(/<li\b/g)).toHaveLength(12);
    expect(anchors(grids[2]!).map((a) => a.href)[0]).toBe('/archive/2019/01/');
  });
});

describe('a rebuild after one article is retitled', () => {
  let rebuiltAt: number;
  const RETITLED = 'The harbour register, corrected';

  beforeAll(() => {
    const file = join(content, 'articles', `${bulletin(5).slug}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: "Harbour bulletin 5"', `title: "${RETITLED}"`));
    rebuiltAt = Date.now();
    build = buildArchive(content, { env: env() });
  });

  it('shows the new title on the quotes page and the connections page that name it', () => {
    expect(build.ok, build.output).toBe(true);
    for (const path of [`${PERSON}quotes/`, `${PERSON}connections/`, PERSON]) {
      expect(textOf(mainOf(page(path))), path).toContain(RETITLED);
      expect(textOf(mainOf(page(path))), path).not.toContain('Harbour bulletin 5 ');
    }
  });

  it('keeps the quotes and article pages that do not show it, without rendering them again', () => {
    for (const path of [`${PERSON}quotes/3/`, `${PERSON}3/`]) {
      expect(statSync(join(build.outDir, path, 'index.html')).mtimeMs, path).toBeLessThan(rebuiltAt);
    }
  });
});
