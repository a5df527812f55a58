/**
 * The example archive in content/ shows quote attribution on the two stories it began with: every
 * direct quotation (../shared/STORIES.md) is on its speaker's page and on no one else's, and the
 * press release's words are on the party's page and on no person's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, PROJECT_ROOT, type BuildResult } from '../helpers/build.ts';
import { decodeEntities } from './support.ts';

/** Each quotation (a distinctive part of it) and the page it belongs on. */
const QUOTES: [text: string, page: string][] = [
  ['This victory will continue to happen to the new government of Hun Manet', 'people/nguyen-phu-trong'],
  [
    'the close and fruitful cooperation within the party and government frameworks',
    'organisations/cambodian-peoples-party',
  ],
  [
    'The strong relationship is crucial for Cambodia, as it allows Vietnam to serve as its agricultural market',
    'people/seun-sam',
  ],
  ['Cambodia relies on Vietnam as an agricultural market', 'people/seun-sam'],
  ['Let me take this opportunity to ask that we deepen cooperation between us in all sectors', 'people/vuong-dinh-hue'],
  ['This increased cooperation could raise doubts among some people', 'people/yang-kim-eng'],
  ['The two countries should continue to live together in peace', 'people/kin-phea'],
  ['Most importantly, they ought to cooperate in all areas of mutual benefit', 'people/kin-phea'],
];

let built: BuildResult;
/** Every entity page's quotations, from the JSON API: page → texts. */
const quotesOn = new Map<string, string[]>();

describe('the example archive: quotes on their speakers’ pages', () => {
  beforeAll(() => {
    built = buildArchive(join(PROJECT_ROOT, 'content'));
    if (!built.ok) throw new Error(built.output);
    for (const kind of ['people', 'organisations']) {
      const dir = join(built.outDir, 'api', kind);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { quotes?: { text: string }[] };
        quotesOn.set(
          `${kind}/${file.slice(0, -5)}`,
          (data.quotes ?? []).map((q) => q.text),
        );
      }
    }
  }, 240_000);

  it('puts every quotation on its speaker’s page, in the API and in the HTML', () => {
    for (const [text, page] of QUOTES) {
      expect(
        quotesOn.get(page)?.some((q) => q.includes(text)),
        `${page} quotes "${text}"`,
      ).toBe(true);
      expect(decodeEntities(built.page(`/${page}/quotes/`) ?? ''), `/${page}/quotes/ shows "${text}"`).toContain(text);
    }
  });

  it('puts no quotation on anyone else’s page, and the press release on no person’s', () => {
    for (const [text, page] of QUOTES) {
      const elsewhere = [...quotesOn]
        .filter(([other, texts]) => other !== page && texts.some((q) => q.includes(text)))
        .map(([other]) => other);
      expect(elsewhere, `"${text}" is only on ${page}`).toEqual([]);
    }
    // Kin Phea's two paragraphs are one quotation; nothing else is quoted anywhere.
    expect([...quotesOn.values()].flat()).toHaveLength(QUOTES.length - 1);
  });
});
