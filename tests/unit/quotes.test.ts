import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/archive/frontmatter.ts';
import type { FileKind } from '../../src/archive/kinds.ts';
import { treeOf } from '../helpers/markdown.ts';
import type { NamedEntity } from '../../src/archive/name-index.ts';
import { nameKey } from '../../src/archive/names.ts';
import {
  applyOverrides,
  checkOverrides,
  extractQuotes,
  isVietnameseName,
  normaliseQuoteText,
  quoteStats,
  readOverrides,
  shortForms,
  toSpeaker,
  type Quote,
  type QuoteOverride,
  type Speaker,
} from '../../src/archive/quotes/index.ts';

// ---------------------------------------------------------------------------------------------
// The hand-written fixture: fictional articles, their tagged entities and the expected speakers

const FIXTURES = join(import.meta.dirname, '../fixtures/quotes');

interface EntityData {
  slug: string;
  name: string;
  aliases?: string[];
  names?: Record<string, string>;
  short?: string;
}

interface Expected {
  /** Words the quotation contains, to find it. */
  quote: string;
  /** The speaker the rules should give, or null. */
  by: string | null;
  /** Who really said it, when the rules deliberately give no one (for recall). */
  truth?: string;
  rule: string;
}

const entityData = JSON.parse(readFileSync(join(FIXTURES, 'entities.json'), 'utf8')) as Record<FileKind, EntityData[]>;

function entity(kind: FileKind, name: string): { entity: NamedEntity; short?: string } {
  const data = entityData[kind].find((e) => [e.name, ...(e.aliases ?? [])].some((n) => nameKey(n) === nameKey(name)));
  if (!data) throw new Error(`no fixture entity ${kind}/${name}`);
  return {
    entity: { kind, slug: data.slug, name: data.name, names: [data.name, ...(data.aliases ?? []), ...Object.values(data.names ?? {})] },
    ...(data.short === undefined ? {} : { short: data.short }),
  };
}

interface Article {
  file: string;
  speakers: Speaker[];
  others: string[];
  overrides: QuoteOverride[];
  quotes: Quote[];
  expected: Expected[];
}

function loadArticle(file: string): Article {
  const split = splitFrontmatter(readFileSync(join(FIXTURES, file), 'utf8'), file);
  if (!split.ok) throw new Error(split.diagnostic.message);
  const data = split.value.data;
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as string[]) : []);
  const speakers = (['people', 'organisations'] as const).flatMap((kind) =>
    list(kind).map((name) => {
      const { entity: e, short } = entity(kind, name);
      return toSpeaker(e, { ...(short === undefined ? {} : { short }) })!;
    }),
  );
  const others = (['places', 'events'] as const).flatMap((kind) => list(kind).flatMap((name) => entity(kind, name).entity.names));
  const read = readOverrides(data['quotes']);
  expect(read.problems, file).toEqual([]);
  const extracted = extractQuotes(treeOf(split.value.body), speakers, others);
  expect(checkOverrides(extracted, read.overrides, speakers), file).toEqual([]);
  const quotes = applyOverrides(extracted, read.overrides, speakers);
  const expected = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected[];
  return { file, speakers, others, overrides: read.overrides, quotes, expected };
}

const articles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map(loadArticle);

describe('quotation fixture', () => {
  it('has at least 40 quotations over several articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(4);
    expect(articles.reduce((n, a) => n + a.expected.length, 0)).toBeGreaterThanOrEqual(40);
  });

  for (const article of articles) {
    it(`${article.file}: finds exactly the expected quotations, in order`, () => {
      const found = article.quotes.map((q) => q.text);
      expect(found.length, found.join('\n')).toBe(article.expected.length);
      article.expected.forEach((e, i) => {
        expect(normaliseQuoteText(found[i]!), `quotation ${i + 1}: ${e.rule}`).toContain(normaliseQuoteText(e.quote));
      });
    });

    it(`${article.file}: gives each quotation its expected speaker`, () => {
      article.expected.forEach((e, i) => {
        const quote = article.quotes[i]!;
        expect(quote.speaker?.slug ?? null, `quotation ${i + 1} (“${quote.text.slice(0, 50)}…”): ${e.rule}`).toBe(e.by);
      });
    });
  }

  it('attributes no quotation to the wrong speaker and finds at least 90% of the speakers', () => {
    let withSpeaker = 0;
    let correct = 0;
    let wrong = 0;
    let attributed = 0;
    const mistakes: string[] = [];
    for (const article of articles) {
      article.expected.forEach((e, i) => {
        const truth = e.truth ?? e.by;
        const got = article.quotes[i]?.speaker?.slug;
        if (truth !== null) withSpeaker++;
        if (got === undefined) return;
        attributed++;
        if (got === truth) correct++;
        else {
          wrong++;
          mistakes.push(`${article.file} #${i + 1}: ${got} instead of ${truth ?? 'no one'}`);
        }
      });
    }
    const all = articles.flatMap((a) => a.quotes);
    const stats = quoteStats(all);
    const precision = attributed === 0 ? 1 : correct / attributed;
    const recall = correct / withSpeaker;
    console.log(
      `quotes: ${stats.found} found, ${stats.attributed} attributed, ${stats.unattributed} unattributed; ` +
        `precision ${precision.toFixed(3)} (${correct}/${attributed}), recall ${recall.toFixed(3)} (${correct}/${withSpeaker})`,
    );
    expect(mistakes).toEqual([]);
    expect(wrong).toBe(0);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

// ---------------------------------------------------------------------------------------------
// Focused tests, one rule at a time

function person(slug: string, name: string, extra: { aliases?: string[]; km?: string; short?: string } = {}): Speaker {
  const entity: NamedEntity = { kind: 'people', slug, name, names: [name, ...(extra.aliases ?? []), ...(extra.km ? [extra.km] : [])] };
  return toSpeaker(entity, extra.short === undefined ? {} : { short: extra.short })!;
}

function org(slug: string, name: string, aliases: string[] = []): Speaker {
  return toSpeaker({ kind: 'organisations', slug, name, names: [name, ...aliases] })!;
}

const MARA = person('mara-quillfeather', 'Mara Quillfeather', { aliases: ['Captain Quillfeather'] });
const TOMAS = person('tomas-vendrell', 'Tomas Vendrell');
const THU = person('nguyen-van-thu', 'Nguyễn Văn Thử');
const LUA = person('tran-thi-lua', 'Trần Thị Lụa');
const VANNARA = person('sok-vannara', 'Sok Vannara', { km: 'សុខ វណ្ណារ៉ា' });
const ORDER = org('order-of-the-lantern', 'Order of the Lantern', ['the Order', 'Lantern Order']);
const GUILD = org('harbour-pilots-guild', "Harbour Pilots' Guild", ['HPG']);
const CAST = [MARA, TOMAS, THU, LUA, VANNARA, ORDER, GUILD];

/** The quotations of a Markdown snippet, against the cast above. */
function quotes(markdown: string, speakers: readonly Speaker[] = CAST, others: readonly string[] = []): Quote[] {
  return extractQuotes(treeOf(markdown), speakers, others);
}

/** The speaker slug (or null) of the only quotation in a snippet. */
function speakerOf(markdown: string, speakers: readonly Speaker[] = CAST, others: readonly string[] = []): string | null {
  const found = quotes(markdown, speakers, others);
  expect(found, markdown).toHaveLength(1);
  return found[0]!.speaker?.slug ?? null;
}

const WORDS = 'The harbour will stay open as long as I live here';

describe('toSpeaker and shortForms', () => {
  it('takes people and organisations, and no other kind', () => {
    expect(toSpeaker({ kind: 'places', slug: 'port-ellery', name: 'Port Ellery', names: ['Port Ellery'] })).toBeUndefined();
    expect(toSpeaker({ kind: 'people', slug: 'a-b', name: 'Ann Bell', names: ['Ann Bell'] }, { short: 'Annie' })).toEqual({
      kind: 'people', slug: 'a-b', name: 'Ann Bell', names: ['Ann Bell'], short: ['Annie'],
    });
  });

  it('gives Vietnamese-pattern names their given name, the last word, diacritics or not', () => {
    expect(shortForms(person('nguyen-phu-trong', 'Nguyễn Phú Trọng'))).toEqual(['Trọng']);
    expect(shortForms(person('vuong-dinh-hue', 'Vuong Dinh Hue'))).toEqual(['Hue']);
    expect(shortForms(person('le-duan', 'Lê Duẩn'))).toEqual(['Duẩn']);
    expect(isVietnameseName('Trần Thị Lụa')).toBe(true);
    expect(isVietnameseName('Mara Quillfeather')).toBe(false);
    expect(isVietnameseName('Nguyen')).toBe(false);
  });

  it('gives Western names their surname, the last word, also of three-word names and past a suffix', () => {
    expect(shortForms(MARA)).toEqual(['Quillfeather']);
    expect(shortForms(person('augustin-de-varenne', 'Augustin de Varenne'))).toEqual(['Varenne']);
    expect(shortForms(person('loretta-e-lynch', 'Loretta E. Lynch'))).toEqual(['Lynch']);
    expect(shortForms(person('ada-b-hope-jr', 'Ada B. Hope Jr.'))).toEqual(['Hope']);
  });

  it('gives Khmer names (a Khmer-script name, or marked family-name-first) no derived short form', () => {
    expect(shortForms(VANNARA)).toEqual([]);
    const marked = toSpeaker({ kind: 'people', slug: 'kin-phea', name: 'Kin Phea', names: ['Kin Phea'] }, { familyNameFirst: true })!;
    expect(shortForms(marked)).toEqual([]);
  });

  it('always keeps an explicit short form, and gives organisations only those', () => {
    expect(shortForms(person('augustin-de-varenne', 'Augustin de Varenne', { short: 'Gus' }))).toEqual(['Gus', 'Varenne']);
    expect(shortForms(person('sok-vannara', 'Sok Vannara', { km: 'សុខ វណ្ណារ៉ា', short: 'Vannara' }))).toEqual(['Vannara']);
    expect(shortForms(ORDER)).toEqual([]);
  });
});

describe('extractQuotes: finding quotations', () => {
  it('reads typographic and straight double quotes, without the marks or the trailing comma', () => {
    expect(quotes(`“${WORDS},” he said.`).map((q) => q.text)).toEqual([WORDS]);
    expect(quotes(`"${WORDS}," he said.`).map((q) => q.text)).toEqual([WORDS]);
    expect(quotes(`He said "${WORDS}."`).map((q) => q.text)).toEqual([`${WORDS}.`]);
  });

  it('does not take scare quotes or titles of fewer than six words for quotations', () => {
    expect(quotes('The council called it a “reckless” plan, a “shameful week” and “Night of Lamps”.')).toEqual([]);
    expect(quotes('“We will not leave,” Vendrell said.')).toEqual([]);
    expect(quotes('“We will not leave this harbour,” Vendrell said.')).toHaveLength(1);
  });

  it('does not take longer titles for quotations', () => {
    expect(quotes('The pilots sang “The Lantern on the Water at Dawn” at the meeting.')).toEqual([]);
    expect(quotes('A report titled “what the harbour owes to its pilots and keepers” came out.')).toEqual([]);
  });

  it('ignores code blocks, inline code and link URLs', () => {
    const markdown = [
      'Run `say "the harbour is closed until further notice to all ships"` to test.',
      '',
      '```',
      'echo "this is a quoted string inside a code block, not a quotation"',
      '```',
      '',
      'See [the notice](https://example.com/?q="closed-to-all-ships-until-the-spring-comes").',
    ].join('\n');
    expect(quotes(markdown)).toEqual([]);
  });

  it('ignores headings and tables', () => {
    expect(quotes(`## “${WORDS},” Vendrell said`)).toEqual([]);
    expect(quotes(`| a | b |\n|---|---|\n| “${WORDS},” Vendrell said. | x |`)).toEqual([]);
  });

  it('keeps link text and emphasis inside a quotation', () => {
    expect(quotes('“The [harbour](https://x.test/h) will *stay* open as long as I live,” Vendrell said.')[0]!.text).toBe(
      'The harbour will stay open as long as I live',
    );
  });

  it('reads a quotation over several paragraphs, each opening with a mark and only the last closing, as one', () => {
    for (const [open, close] of [['“', '”'], ['"', '"']]) {
      const markdown = `Vendrell spoke. ${open}First the bamboo is split and soaked.\n\n${open}Then the frame is tied with thread.\n\n${open}Only then does the paper go on,${close} he said.`;
      const found = quotes(markdown);
      expect(found).toHaveLength(1);
      expect(found[0]!.paragraphs).toBe(3);
      expect(found[0]!.text).toBe('First the bamboo is split and soaked.\n\nThen the frame is tied with thread.\n\nOnly then does the paper go on');
      expect(found[0]!.speaker?.slug).toBe('tomas-vendrell');
    }
  });

  it('ends an unclosed quotation at its paragraph when the next one does not open with a mark', () => {
    const found = quotes(`Vendrell said: “${WORDS}\n\nThe council met later, and nobody asked the pilots anything at all.`);
    expect(found.map((q) => [q.text, q.paragraphs])).toEqual([[WORDS, 1]]);
  });

  it('joins a quotation interrupted by its attribution', () => {
    const found = quotes('“The harbour is ours,” Quillfeather said, “and we will keep it open whatever the vote says.”');
    expect(found.map((q) => [q.text, q.speaker?.slug])).toEqual([
      ['The harbour is ours, and we will keep it open whatever the vote says.', 'mara-quillfeather'],
    ]);
  });

  it('keeps quotes inside quotes as part of the text', () => {
    expect(quotes('Vendrell said: “She told me “never close the harbour to anyone” and I agreed.”')[0]!.text).toBe(
      'She told me “never close the harbour to anyone” and I agreed.',
    );
    expect(quotes('Vendrell said: “She told me ‘never close it’ and I agreed with her.”')[0]!.text).toBe('She told me ‘never close it’ and I agreed with her.');
  });

  it('does not open a straight quote after a digit (inches)', () => {
    expect(quotes(`The 12" lantern costs more, Vendrell said "${WORDS}".`).map((q) => q.text)).toEqual([WORDS]);
  });

  it('reads a block quote as one quotation, without enclosing marks, with its line', () => {
    const found = quotes(`Intro.\n\n> “${WORDS}.\n>\n> Nobody will close it while the pilots still work.”`);
    expect(found).toEqual([{ text: `${WORDS}.\n\nNobody will close it while the pilots still work.`, line: 3, paragraphs: 2, block: true }]);
  });

  it('gives each quotation its line and keeps document order', () => {
    const found = quotes(`> ${WORDS}.\n\nText.\n\n“The council can vote again next year if it likes,” he said.\n\n- “Every pilot knows the channel by heart here,” she said.`);
    expect(found.map((q) => [q.line, q.block])).toEqual([[1, true], [5, false], [7, false]]);
  });
});

describe('extractQuotes: attribution by name', () => {
  const cases: [string, string, Quote['via']][] = [
    [`“${WORDS},” Vendrell said.`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” said Vendrell.`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” said Tomas Vendrell, who has traded salt for years.`, 'tomas-vendrell', 'name'],
    [`Tomas Vendrell said: “${WORDS}.”`, 'tomas-vendrell', 'name'],
    [`Vendrell said on Monday that “${WORDS.toLowerCase()}”.`, 'tomas-vendrell', 'short'],
    [`Vendrell told reporters: “${WORDS}.”`, 'tomas-vendrell', 'short'],
    [`Vendrell told The Harbour Gazette: “${WORDS}.”`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” Vendrell told reporters on the quay.`, 'tomas-vendrell', 'short'],
    [`Vendrell stated: “${WORDS}.”`, 'tomas-vendrell', 'short'],
    [`According to Vendrell, “${WORDS.toLowerCase()}”.`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” according to Tomas Vendrell.`, 'tomas-vendrell', 'name'],
    [`Vendrell was quoted as saying “${WORDS.toLowerCase()}”.`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” Vendrell added.`, 'tomas-vendrell', 'short'],
    [`Vendrell said in a statement: “${WORDS}.”`, 'tomas-vendrell', 'short'],
    [`Vendrell later added: “${WORDS}.”`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” Vendrell, the salt merchant, said.`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” salt merchant Tomas Vendrell said.`, 'tomas-vendrell', 'name'],
    [`Speaking on Monday, Vendrell said: “${WORDS}.”`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” Captain Quillfeather said.`, 'mara-quillfeather', 'name'],
    [`“${WORDS},” Ms Quillfeather said.`, 'mara-quillfeather', 'short'],
    [`“${WORDS}.” Vendrell said.`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” Vendrell told Quillfeather.`, 'tomas-vendrell', 'short'],
    [`“${WORDS},” the Order of the Lantern said.`, 'order-of-the-lantern', 'name'],
    [`In a statement, the Order of the Lantern said: “${WORDS}.”`, 'order-of-the-lantern', 'name'],
    [`“${WORDS},” [Vendrell](/people/tomas-vendrell/) said.`, 'tomas-vendrell', 'short'],
  ];
  for (const [markdown, slug, via] of cases) {
    it(markdown, () => {
      const found = quotes(markdown);
      expect(found).toHaveLength(1);
      expect(found[0]!.speaker?.slug).toBe(slug);
      expect(found[0]!.via).toBe(via);
    });
  }

  it('gives the speaker its display name', () => {
    expect(quotes(`“${WORDS},” Thu said.`)[0]!.speaker).toEqual({ kind: 'people', slug: 'nguyen-van-thu', name: 'Nguyễn Văn Thử' });
  });

  it('attributes only to tagged speakers', () => {
    expect(speakerOf(`“${WORDS},” Karsk said.`)).toBeNull();
    expect(speakerOf(`“${WORDS},” Anna Karsk said.`)).toBeNull();
    expect(speakerOf(`“${WORDS},” Vendrell said.`, [MARA])).toBeNull();
  });

  it('works on a tree whose mentions are already links', async () => {
    const { linkMentions } = await import('../../src/archive/mentions.ts');
    const tree = treeOf(`“${WORDS},” Tomas Vendrell said.`);
    linkMentions(tree, [{ entity: { kind: 'people', slug: 'tomas-vendrell', name: 'Tomas Vendrell', names: ['Tomas Vendrell'] }, url: '/people/tomas-vendrell/' }]);
    expect(extractQuotes(tree, CAST)[0]!.speaker?.slug).toBe('tomas-vendrell');
  });
});

describe('extractQuotes: precision guards', () => {
  const none = [
    `“${WORDS},” said a spokesman for Vendrell.`,
    `“${WORDS},” a spokesman for the Order said.`,
    `A friend of Vendrell said: “${WORDS}.”`,
    `“${WORDS},” Vendrell’s deputy said.`,
    `“${WORDS},” Vendrell's spokesman, Anna Karsk, said.`,
    `Anna Karsk, Vendrell's deputy, said: “${WORDS}.”`,
    `Quillfeather and Vendrell said: “${WORDS}.”`,
    `“${WORDS},” said Quillfeather and Vendrell.`,
    `“${WORDS},” Vendrell said Quillfeather told him.`,
    `Vendrell said Quillfeather had promised “${WORDS.toLowerCase()}”.`,
    `Vendrell said that Quillfeather called it “${WORDS.toLowerCase()}”.`,
    `Quillfeather said she disagreed with Vendrell, who said: “${WORDS}.”`,
    `Vendrell read from the guild's letter: “${WORDS}.”`,
    `“${WORDS},” Vendrell said, quoting the minutes.`,
    `Vendrell said the vote was unfair, but “${WORDS.toLowerCase()},” Quillfeather said.`,
    `“${WORDS}.” Vendrell said the council was wrong.`,
    `“${WORDS},” they said.`,
    `“${WORDS},” one of them said.`,
    `“${WORDS},” officials said.`,
    `A sign on the door reads “${WORDS}”.`,
  ];
  for (const markdown of none) {
    it(`no speaker: ${markdown}`, () => {
      expect(speakerOf(markdown)).toBeNull();
    });
  }
});

describe('extractQuotes: short forms', () => {
  it('matches the Vietnamese given name with or without diacritics', () => {
    expect(speakerOf(`“${WORDS},” Thử said.`)).toBe('nguyen-van-thu');
    expect(speakerOf(`“${WORDS},” Thu said.`)).toBe('nguyen-van-thu');
    expect(speakerOf(`“${WORDS},” Lụa said.`)).toBe('tran-thi-lua');
    expect(speakerOf(`“${WORDS},” Nguyen Van Thu said.`)).toBe('nguyen-van-thu');
  });

  it('does not shorten Khmer names', () => {
    expect(speakerOf(`“${WORDS},” Sok Vannara said.`)).toBe('sok-vannara');
    expect(speakerOf(`“${WORDS},” Vannara said.`)).toBeNull();
  });

  it('does not use a short form two tagged people share', () => {
    const tam1 = person('le-van-tam', 'Lê Văn Tâm');
    const tam2 = person('do-thi-tam', 'Đỗ Thị Tâm');
    expect(speakerOf(`“${WORDS},” Tâm said.`, [tam1, tam2])).toBeNull();
    expect(speakerOf(`“${WORDS},” Tâm said.`, [tam1])).toBe('le-van-tam');
    expect(speakerOf(`“${WORDS},” Đỗ Thị Tâm said.`, [tam1, tam2])).toBe('do-thi-tam');
  });

  it('does not use a short form that is also a tagged place, event or organisation', () => {
    const hue = person('vuong-dinh-hue', 'Vương Đình Huệ');
    expect(speakerOf(`“${WORDS},” Hue said.`, [hue])).toBe('vuong-dinh-hue');
    expect(speakerOf(`“${WORDS},” Hue said.`, [hue], ['Huế'])).toBeNull();
    expect(speakerOf(`“${WORDS},” Vương Đình Huệ said.`, [hue], ['Huế'])).toBe('vuong-dinh-hue');
    const lantern = person('ana-lantern', 'Ana Lantern');
    expect(speakerOf(`“${WORDS},” Lantern said.`, [lantern, org('lantern', 'Lantern')])).toBeNull();
  });

  it('uses an explicit short form', () => {
    const varenne = person('augustin-de-varenne', 'Augustin de Varenne', { short: 'Gus' });
    expect(speakerOf(`“${WORDS},” Gus said.`, [varenne])).toBe('augustin-de-varenne');
    expect(speakerOf(`“${WORDS},” Gus said.`, [person('augustin-de-varenne', 'Augustin de Varenne')])).toBeNull();
  });

  it('needs a capital letter for a short form', () => {
    const hope = person('ada-hope', 'Ada Hope');
    expect(quotes(`“${WORDS},” Hope said.`, [hope])[0]!.speaker?.slug).toBe('ada-hope');
    expect(quotes(`In hope said nobody “${WORDS}”.`, [hope])[0]!.speaker).toBeUndefined();
  });
});

describe('extractQuotes: pronouns', () => {
  it('gives he/she to the one person named in the same or previous paragraph', () => {
    expect(speakerOf(`Vendrell arrived late.\n\n“${WORDS},” he said.`)).toBe('tomas-vendrell');
    expect(speakerOf(`Vendrell arrived late. “${WORDS},” he said.`)).toBe('tomas-vendrell');
    expect(speakerOf(`Quillfeather spoke first.\n\nAsked about the vote, she said: “${WORDS}.”`)).toBe('mara-quillfeather');
    expect(quotes(`Vendrell arrived late.\n\n“${WORDS},” he said.`)[0]!.via).toBe('pronoun');
  });

  it('counts a person named in a frame, not one named inside a quotation', () => {
    const markdown = `“The council never listens to the pilots,” Quillfeather said.\n\n“I told Vendrell so myself, twice, last winter,” she added.`;
    expect(quotes(markdown).map((q) => q.speaker?.slug)).toEqual(['mara-quillfeather', 'mara-quillfeather']);
  });

  it('does not attribute when two people are equally in focus', () => {
    expect(speakerOf(`Vendrell and Quillfeather met at the quay.\n\n“${WORDS},” he said.`)).toBeNull();
    expect(speakerOf(`Mr. Vendrell spoke to Quillfeather at the quay. “${WORDS},” she said.`)).toBeNull();
  });

  it('gives he/she to the one in focus: the last person named as a subject', () => {
    expect(speakerOf(`Vendrell met Quillfeather at the quay.\n\n“${WORDS},” he said.`)).toBe('tomas-vendrell');
    expect(speakerOf(`Vendrell arrived.\n\nQuillfeather followed. “${WORDS},” she said.`)).toBe('mara-quillfeather');
  });

  it('ignores organisations and places in the window', () => {
    expect(speakerOf(`Vendrell spoke for the Order in Port Ellery.\n\n“${WORDS},” he said.`, CAST, ['Port Ellery'])).toBe('tomas-vendrell');
  });

  it('does not attribute when someone else may be meant', () => {
    expect(speakerOf(`Karsk met Vendrell at the quay.\n\n“${WORDS},” she said.`)).toBeNull();
    expect(speakerOf(`Anna Karsk met Vendrell at the quay.\n\n“${WORDS},” she said.`)).toBeNull();
    expect(speakerOf(`Vendrell's daughter arrived.\n\n“${WORDS},” she said.`)).toBeNull();
    expect(speakerOf(`Vendrell and his wife arrived late.\n\n“${WORDS},” she said.`)).toBeNull();
    expect(speakerOf(`Vendrell arrived. A spokesman said nothing.\n\n“${WORDS},” he said.`)).toBeNull();
    expect(speakerOf(`Vendrell arrived late.\n\n“${WORDS},” he told Vendrell.`)).toBeNull();
  });

  it('gives the pronoun to the one person in the window even when the frame names the person told', () => {
    expect(speakerOf(`Vendrell arrived late.\n\n“${WORDS},” he told Quillfeather.`)).toBe('tomas-vendrell');
  });

  it('never attributes they, it or we', () => {
    expect(speakerOf(`Vendrell arrived late.\n\n“${WORDS},” they said.`)).toBeNull();
    expect(speakerOf(`The Order met.\n\n“${WORDS},” it said.`)).toBeNull();
  });

  it('looks no further back than the previous paragraph, and not past a heading', () => {
    expect(speakerOf(`Vendrell arrived.\n\nThe rain stopped.\n\n“${WORDS},” he said.`)).toBeNull();
    expect(speakerOf(`Vendrell arrived.\n\n## Later\n\n“${WORDS},” he said.`)).toBeNull();
  });
});

describe('extractQuotes: documents', () => {
  it('gives a document to its author named in the frame', () => {
    expect(quotes(`An HPG press release said: “${WORDS}.”`)[0]).toMatchObject({ speaker: { slug: 'harbour-pilots-guild' }, via: 'document' });
    expect(speakerOf(`“${WORDS},” the Harbour Pilots' Guild's statement read.`)).toBe('harbour-pilots-guild');
    expect(speakerOf(`A statement from the Order said: “${WORDS}.”`)).toBe('order-of-the-lantern');
    expect(speakerOf(`According to a statement from the Order, “${WORDS.toLowerCase()}”.`)).toBe('order-of-the-lantern');
    expect(speakerOf(`“${WORDS},” said a statement issued by the Order.`)).toBe('order-of-the-lantern');
  });

  it('gives a document to the one organisation named in the same or previous sentence', () => {
    expect(speakerOf(`The Order issued a statement on Saturday. “${WORDS},” the statement read.`)).toBe('order-of-the-lantern');
    expect(speakerOf(`The Order issued a statement on Saturday.\n\n“${WORDS},” the communique said.`)).toBe('order-of-the-lantern');
    expect(speakerOf(`“${WORDS},” the Order said in its statement.`)).toBe('order-of-the-lantern');
  });

  it('leaves a document without a single organisation as its author unattributed', () => {
    expect(speakerOf(`“${WORDS},” the statement said.`)).toBeNull();
    expect(speakerOf(`The Order and the HPG met on Friday. “${WORDS},” the statement said.`)).toBeNull();
    expect(speakerOf(`The Order and the HPG signed a joint statement. “${WORDS},” the statement said.`)).toBeNull();
    expect(speakerOf(`Vendrell released a statement criticising the Order. “${WORDS},” the statement read.`)).toBeNull();
    expect(speakerOf(`The Order met. Nothing happened for a week. “${WORDS},” the statement read.`)).toBeNull();
    expect(speakerOf(`“${WORDS},” Vendrell's statement read.`)).toBeNull();
    expect(speakerOf(`“${WORDS},” a statement from Vendrell said.`)).toBeNull();
  });
});

describe('extractQuotes: block quotes', () => {
  it('attributes a block quote by the sentence introducing it', () => {
    expect(speakerOf(`Quillfeather wrote:\n\n> ${WORDS}.`)).toBe('mara-quillfeather');
    expect(speakerOf(`The vote was close. In a statement, the Order said:\n\n> ${WORDS}.`)).toBe('order-of-the-lantern');
    expect(speakerOf(`Vendrell arrived late.\n\nHe wrote:\n\n> ${WORDS}.`)).toBe('tomas-vendrell');
  });

  it('attributes a block quote by its signature line', () => {
    const found = quotes(`> ${WORDS}.\n>\n> — Tomas Vendrell`);
    expect(found.map((q) => [q.text, q.speaker?.slug, q.paragraphs])).toEqual([[`${WORDS}.`, 'tomas-vendrell', 1]]);
    expect(speakerOf(`> ${WORDS}.\n>\n> — Anna Karsk, harbour clerk`)).toBeNull();
  });

  it('does not attribute a block quote whose previous paragraph does not introduce it', () => {
    expect(speakerOf(`Quillfeather spoke at length.\n\n> ${WORDS}.`)).toBeNull();
    expect(speakerOf(`> ${WORDS}.`)).toBeNull();
  });
});

describe('extractQuotes: continuation', () => {
  it('continues the speaker of a quotation into the next one after its attribution sentence', () => {
    const found = quotes(`“${WORDS},” Vendrell said. “The council can vote again next year if it likes.” The council disagreed.`);
    expect(found.map((q) => q.speaker?.slug)).toEqual(['tomas-vendrell', 'tomas-vendrell']);
  });

  it('continues into a paragraph that opens with the quotation, after an attribution sentence ending the one before', () => {
    expect(
      quotes(`“${WORDS},” Vendrell said.\n\n“The council can vote again next year if it likes.”\n\n“It may find the harbour empty by then.”`).map((q) => q.speaker?.slug),
    ).toEqual(['tomas-vendrell', 'tomas-vendrell', 'tomas-vendrell']);
    expect(quotes(`“${WORDS},” Vendrell said.\n\nLater, “the council can vote again next year if it likes.”`).map((q) => q.speaker?.slug)).toEqual([
      'tomas-vendrell', undefined,
    ]);
  });

  it('does not continue past other words', () => {
    expect(quotes(`“${WORDS},” Vendrell said. The port is closed.\n\n“The council can vote again next year if it likes.”`).map((q) => q.speaker?.slug)).toEqual([
      'tomas-vendrell', undefined,
    ]);
    expect(
      quotes(`“${WORDS},” Vendrell said. The council met. “The council can vote again next year if it likes.”`).map((q) => q.speaker?.slug),
    ).toEqual(['tomas-vendrell', undefined]);
  });

  it('lets a quotation with its own frame keep it', () => {
    expect(quotes(`“${WORDS},” Vendrell said. “The council can vote again next year,” Quillfeather said.`).map((q) => q.speaker?.slug)).toEqual([
      'tomas-vendrell', 'mara-quillfeather',
    ]);
  });
});

describe('applyOverrides', () => {
  const extracted = quotes(
    `“${WORDS},” Vendrell said.\n\nA sign reads “Please keep to the left of the lamp posts”.\n\n“The council can vote again next year if it likes,” the clerk said.`,
  );

  it('corrects a speaker, by name, alias or slug, matching text whatever its case, marks and spacing', () => {
    for (const by of ['Mara Quillfeather', 'captain quillfeather', 'mara-quillfeather', 'people/mara-quillfeather']) {
      const result = applyOverrides(extracted, [{ text: '“the HARBOUR will stay   open”', by }], CAST);
      expect(result[0]).toMatchObject({ speaker: { slug: 'mara-quillfeather', name: 'Mara Quillfeather' }, via: 'editor' });
      expect(result.slice(1)).toEqual(extracted.slice(1));
    }
  });

  it('attributes a quotation the extractor left unattributed', () => {
    const result = applyOverrides(extracted, [{ text: 'The council can vote again next year if it likes', by: 'Tomas Vendrell' }], CAST);
    expect(result[2]).toMatchObject({ speaker: { slug: 'tomas-vendrell' }, via: 'editor' });
  });

  it('removes a passage marked by: null', () => {
    const result = applyOverrides(extracted, [{ text: 'please keep to the left', by: null }], CAST);
    expect(result.map((q) => q.text)).toEqual([extracted[0]!.text, extracted[2]!.text]);
  });

  it('adds a quotation the extractor did not find', () => {
    const result = applyOverrides(extracted, [{ text: '“We will not leave”', by: 'Vendrell Tomas'.split(' ').reverse().join(' ') }], CAST);
    expect(result.at(-1)).toEqual({ text: 'We will not leave', speaker: { kind: 'people', slug: 'tomas-vendrell', name: 'Tomas Vendrell' }, via: 'editor', paragraphs: 1, block: false });
    expect(result).toHaveLength(extracted.length + 1);
  });

  it('matches whole words only', () => {
    expect(applyOverrides(extracted, [{ text: 'arbour will stay', by: null }], CAST)).toEqual(extracted);
  });

  it('leaves a quotation unattributed when by names no tagged speaker, and checkOverrides says so', () => {
    const overrides = [{ text: WORDS, by: 'Anna Karsk' }];
    const result = applyOverrides(extracted, overrides, CAST);
    expect(result[0]!.speaker).toBeUndefined();
    expect(result[0]!.via).toBe('editor');
    expect(checkOverrides(extracted, overrides, CAST)).toEqual(['quotes: "Anna Karsk" is not one person or organisation the article is tagged with']);
    expect(checkOverrides(extracted, [{ text: 'nothing like this was said', by: null }], CAST)).toEqual([
      'quotes: "nothing like this was said" matches no quotation in the body',
    ]);
  });

  it('does not change the list it is given', () => {
    const copy = structuredClone(extracted);
    applyOverrides(extracted, [{ text: WORDS, by: 'Mara Quillfeather' }, { text: 'Please keep', by: null }], CAST);
    expect(extracted).toEqual(copy);
  });
});

describe('readOverrides', () => {
  it('reads a list of { text, by } entries', () => {
    expect(readOverrides([{ text: 'a b c', by: 'X' }, { text: 'd e f', by: null }])).toEqual({
      overrides: [{ text: 'a b c', by: 'X' }, { text: 'd e f', by: null }],
      problems: [],
    });
    expect(readOverrides(undefined)).toEqual({ overrides: [], problems: [] });
  });

  it('reports entries it cannot use', () => {
    expect(readOverrides('text').problems).toEqual(['quotes must be a list of { text, by } entries']);
    expect(readOverrides([{ by: 'X' }, { text: 'a', by: 3 }, { text: 'a' }, 'x']).problems).toEqual([
      "quotes entry 1 needs the quotation's text",
      'quotes entry 2 needs "by": a speaker\'s name, or null when the passage is not a quotation',
      'quotes entry 3 needs "by": a speaker\'s name, or null when the passage is not a quotation',
      'quotes entry 4 must be a { text, by } entry',
    ]);
  });
});

describe('quoteStats', () => {
  it('counts found, attributed and unattributed quotations', () => {
    expect(quoteStats(quotes(`“${WORDS},” Vendrell said.\n\n“${WORDS},” the clerk said.\n\n> ${WORDS}.`))).toEqual({ found: 3, attributed: 1, unattributed: 2 });
    expect(quoteStats([])).toEqual({ found: 0, attributed: 0, unattributed: 0 });
  });
});
