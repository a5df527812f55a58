/**
 * Quotes collected on every person's (and organisation's) page: built from the `quotes-site`
 * fixture, four articles in which fictional people are quoted by name, by short form and by
 * pronoun, an organisation by a statement, one quotation has no speaker, one phrase is a scare
 * quote, and an editor corrects the result in frontmatter.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, fixturePath, type BuildResult } from '../helpers/build.ts';
import { decodeEntities, h1Of, mainOf, plain, section, textOf } from './support.ts';

const SITE = 'https://archive.example.org';

const A = {
  council: '2023-01-10-council-closes-the-harbour',
  records: '2023-02-14-archivist-opens-the-records',
  merchants: '2023-03-20-merchants-meet-the-keepers',
  reopens: '2023-04-05-the-harbour-reopens',
} as const;

const TITLE: Record<string, string> = {
  [A.council]: 'The council closes the harbour for the winter',
  [A.records]: 'The archivist opens the harbour records',
  [A.merchants]: 'Merchants meet the lamp keepers',
  [A.reopens]: 'The harbour reopens after the thaw',
};
const DATE: Record<string, string> = { [A.council]: '2023-01-10', [A.records]: '2023-02-14', [A.merchants]: '2023-03-20', [A.reopens]: '2023-04-05' };
const SHOWN: Record<string, string> = { [A.council]: '10 January 2023', [A.records]: '14 February 2023', [A.merchants]: '20 March 2023', [A.reopens]: '5 April 2023' };

/** Every quotation in the fixture, in article and document order. */
const Q = {
  // 2023-01-10
  keepOpen: 'We will keep the channel open for every honest ship that asks', // by name
  saltTrade: 'The salt trade cannot wait another season for the council to make up its mind.', // "X said:" before
  lamps: 'The lamps of the channel will be lit every night this winter, vote or no vote.', // "A Lantern Order statement said:"
  // 2023-02-14
  townRecords: 'The town records show no winter closure in two hundred years', // "she said", named in the sentence before
  ships: 'Ships from the south have already turned back at the harbour mouth', // "Quillfeather told reporters"
  notice: 'All pilots are asked to report to the guild house before the next tide', // "the notice said": no speaker
  // 2023-03-20
  toast: 'the salt trade built this town and the salt trade will save it', // editor: by Tomas Vendrell
  guildHall: 'The records of the guild hall go back further than the council itself', // by name
  // 2023-04-05
  channel: 'The channel is open again and every pilot is back on the water', // by name
  firstShip: 'The first salt ship of the year will dock before the end of the week', // "Vendrell said"
} as const;

/** Not quotations: a scare quote, and a sign the editor marked `by: null`. */
const SCARE = 'sensible winter measure';
const SIGN = 'Please keep to the left of the lamp posts';

/** Each speaker's quotations, newest first, with the article each is from. */
const BY: Record<string, { path: string; quotes: [text: string, article: string][] }> = {
  'mara-quillfeather': {
    path: '/people/mara-quillfeather/',
    quotes: [
      [Q.channel, A.reopens],
      [Q.ships, A.records],
      [Q.keepOpen, A.council],
    ],
  },
  'tomas-vendrell': {
    path: '/people/tomas-vendrell/',
    quotes: [
      [Q.firstShip, A.reopens],
      [Q.toast, A.merchants],
      [Q.saltTrade, A.council],
    ],
  },
  'ilsa-brennock': {
    path: '/people/ilsa-brennock/',
    quotes: [
      [Q.guildHall, A.merchants],
      [Q.townRecords, A.records],
    ],
  },
  'order-of-the-lantern': {
    path: '/organisations/order-of-the-lantern/',
    quotes: [[Q.lamps, A.council]],
  },
};

/** What each article's "Who said what" should list, in order: the quotation and its speaker's page. */
const WHO_SAID_WHAT: Record<string, [text: string, speaker: string | null][]> = {
  [A.council]: [
    [Q.keepOpen, '/people/mara-quillfeather/'],
    [Q.saltTrade, '/people/tomas-vendrell/'],
    [Q.lamps, '/organisations/order-of-the-lantern/'],
  ],
  [A.records]: [
    [Q.townRecords, '/people/ilsa-brennock/'],
    [Q.ships, '/people/mara-quillfeather/'],
    [Q.notice, null],
  ],
  [A.merchants]: [
    [Q.toast, '/people/tomas-vendrell/'],
    [Q.guildHall, '/people/ilsa-brennock/'],
  ],
  [A.reopens]: [
    [Q.channel, '/people/mara-quillfeather/'],
    [Q.firstShip, '/people/tomas-vendrell/'],
  ],
};

const SPEAKER_NAME: Record<string, string> = {
  '/people/mara-quillfeather/': 'Mara Quillfeather',
  '/people/tomas-vendrell/': 'Tomas Vendrell',
  '/people/ilsa-brennock/': 'Ilsa Brennock',
  '/organisations/order-of-the-lantern/': 'Order of the Lantern',
};

// ---------------------------------------------------------------------------------------------
// Reading pages

/** An entity's quotes page's quotations: text, the date shown, its datetime and the article linked. */
function quoteList(html: string): { text: string; date: string; datetime: string; article: string; title: string; cite: string }[] {
  const list = /<ul class="quote-list"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)].map((m) => {
    const li = m[1]!;
    const time = /<time\b[^>]*\sdatetime="([^"]*)"[^>]*>([\s\S]*?)<\/time>/.exec(li);
    const link = /<a\b[^>]*\shref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/.exec(li);
    return {
      text: textOf(/<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/.exec(li)?.[1] ?? ''),
      cite: decodeEntities(/<blockquote\b[^>]*\scite="([^"]*)"/.exec(li)?.[1] ?? ''),
      datetime: time?.[1] ?? '',
      date: textOf(time?.[2] ?? ''),
      article: decodeEntities(link?.[1] ?? ''),
      title: textOf(link?.[2] ?? ''),
    };
  });
}

/** An article's "Who said what": each quotation and the speaker it links to (null when none). */
function whoSaidWhat(html: string): { text: string; speaker: string | null; name: string | null; line: string }[] {
  const list = section(html, 'Who said what') ?? '';
  return [...list.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)].map((m) => {
    const li = m[1]!;
    const link = /<a\b[^>]*\shref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/.exec(li);
    return {
      text: textOf(/<q\b[^>]*>([\s\S]*?)<\/q>/.exec(li)?.[1] ?? ''),
      speaker: link ? decodeEntities(link[1]!) : null,
      name: link ? textOf(link[2]!) : null,
      line: textOf(li),
    };
  });
}

// ---------------------------------------------------------------------------------------------

describe('quotes on entity pages', () => {
  let build: BuildResult;
  const page = (path: string): string => {
    const html = build.page(path);
    if (html === undefined) throw new Error(`no page was built at ${path}`);
    return html;
  };

  beforeAll(() => {
    build = buildArchive(join(fixturePath('quotes-site'), 'content'));
    if (!build.ok) console.error(build.output);
  });

  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('reports the quotation counts in the build log', () => {
    // 10 quotations (the scare quote is too short, the sign is struck out by the editor); one has
    // no speaker ("the notice said").
    const lines = plain(build.output).split('\n').filter((line) => line.includes('quotes:') && line.includes('found'));
    expect(lines.length, plain(build.output)).toBe(1);
    expect(lines[0]).toMatch(/quotes: 10 found, 9 attributed, 1 without a speaker\b/);
  });

  it('gives no warnings: the editor’s `by: null` entry struck out a quotation the body has', () => {
    const file = `content/articles/${A.merchants}.md`;
    const warnings = plain(build.output).split('\n').filter((line) => /warn/i.test(line) && line.includes('content/'));
    expect(warnings.filter((line) => line.includes(file)), 'warnings about the article with quotes: entries').toEqual([]);
    expect(warnings).toEqual([]);
  });

  for (const [slug, { path, quotes }] of Object.entries(BY)) {
    it(`shows exactly the quotations of ${slug} on its quotes page, newest first, dated and linked to their articles`, () => {
      const html = page(`${path}quotes/`);
      expect(h1Of(html)).toBe(`Quotes of ${SPEAKER_NAME[path]}`);
      expect(textOf(page(path))).toContain(`All ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'}`);
      expect(quoteList(html)).toEqual(
        quotes.map(([text, article]) => ({
          text,
          cite: `/articles/${article}/`,
          datetime: DATE[article],
          date: SHOWN[article],
          article: `/articles/${article}/`,
          title: TITLE[article],
        })),
      );
    });
  }

  it('shows no one’s quotation on another speaker’s page, and no non-quotation anywhere', () => {
    for (const [slug, { path }] of Object.entries(BY)) {
      const text = textOf(mainOf(page(path)));
      for (const [other, { quotes }] of Object.entries(BY)) {
        if (other === slug) continue;
        for (const [quote] of quotes) expect(text, `${quote} on ${path}`).not.toContain(quote);
      }
      expect(text, path).not.toContain(Q.notice);
    }
    for (const article of Object.values(A)) {
      const said = section(page(`/articles/${article}/`), 'Who said what') ?? '';
      expect(textOf(said)).not.toContain(SCARE);
      expect(textOf(said)).not.toContain(SIGN);
    }
  });

  it('links each attributed quotation on the article page to its speaker (“Who said what”)', () => {
    for (const [article, expected] of Object.entries(WHO_SAID_WHAT)) {
      const said = whoSaidWhat(page(`/articles/${article}/`));
      expect(
        said.map((s) => [s.text, s.speaker]),
        article,
      ).toEqual(expected);
      for (const s of said) {
        if (s.speaker) expect(s.name, `${article}: ${s.text}`).toBe(SPEAKER_NAME[s.speaker]);
        else expect(s.line, `${article}: ${s.text}`).toMatch(/speaker not named/);
      }
    }
  });

  it('includes the quotations in /api/<kind>/<slug>.json, newest first, with absolute article URLs', () => {
    for (const [slug, { path, quotes }] of Object.entries(BY)) {
      const kind = path.split('/')[1]!;
      const json = JSON.parse(page(`/api/${kind}/${slug}.json`));
      expect(json.quotes, slug).toEqual(quotes.map(([text, article]) => ({ text, date: DATE[article], article: `${SITE}/articles/${article}/` })));
    }
  });
});
