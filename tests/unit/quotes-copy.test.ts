/**
 * Attribution shapes of agency and newspaper copy found on PolNeAR's train split after the second
 * round (issue #19): marks and phrases around the speaker's name, and whom a pronoun follows.
 */
import { describe, expect, it } from 'vitest';
import { treeOf } from '../helpers/markdown.ts';
import { extractQuotes, toSpeaker, type Speaker } from '../../src/archive/quotes/index.ts';

const tagged = (kind: Speaker['kind'], slug: string, name: string) => toSpeaker({ kind, slug, name, names: [name] })!;
const person = (slug: string, name: string) => tagged('people', slug, name);

const VENDRELL = person('tomas-vendrell', 'Tomas Vendrell');
const MARA = person('mara-quillfeather', 'Mara Quillfeather');
const HOPE = person('tom-hope', 'Tom Hope');
const GUILD = tagged('organisations', 'pilots-guild', 'Pilots Guild');
const CAST = [VENDRELL, MARA, HOPE, GUILD];
const WORDS = 'The harbour will stay open as long as I live here';

function speakers(markdown: string, cast: readonly Speaker[] = CAST): (string | null)[] {
  return extractQuotes(treeOf(markdown), cast).map((q) => q.speaker?.slug ?? null);
}

describe('around the name', () => {
  it('reads "in a statement" after the name as the speaker’s own statement', () => {
    expect(speakers(`“${WORDS},” said Tomas Vendrell in a statement.`)).toEqual(['tomas-vendrell']);
  });

  it('passes over a stray mark left after the quotation', () => {
    expect(speakers(`"They told us, 'the harbour will stay open,"' Mr. Vendrell said.`)).toEqual(['tomas-vendrell']);
  });

  it('reads an organisation’s possessive before the name as a descriptor, not a person’s', () => {
    expect(speakers(`“${WORDS},” Pilots Guild’s Mara Quillfeather said.`)).toEqual(['mara-quillfeather']);
    expect(speakers(`“${WORDS},” Vendrell’s Mara Quillfeather said.`)).toEqual([null]);
  });

  it('passes over an appositive opening with a title, a possessive or a party before "of"', () => {
    expect(speakers(`“${WORDS},” Tomas Vendrell, Mr. Hope’s chief of staff, said.`)).toEqual(['tomas-vendrell']);
    expect(speakers(`“${WORDS},” Tomas Vendrell, Republican of Ohio, said.`)).toEqual(['tomas-vendrell']);
  });
});

describe('descriptors and surnames', () => {
  it('passes over a tagged name that describes the speaker after an inverted verb', () => {
    expect(speakers(`“${WORDS},” said Vendrell constituent Mara Quillfeather.`)).toEqual(['mara-quillfeather']);
    expect(speakers(`“${WORDS},” said Pilots Guild Deputy Whip Mara Quillfeather.`)).toEqual(['mara-quillfeather']);
    expect(speakers(`“${WORDS},” said Vendrell of the Pilots Guild.`)).toEqual(['tomas-vendrell']);
  });

  it('reads "citing" as giving others’ words only before a name or a document', () => {
    expect(speakers(`“${WORDS},” Vendrell said, citing low tides and high costs.`)).toEqual(['tomas-vendrell']);
    expect(speakers(`“${WORDS},” Vendrell said, citing the Pilots Guild.`)).toEqual([null]);
  });

  it('ends no sentence at the initial of a bracketed state', () => {
    expect(speakers(`Rep. Tomas Vendrell (D-N.Y.) said the port “will stay open as long as I live here.”`)).toEqual([
      'tomas-vendrell',
    ]);
  });

  it('reads a surname with its particle', () => {
    const lepen = person('marine-le-pen', 'Marine Le Pen');
    expect(speakers(`“${WORDS},” said Le Pen.`, [lepen])).toEqual(['marine-le-pen']);
  });
});

describe('a frame closing the sentence a quotation runs on in', () => {
  it('gives the quotation to the frame after the comma that ends its sentence', () => {
    expect(speakers(`“${WORDS}” since the tides were kind this year, said Tomas Vendrell, a harbour pilot.`)).toEqual([
      'tomas-vendrell',
    ]);
    expect(speakers(`“${WORDS}” as his father hoped, Mr. Vendrell said.`)).toEqual(['tomas-vendrell']);
  });

  it('not when another speech verb comes between, or the frame tells someone', () => {
    expect(speakers(`“${WORDS}” as Hope said at the time, Vendrell recalled.`)).toEqual([null]);
    expect(speakers(`“${WORDS}” the pilot, Mara Quillfeather, told Pilots Guild.`)).toEqual([null]);
  });
});

describe('commas around the name', () => {
  it('passes over a comma after a bracket, and a party and state in commas', () => {
    expect(speakers(`At the quay on Tuesday, Rep. Tomas Vendrell (D-OH), said, “${WORDS}.”`)).toEqual([
      'tomas-vendrell',
    ]);
    expect(speakers(`“${WORDS},” Sen. Tomas Vendrell, R-Ky., said.`)).toEqual(['tomas-vendrell']);
  });

  it('takes a name after an introductory place for the subject, not for an apposition', () => {
    expect(
      speakers(`At Port Ellery, where the pilots meet, Tomas Vendrell, the guild’s president, said “${WORDS}.”`),
    ).toEqual(['tomas-vendrell']);
  });
});

describe('participles and colons after a frame', () => {
  it('gives a participle right after a frame to that frame’s subject, not the sentence’s opener', () => {
    expect(speakers(`Hope and the pilots will meet next week, Vendrell said, adding, “${WORDS}.”`)).toEqual([
      'tomas-vendrell',
    ]);
  });

  it('takes the person an opening organisation describes as the subject', () => {
    expect(speakers(`Pilots Guild Chairman Tomas Vendrell spoke for an hour, arguing that “${WORDS}.”`)).toEqual([
      'tomas-vendrell',
    ]);
    expect(speakers(`Pilots Guild Chairman Tomas Vendrell delivered a message: “${WORDS}.”`)).toEqual([
      'tomas-vendrell',
    ]);
  });
});

describe('another’s name in reported speech', () => {
  it('gives a partial quote after "X said Y’s …" to X unless Y’s words are the quotation', () => {
    expect(
      speakers(`Vendrell said Quillfeather’s plans and promises “will sink the harbour before the winter.”`),
    ).toEqual(['tomas-vendrell']);
    expect(speakers(`Vendrell said Quillfeather’s remarks, “${WORDS},” were wrong.`)).toEqual([null]);
  });

  it('passes over an organisation that is the object of a verb in the apposition', () => {
    expect(
      speakers(
        `Tomas Vendrell, the pilot who heads the Pilots Guild, which owns the quay, said the port “will stay open as long as I live.”`,
      ),
    ).toEqual(['tomas-vendrell']);
  });
});

describe('whom a pronoun follows', () => {
  it('takes the subject after an introductory phrase as the one in focus', () => {
    expect(
      speakers(
        `Mr. Hope spoke first. In an interview last week, Mr. Vendrell described the meeting.\n\n“${WORDS},” he recalled.`,
      ),
    ).toEqual(['tomas-vendrell']);
    // A person named in the phrase makes it no introduction.
    expect(speakers(`After meeting Mara Quillfeather, Vendrell left.\n\n“${WORDS},” he said.`)).toEqual([null]);
  });

  it('keeps the focus past a contraction opening a sentence, "however", or a speech verb used as a noun', () => {
    expect(
      speakers(`Mr. Vendrell spoke at the quay. We're in the harbour business, he told them.\n\n“${WORDS},” he said.`),
    ).toEqual(['tomas-vendrell']);
    expect(speakers(`Mr. Vendrell however said the quay was safe.\n\n“${WORDS},” he said.`)).toEqual([
      'tomas-vendrell',
    ]);
    expect(speakers(`Mr. Vendrell denounced Hope’s remarks and warned of the cost.\n\n“${WORDS},” he said.`)).toEqual([
      'tomas-vendrell',
    ]);
  });

  it('takes the one whose view a sentence gives ("To professor X, …") into focus', () => {
    expect(
      speakers(
        `Mr. Hope spoke first. To Pilots Guild historian Mara Quillfeather, the quay looked sad.\n\n“${WORDS},” she said.`,
      ),
    ).toEqual(['mara-quillfeather']);
    expect(
      speakers(`Mr. Hope spoke first. Going to Mara Quillfeather, the pilots left.\n\n“${WORDS},” he said.`),
    ).toEqual(['tom-hope']);
  });

  it('reads "X of <place>" before an apposition as X', () => {
    expect(
      speakers(`Rep. Tomas Vendrell of Port Ellery, a pilot, said the quay “will stay open as long as I live here.”`),
    ).toEqual(['tomas-vendrell']);
  });

  it('reads the subject after connectives or a participial introduction for a participle frame', () => {
    expect(speakers(`And then Vendrell went on the attack, saying, “${WORDS}.”`)).toEqual(['tomas-vendrell']);
    expect(speakers(`Continuing his answer, Vendrell rejected the plan, saying that “${WORDS}.”`)).toEqual([
      'tomas-vendrell',
    ]);
    // A phrase with a subject of its own introduces no one: he is still Hope.
    expect(
      speakers(
        `Mr. Hope spoke first. On Sunday, he disclosed that after the storm, Vendrell called the pilots.\n\n“${WORDS},” he said.`,
      ),
    ).toEqual(['tom-hope']);
  });

  it('gives he to someone of unknown gender just quoted in the sentence before, not otherwise', () => {
    expect(
      speakers(
        `Mr. Hope spoke first.\n\n“${WORDS},” said Tomas Vendrell. He called the plan “a necessary one and an urgent one for us.”`,
      ),
    ).toEqual(['tomas-vendrell', 'tomas-vendrell']);
    expect(speakers(`Mr. Hope spoke first. Vendrell spoke next.\n\n“${WORDS},” he said.`)).toEqual([null]);
  });
});

describe('signed quotations', () => {
  it('gives a quotation signed with a dash to the name signed, in its paragraph or the next', () => {
    expect(
      speakers(`“${WORDS}.” ― Mara Quillfeather “The pilots know the quay better than anyone.” ― Tomas Vendrell`),
    ).toEqual(['mara-quillfeather', 'tomas-vendrell']);
    expect(speakers(`"${WORDS}."\n\n\\- Vendrell.`)).toEqual(['tomas-vendrell']);
  });

  it('takes no dash followed by more than a name for a signature', () => {
    expect(speakers(`“${WORDS}.” ― Vendrell’s friend agreed with that.`)).toEqual([null]);
    expect(speakers(`“${WORDS}.” ― Vendrell and the pilots.`)).toEqual([null]);
  });
});
