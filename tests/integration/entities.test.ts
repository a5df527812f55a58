/**
 * Entity pages that explain who and what: profiles (aliases, names in other languages, Wikidata,
 * role, coverage), connections ("Appears with", event participants and phases), related articles
 * by IDF weight, pagination at 50 a page, mention links in article bodies, editorial warnings,
 * the index pages and the JSON API.
 *
 * Two builds: the hand-written `entities` fixture, and a generated archive of 101 articles (in a
 * temporary folder) for pagination.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturePath, type BuildResult } from '../helpers/build.ts';
import { anchors, decodeEntities, h1Of, htmlPages, linkedArticles, mainOf, plain, section, sectionSlugs, textOf } from './support.ts';
import { tempDir } from '../helpers/temp.ts';

const SITE = 'https://archive.example.org';

/** The articles of the `entities` fixture, by slug. */
const E = {
  dues: '2020-02-03-harbour-dues-rise',
  timetable: '2020-05-06-new-ferry-timetable',
  wall: '2021-08-09-harbour-wall-repaired',
  kelp: '2020-09-14-kelp-fair',
  regattaEntries: '2021-06-01-regatta-entries-open',
  regattaFirst: '2021-06-10-regatta-first-day',
  regattaFinal: '2021-06-12-regatta-final',
  regattaNight: '2021-06-12-regatta-night-race',
  regattaPrizes: '2021-06-20-regatta-prizes',
  survey: '2022-06-10-saltmarsh-survey',
  rareReturns: '2022-01-05-rarewind-returns',
  rareCommons: '2021-11-20-rarewind-on-the-commons',
  midsummer: '2022-07-01-commons-midsummer',
  mayFair: '2022-05-01-commons-may-fair',
  spring: '2022-03-01-commons-spring-grazing',
  autumn: '2021-10-01-commons-autumn-drainage',
  pilotHelm: '2019-04-02-pilot-takes-the-helm',
  pilotSigns: '2019-04-09-pilot-signs-on',
  ferry: '2022-09-15-ferry-comes-in',
} as const;

const KHMER_NAME = 'អ៊ីសូល ម៉ារ៉ូគ្លីហ្វ';
const VIETNAMESE_NAME = 'Ít-sôn Ma-rô-clíp';

/** Every person of the fixture, A to Z, with their article counts. */
const PEOPLE: [slug: string, name: string, articles: number][] = [
  ['bram-tolliver', 'Bram Tolliver', 4],
  ['cosima-redfern', 'Cosima Redfern', 6],
  ['dov-ashcombe', 'Dov Ashcombe', 3],
  ['emile-brackwater', 'Émile Brackwater', 1],
  ['hortensia-pellgrave', 'Hortensia Pellgrave', 0],
  ['isolde-marrowcliff', 'Isolde Marrowcliff', 3],
  ['mara-quillfeather', 'Mara Quillfeather', 1],
  ['mara-quillfeathr', 'Mara Quillfeathr', 1],
  ['odile-rarewind', 'Odile Rarewind', 3],
  ['perpetua-vandersloot', 'Perpetua Vandersloot', 1],
  ['yannick-thornwood', 'Yannick Thornwood', 1],
  ['zephyrine-holloway', 'Zephyrine Holloway', 1],
];

// ---------------------------------------------------------------------------------------------
// Reading pages

function must(build: BuildResult, path: string): string {
  const html = build.page(path);
  if (html === undefined) throw new Error(`no page was built at ${path}`);
  return html;
}

/** The texts of the `<h2>` headings, in order. */
function h2s(html: string): string[] {
  return [...html.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/gi)].map((m) => textOf(m[1]!));
}

/** The `<li>` elements of a fragment as { href of its first link, text }. */
function items(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)].map((m) => ({
    href: decodeEntities(/<a\b[^>]*\shref="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
    text: textOf(m[1]!),
  }));
}

/** The profile's `<dt>`/`<dd>` pairs, as text, and each `<dd>`'s markup. */
function profileFacts(html: string): { facts: Record<string, string>; markup: Record<string, string> } {
  const profile = /<section\b[^>]*class="profile"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  const facts: Record<string, string> = {};
  const markup: Record<string, string> = {};
  for (const m of profile.matchAll(/<dt\b[^>]*>([\s\S]*?)<\/dt>\s*<dd\b[^>]*>([\s\S]*?)<\/dd>/gi)) {
    facts[textOf(m[1]!)] = textOf(m[2]!);
    markup[textOf(m[1]!)] = m[2]!;
  }
  return { facts, markup };
}

/** The rendered article body. */
function proseOf(html: string): string {
  return /<div class="prose"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
}

/** `<a>` elements with their class attribute. */
function classedAnchors(html: string): { href: string; cls: string; text: string }[] {
  return [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)].map((m) => ({
    href: decodeEntities(/\shref="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
    cls: /\sclass="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
    text: textOf(m[2]!),
  }));
}

/** The JSON-LD objects of a page. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

function json(build: BuildResult, path: string): any {
  return JSON.parse(must(build, path));
}

const articleUrl = (slug: string) => `${SITE}/articles/${slug}/`;

// ---------------------------------------------------------------------------------------------
// The hand-written fixture

describe('entities fixture', () => {
  let build: BuildResult;
  let pages: string[];
  const page = (path: string) => must(build, path);

  beforeAll(() => {
    build = buildArchive(join(fixturePath('entities'), 'content'));
    if (!build.ok) console.error(build.output);
    pages = htmlPages(build.outDir);
  });

  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  describe('profiles', () => {
    it('shows aliases, names in other languages with their lang, role, Wikidata and the coverage span', () => {
      const html = page('/people/isolde-marrowcliff/');
      expect(h1Of(html)).toBe('Isolde Marrowcliff');
      const { facts, markup } = profileFacts(html);
      expect(facts['Also known as']).toBe('Captain Marrowcliff, Izzy Marrowcliff');
      expect(facts['Role']).toBe('Harbour-master of Fennick Bay');
      expect(facts['Coverage']).toBe('3 articles, 3 February 2020 to 9 August 2021');
      expect(facts['Wikidata']).toBe('Q123456');
      expect(anchors(markup['Wikidata'] ?? '').map((a) => a.href)).toEqual(['https://www.wikidata.org/wiki/Q123456']);
      // Each name in its own language, marked with that language.
      const langs = [...(markup['In other languages'] ?? '').matchAll(/<(\w+)\b[^>]*\slang="([^"]*)"[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => [m[2], textOf(m[3]!)]);
      expect(langs).toEqual([
        ['km', KHMER_NAME],
        ['vi', VIETNAMESE_NAME],
      ]);
      expect(facts['In other languages']).toBe(`${KHMER_NAME} (Khmer) ${VIETNAMESE_NAME} (Vietnamese)`);
    });

    it('gives the Wikidata URL as sameAs in the JSON-LD', () => {
      const person = jsonLd(page('/people/isolde-marrowcliff/')).find((d) => d['@type'] === 'Person');
      expect(person?.['name']).toBe('Isolde Marrowcliff');
      expect(person?.['sameAs']).toEqual(['https://www.wikidata.org/wiki/Q123456']);
      expect(person?.['alternateName']).toEqual(['Captain Marrowcliff', 'Izzy Marrowcliff', KHMER_NAME, VIETNAMESE_NAME]);
      expect(person?.['jobTitle']).toBe('Harbour-master of Fennick Bay');
    });

    it('puts an article naming the person only in Khmer (and one by a lower-case alias) on the same page', () => {
      expect(linkedArticles(mainOf(page('/people/isolde-marrowcliff/')))).toEqual([E.wall, E.timetable, E.dues]);
      const wall = anchors(mainOf(page(`/articles/${E.wall}/`))).filter((a) => a.href.startsWith('/people/'));
      expect(wall.map((a) => [a.href, a.text])).toEqual([
        ['/people/isolde-marrowcliff/', 'Isolde Marrowcliff'],
        ['/people/bram-tolliver/', 'Bram Tolliver'],
      ]);
      // One page per person: none with an empty or a Khmer slug.
      expect(sectionSlugs(pages, 'people')).toEqual(PEOPLE.map(([slug]) => slug));
      expect(pages.filter((p) => /[^\x00-\x7f]|\/\/|^\/people\/\/$/.test(p))).toEqual([]);
    });
  });

  describe('connections', () => {
    it('lists who appears with a person, most shared articles first, with the counts', () => {
      const aside = section(page('/people/isolde-marrowcliff/'), 'Appears with');
      expect(aside, 'an "Appears with" section').toBeDefined();
      expect(items(aside!)).toEqual([
        { href: '/people/bram-tolliver/', text: 'Bram Tolliver Person · 3 articles together' },
        { href: '/people/cosima-redfern/', text: 'Cosima Redfern Person · 2 articles together' },
        { href: '/organisations/amberline-trust/', text: 'Amberline Trust Organisation · 1 article together' },
        { href: '/people/dov-ashcombe/', text: 'Dov Ashcombe Person · 1 article together' },
      ]);
    });

    it('lists as an event’s participants the people and organisations of its own coverage while it happened, the rest as its other coverage', () => {
      const html = page('/events/fennick-regatta-2021/');
      // Counted over the three articles dated during the regatta; Amberline Trust is named only before and after it.
      expect(items(section(html, 'Participants') ?? '')).toEqual([
        { href: '/people/cosima-redfern/', text: 'Cosima Redfern Person · 2 articles together' },
        { href: '/people/dov-ashcombe/', text: 'Dov Ashcombe Person · 2 articles together' },
        { href: '/organisations/fennick-rowing-club/', text: 'Fennick Rowing Club Organisation · 1 article together' },
      ]);
      expect(items(section(html, 'Also in the coverage') ?? '')).toEqual([
        { href: '/places/fennick-bay/', text: 'Fennick Bay Place · 2 articles together' },
        { href: '/organisations/amberline-trust/', text: 'Amberline Trust Organisation · 1 article together' },
      ]);
      expect(section(html, 'Appears with')).toBeUndefined();
    });

    it('splits an event’s articles into after / during / before its dates (end date and a late local time included)', () => {
      const main = mainOf(page('/events/fennick-regatta-2021/'));
      expect(profileFacts(main).facts['Dates']).toBe('10 June 2021 – 12 June 2021');
      expect(h2s(main).filter((h) => /the event/.test(h))).toEqual(['After the event (1)', 'During the event (3)', 'Before the event (1)']);
      expect(linkedArticles(section(main, 'After the event') ?? '')).toEqual([E.regattaPrizes]);
      // 23:30 at UTC−4 on 12 June is still 12 June where it happened: during, and the newest that day.
      expect(linkedArticles(section(main, 'During the event') ?? '')).toEqual([E.regattaNight, E.regattaFinal, E.regattaFirst]);
      expect(linkedArticles(section(main, 'Before the event') ?? '')).toEqual([E.regattaEntries]);
    });
  });

  describe('related articles', () => {
    it('ranks by IDF weight (a rare shared person above a common shared place), then newer first, five at most', () => {
      const html = page(`/articles/${E.survey}/`);
      const related = section(html, 'Related articles');
      expect(related, 'a "Related articles" section').toBeDefined();
      // rareCommons shares both; rareReturns shares only the rare person (3 articles) and is
      // older than the three that share only the common place (6 articles), which tie and go
      // newest first; autumn ties with them too but is the oldest and the sixth.
      expect(linkedArticles(related!)).toEqual([E.rareCommons, E.rareReturns, E.midsummer, E.mayFair, E.spring]);
      expect(items(related!).map((i) => i.text)).toEqual([
        'A botanist on the commons 20 November 2021',
        'The botanist returns 5 January 2022',
        'Midsummer on the commons 1 July 2022',
        'The May fair on the commons 1 May 2022',
        'Spring grazing on the commons 1 March 2022',
      ]);
    });
  });

  describe('mention links', () => {
    it('links the first prose mention of each tagged person, by alias or name, whatever the case or accents', () => {
      const prose = proseOf(page(`/articles/${E.ferry}/`));
      const mentions = classedAnchors(prose).filter((a) => a.cls.split(/\s+/).includes('mention'));
      expect(mentions.map((a) => [a.href, a.text])).toEqual([
        ['/people/perpetua-vandersloot/', 'captain vandersloot'],
        ['/people/emile-brackwater/', 'EMILE BRACKWATER'],
      ]);
    });

    it('leaves mentions in headings, inline code, fenced code and existing links, later mentions and untagged people alone', () => {
      const prose = proseOf(page(`/articles/${E.ferry}/`));
      // Every link in the body: the editor's own link (untouched) and the two mention links.
      expect(classedAnchors(prose).map((a) => [a.href, a.cls, a.text])).toEqual([
        ['https://example.com/register/vandersloot', '', 'Perpetua Vandersloot'],
        ['/people/perpetua-vandersloot/', 'mention', 'captain vandersloot'],
        ['/people/emile-brackwater/', 'mention', 'EMILE BRACKWATER'],
      ]);
      expect(textOf(/<h2\b[^>]*>([\s\S]*?)<\/h2>/.exec(prose)?.[1] ?? '')).toBe('Perpetua Vandersloot at the helm');
      expect(/<h2\b[^>]*>[\s\S]*?<\/h2>/.exec(prose)?.[0]).not.toMatch(/<a\b/);
      expect(prose).toMatch(/<code>Perpetua Vandersloot<\/code>/);
      expect(prose).toMatch(/<pre><code[^>]*>Perpetua Vandersloot signed the log at dawn\.\n<\/code><\/pre>/);
      // The second mentions stay text.
      expect(prose).toMatch(/<p>Later Perpetua Vandersloot and Émile Brackwater walked up to see the Widow Pellgrave about the lamps\.<\/p>/);
      // A known person the article is not tagged with is never linked, by alias or by name.
      expect(page(`/articles/${E.ferry}/`)).not.toContain('/people/hortensia-pellgrave/');
      expect(prose).toMatch(/<p>Hortensia Pellgrave gave them tea\.<\/p>/);
    });
  });

  describe('editorial warnings', () => {
    const warnings = () => plain(build.output).split('\n').filter((line) => /warn/i.test(line));

    it('warns about a known entity the body names (by an alias) but the frontmatter does not list', () => {
      const file = `content/articles/2022/${E.ferry}.md`;
      const lines = warnings().filter((line) => line.includes(file));
      expect(lines.length, plain(build.output)).toBe(1);
      expect(lines[0]).toContain('Hortensia Pellgrave');
      expect(lines[0]).toContain('Widow Pellgrave');
      // Nothing about the people it does tag.
      expect(warnings().filter((line) => /Vandersloot|Brackwater/i.test(line))).toEqual([]);
    });

    it('warns about two near-identical names in different articles, suggesting an alias', () => {
      const lines = warnings().filter((line) => line.includes('"Mara Quillfeather"') && line.includes('"Mara Quillfeathr"'));
      expect(lines.length, plain(build.output)).toBe(1);
      expect(lines[0]).toMatch(/\balias\b/);
      expect(lines[0]).toContain(`content/articles/2019/${E.pilotHelm}.md`);
      expect(lines[0]).toContain(`content/articles/2019/${E.pilotSigns}.md`);
    });
  });

  describe('index pages', () => {
    it('lists the most covered people on /people/, most articles first, ten at most', () => {
      const most = section(mainOf(page('/people/')), 'Most covered');
      expect(most, 'a "Most covered" section').toBeDefined();
      expect(items(most!).map((i) => [i.href, i.text])).toEqual([
        ['/people/cosima-redfern/', 'Cosima Redfern (6)'],
        ['/people/bram-tolliver/', 'Bram Tolliver (4)'],
        ['/people/dov-ashcombe/', 'Dov Ashcombe (3)'],
        ['/people/isolde-marrowcliff/', 'Isolde Marrowcliff (3)'],
        ['/people/odile-rarewind/', 'Odile Rarewind (3)'],
        ['/people/emile-brackwater/', 'Émile Brackwater (1)'],
        ['/people/mara-quillfeather/', 'Mara Quillfeather (1)'],
        ['/people/mara-quillfeathr/', 'Mara Quillfeathr (1)'],
        ['/people/perpetua-vandersloot/', 'Perpetua Vandersloot (1)'],
        ['/people/yannick-thornwood/', 'Yannick Thornwood (1)'],
      ]);
    });

    it('groups /people/ A to Z, accented initials under their letter', () => {
      const main = mainOf(page('/people/'));
      const groups = [...main.matchAll(/<section class="az-group" id="letter-([^"]*)">\s*<h3>([^<]*)<\/h3>([\s\S]*?)<\/section>/g)].map((m) => [
        m[1],
        m[2],
        items(m[3]!).map((i) => i.text),
      ]);
      expect(groups).toEqual([
        ['B', 'B', ['Bram Tolliver (4)']],
        ['C', 'C', ['Cosima Redfern (6)']],
        ['D', 'D', ['Dov Ashcombe (3)']],
        ['E', 'E', ['Émile Brackwater (1)']],
        ['H', 'H', ['Hortensia Pellgrave (0)']],
        ['I', 'I', ['Isolde Marrowcliff (3)']],
        ['M', 'M', ['Mara Quillfeather (1)', 'Mara Quillfeathr (1)']],
        ['O', 'O', ['Odile Rarewind (3)']],
        ['P', 'P', ['Perpetua Vandersloot (1)']],
        ['Y', 'Y', ['Yannick Thornwood (1)']],
        ['Z', 'Z', ['Zephyrine Holloway (1)']],
      ]);
      const nav = /<ul class="az-nav">([\s\S]*?)<\/ul>/.exec(main)?.[1] ?? '';
      expect(anchors(nav).map((a) => a.href)).toEqual(['B', 'C', 'D', 'E', 'H', 'I', 'M', 'O', 'P', 'Y', 'Z'].map((l) => `#letter-${l}`));
      expect(textOf(main)).toContain('12 people in the archive.');
    });

    it('lists events by date on /events/, newest first, undated ones by their first article', () => {
      const byDate = section(mainOf(page('/events/')), 'By date');
      expect(byDate, 'a "By date" section').toBeDefined();
      expect(items(byDate!).map((i) => [i.href, i.text])).toEqual([
        ['/events/fennick-regatta-2021/', 'Fennick Regatta 2021 10 June 2021 · 5'],
        ['/events/great-kelp-fair/', 'Great Kelp Fair 14 September 2020 · 1'],
        ['/events/lamplighters-congress/', "Lamplighters' Congress 1 September 2019 · 0"],
      ]);
    });
  });

  describe('JSON API', () => {
    it('lists every person with name, slug, absolute URL and article count', () => {
      const people = json(build, '/api/people.json') as any[];
      expect(people.map((p) => ({ name: p.name, slug: p.slug, url: p.url, articles: p.articles }))).toEqual(
        PEOPLE.map(([slug, name, articles]) => ({ name, slug, url: `${SITE}/people/${slug}/`, articles })),
      );
    });

    it('gives one person’s aliases, names, connections with shared counts and articles with absolute URLs', () => {
      const isolde = json(build, '/api/people/isolde-marrowcliff.json');
      expect(isolde.name).toBe('Isolde Marrowcliff');
      expect(isolde.url).toBe(`${SITE}/people/isolde-marrowcliff/`);
      expect(isolde.aliases).toEqual(['Captain Marrowcliff', 'Izzy Marrowcliff']);
      expect(isolde.names).toEqual({ km: KHMER_NAME, vi: VIETNAMESE_NAME });
      expect(isolde.wikidata).toBe('Q123456');
      expect(isolde.articles).toBe(3);
      expect([isolde.first, isolde.latest]).toEqual(['2020-02-03', '2021-08-09']);
      expect(isolde.connections.map((c: any) => [c.kind, c.slug, c.name, c.shared, c.url])).toEqual([
        ['people', 'bram-tolliver', 'Bram Tolliver', 3, `${SITE}/people/bram-tolliver/`],
        ['people', 'cosima-redfern', 'Cosima Redfern', 2, `${SITE}/people/cosima-redfern/`],
        ['organisations', 'amberline-trust', 'Amberline Trust', 1, `${SITE}/organisations/amberline-trust/`],
        ['people', 'dov-ashcombe', 'Dov Ashcombe', 1, `${SITE}/people/dov-ashcombe/`],
      ]);
      expect(isolde.articleList).toEqual([
        { title: 'The harbour wall is repaired', date: '2021-08-09', url: articleUrl(E.wall) },
        { title: 'A new ferry timetable', date: '2020-05-06', url: articleUrl(E.timetable) },
        { title: 'Harbour dues rise at Fennick Bay', date: '2020-02-03', url: articleUrl(E.dues) },
      ]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Pagination, on a generated archive

/** Article k (1 = newest) of the generated archive. */
function generated(k: number): { slug: string; title: string; date: string } {
  const date = new Date(Date.UTC(2020, 0, 1) + (101 - k) * 86_400_000).toISOString().slice(0, 10);
  const n = String(k).padStart(3, '0');
  return { slug: `${date}-bulletin-${n}`, title: `Harbour bulletin ${n}`, date };
}

/** Who is in which of the 101 generated articles (by k, 1 = newest). */
const PAGED = {
  'orla-fennimore': { name: 'Orla Fennimore', has: (k: number) => k <= 50 }, // 50
  'piet-hallowmere': { name: 'Piet Hallowmere', has: (k: number) => k <= 51 }, // 51
  'rosalind-gatterby': { name: 'Rosalind Gatterby', has: (k: number) => k >= 2 }, // 100
  'silas-wetherholt': { name: 'Silas Wetherholt', has: (_k: number) => true }, // 101
} as const;
type PagedSlug = keyof typeof PAGED;

/** A person's articles, newest first, as slugs. */
function articlesOf(slug: PagedSlug): string[] {
  const list: string[] = [];
  for (let k = 1; k <= 101; k++) if (PAGED[slug].has(k)) list.push(generated(k).slug);
  return list;
}

describe('entity pages of 50 articles each', () => {
  let work: string;
  let build: BuildResult;
  let pages: string[];
  const page = (path: string) => must(build, path);

  beforeAll(() => {
    work = tempDir('news-archive-paging');
    const dir = join(work, 'content', 'articles');
    mkdirSync(dir, { recursive: true });
    for (let k = 1; k <= 101; k++) {
      const { slug, title, date } = generated(k);
      const people = Object.values(PAGED).filter((p) => p.has(k)).map((p) => p.name);
      writeFileSync(join(dir, `${slug}.md`), `---\ntitle: "${title}"\ndate: ${date}\npeople: [${people.join(', ')}]\n---\nBulletin number ${k} from the harbour office.\n`);
    }
    build = buildArchive(join(work, 'content'));
    if (!build.ok) console.error(build.output);
    pages = htmlPages(build.outDir);
  });

  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
    expect(articlesOf('orla-fennimore')).toHaveLength(50);
    expect(articlesOf('piet-hallowmere')).toHaveLength(51);
    expect(articlesOf('rosalind-gatterby')).toHaveLength(100);
    expect(articlesOf('silas-wetherholt')).toHaveLength(101);
  });

  it('writes a second page only past 50 articles, a third past 100, and nothing beyond the last', () => {
    const of = (slug: string) => pages.filter((p) => p.startsWith(`/people/${slug}/`));
    expect(of('orla-fennimore')).toEqual(['/people/orla-fennimore/']);
    expect(of('piet-hallowmere')).toEqual(['/people/piet-hallowmere/', '/people/piet-hallowmere/2/']);
    expect(of('rosalind-gatterby')).toEqual(['/people/rosalind-gatterby/', '/people/rosalind-gatterby/2/']);
    expect(of('silas-wetherholt')).toEqual(['/people/silas-wetherholt/', '/people/silas-wetherholt/2/', '/people/silas-wetherholt/3/']);
    expect(sectionSlugs(pages, 'people')).toEqual(Object.keys(PAGED).sort());
  });

  it('lists 50 articles a page, newest first, continuing where the last page stopped', () => {
    for (const slug of Object.keys(PAGED) as PagedSlug[]) {
      const all = articlesOf(slug);
      const count = Math.ceil(all.length / 50);
      for (let n = 1; n <= count; n++) {
        const path = `/people/${slug}/${n === 1 ? '' : `${n}/`}`;
        expect(linkedArticles(mainOf(page(path))), path).toEqual(all.slice((n - 1) * 50, n * 50));
      }
    }
    // Spelled out once: page 2 of the person in 101 articles holds articles 51 to 100.
    expect(linkedArticles(mainOf(page('/people/silas-wetherholt/2/')))).toEqual(
      Array.from({ length: 50 }, (_, i) => generated(51 + i).slug),
    );
    expect(linkedArticles(mainOf(page('/people/rosalind-gatterby/2/')))).toEqual(
      Array.from({ length: 50 }, (_, i) => generated(52 + i).slug),
    );
  });

  it('links the pages to each other with prev and next', () => {
    const pager = (path: string) =>
      anchors(mainOf(page(path)))
        .filter((a) => /\b(prev|next)\b/.test(a.rel))
        .map((a) => [a.rel, a.href]);
    expect(pager('/people/orla-fennimore/')).toEqual([]);
    expect(pager('/people/piet-hallowmere/')).toEqual([['next', '/people/piet-hallowmere/2/']]);
    expect(pager('/people/piet-hallowmere/2/')).toEqual([['prev', '/people/piet-hallowmere/']]);
    expect(pager('/people/silas-wetherholt/')).toEqual([['next', '/people/silas-wetherholt/2/']]);
    expect(pager('/people/silas-wetherholt/2/')).toEqual([
      ['prev', '/people/silas-wetherholt/'],
      ['next', '/people/silas-wetherholt/3/'],
    ]);
    expect(pager('/people/silas-wetherholt/3/')).toEqual([['prev', '/people/silas-wetherholt/2/']]);
  });

  it('shows the profile on the first page only', () => {
    const profile = /<section\b[^>]*class="profile"/;
    for (const slug of Object.keys(PAGED) as PagedSlug[]) expect(page(`/people/${slug}/`), slug).toMatch(profile);
    expect(profileFacts(page('/people/silas-wetherholt/')).facts['Coverage']).toBe('101 articles, 1 January 2020 to 10 April 2020');
    for (const path of ['/people/piet-hallowmere/2/', '/people/rosalind-gatterby/2/', '/people/silas-wetherholt/2/', '/people/silas-wetherholt/3/']) {
      expect(page(path), path).not.toMatch(profile);
    }
  });
});
