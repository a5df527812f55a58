/**
 * Attribution shapes of real news copy beyond those in quotes-real.test.ts (issue #19): quotations
 * whose frame belongs to a short quote before them, and copy that mixes straight and curly marks.
 */
import { describe, expect, it } from 'vitest';
import { treeOf } from '../helpers/markdown.ts';
import { extractQuotes, toSpeaker, type Speaker } from '../../src/archive/quotes/index.ts';

function person(slug: string, name: string): Speaker {
  return toSpeaker({ kind: 'people', slug, name, names: [name] })!;
}

const VENDRELL = person('tomas-vendrell', 'Tomas Vendrell');
const MARA = person('mara-quillfeather', 'Mara Quillfeather');
const CAST = [VENDRELL, MARA];
const WORDS = 'The harbour will stay open as long as I live here';

function speakers(markdown: string, cast: readonly Speaker[] = CAST): (string | null)[] {
  return extractQuotes(treeOf(markdown), cast).map((q) => q.speaker?.slug ?? null);
}

describe('a short quote’s frame', () => {
  it('gives the quotation after “Short,” X said. to X, in the paragraph or opening the next', () => {
    expect(speakers(`“I don’t care,” Vendrell said. “${WORDS}.”`)).toEqual(['tomas-vendrell']);
    expect(speakers(`“It’s embarrassing,” said Mara Quillfeather.\n\n“${WORDS}.”`)).toEqual(['mara-quillfeather']);
    expect(speakers(`Yet the port is a “going concern,” Vendrell said. “${WORDS}.”`)).toEqual(['tomas-vendrell']);
  });

  it('lets the short quote’s frame describe its speaker in the quotation’s paragraph', () => {
    expect(speakers(`“It’s unusual,” said Vendrell, who bought the quay in 1990. “${WORDS}.”`)).toEqual([
      'tomas-vendrell',
    ]);
    expect(speakers(`“Fine,” Vendrell said from his office in Port Ellery. “${WORDS}.”`)).toEqual(['tomas-vendrell']);
    // Across paragraphs the sentence must still be the frame and nothing else.
    expect(speakers(`“It’s unusual,” said Vendrell, who bought the quay in 1990.\n\n“${WORDS}.”`)).toEqual([null]);
    expect(speakers(`“Fine,” Vendrell said, noting the tides. “${WORDS}.”`)).toEqual([null]);
  });

  it('does not when the sentence says more than its frame, or has no short quote', () => {
    expect(speakers(`“I don’t care,” Vendrell said, and Quillfeather left the room. “${WORDS}.”`)).toEqual([null]);
    expect(speakers(`Vendrell said the port was fine. “${WORDS}.”`)).toEqual([null]);
  });
});

describe('mixed quote marks', () => {
  it('reads "…” and “…" as quotations', () => {
    expect(speakers(`"${WORDS},” Vendrell said.`)).toEqual(['tomas-vendrell']);
    expect(speakers(`“${WORDS}," Vendrell said.`)).toEqual(['tomas-vendrell']);
  });

  it('closes “…," at a straight mark when the ” after it closes a quotation a later straight mark opens', () => {
    expect(speakers(`“${WORDS}," Vendrell said. "The pilots know the quay better than anyone.”`)).toEqual([
      'tomas-vendrell',
      'tomas-vendrell',
    ]);
    expect(speakers(`“They told me "go home now," and I stayed at the quay for a week.” Vendrell said.`)).toEqual([
      'tomas-vendrell',
    ]);
  });

  it('keeps straight quotes inside curly ones, and text between two quotations out of both', () => {
    const found = extractQuotes(treeOf(`“He told me "no" and ${WORDS},” Vendrell said.`), CAST);
    expect(found.map((q) => q.text)).toEqual([`He told me "no" and ${WORDS}`]);
    const two = extractQuotes(treeOf(`"${WORDS},” Vendrell said. "${WORDS}.”`), CAST);
    expect(two.map((q) => q.text)).toEqual([WORDS, `${WORDS}.`]);
  });
});

describe('hyphenated names', () => {
  it('finds the surname of a hyphenated name in the text', () => {
    const cast = [person('melissa-mark-viverito', 'Melissa Mark-Viverito'), VENDRELL];
    expect(speakers(`“${WORDS},” Mark-Viverito said.`, cast)).toEqual(['melissa-mark-viverito']);
  });
});

describe('a name describing the speaker', () => {
  const TIMES = toSpeaker({ kind: 'organisations', slug: 'harbour-times', name: 'Harbour Times', names: ['Harbour Times'] })!;
  const cast = [VENDRELL, MARA, TIMES];

  it('passes over a person or possessive named before the speaker’s role', () => {
    expect(speakers(`“${WORDS},” Vendrell campaign manager Mara Quillfeather said.`, cast)).toEqual([
      'mara-quillfeather',
    ]);
    expect(speakers(`“${WORDS},” said Harbour Times’s Mara Quillfeather.`, cast)).toEqual(['mara-quillfeather']);
  });

  it('does not give the words to the one told, nor to the one whose role speaks', () => {
    expect(speakers(`“${WORDS},” the spokesman, Mara Quillfeather, told Harbour Times.`, cast)).toEqual([null]);
    expect(speakers(`“${WORDS},” said Vendrell’s spokesman.`, cast)).toEqual([null]);
  });
});

describe('focus through a verb whose subject is left out', () => {
  it('keeps the focus on X after “X told …, when asked …” and “X admitted …, but said …”', () => {
    const asked = `Ms. Quillfeather told the Times when asked about the port that it was fine.\n\n“${WORDS},” she said.`;
    expect(speakers(asked)).toEqual(['mara-quillfeather']);
    const but = `Vendrell admitted the figures were wrong, but said the pilots were safe.\n\n“${WORDS},” he said.`;
    expect(speakers(but)).toEqual(['tomas-vendrell']);
  });

  it('still lets a verb without a named subject end the focus', () => {
    const ad = `Vendrell met the pilots.\n\nThe new ad hits the harbour and claims that it will close.\n\n“${WORDS},” he said.`;
    expect(speakers(ad)).toEqual([null]);
  });
});

describe('a speaker’s affiliation after the name', () => {
  it('reads “said X of the Y”, and gives it to X', () => {
    expect(speakers(`“${WORDS},” said Mara Quillfeather of the Harbour Pilots Association.`)).toEqual([
      'mara-quillfeather',
    ]);
  });
});

describe('a participle after a frame', () => {
  it('gives “…,” X said, adding, “…” to X, named before or after the verb', () => {
    expect(speakers(`“${WORDS},” Vendrell said, adding, “${WORDS} and more.”`)).toEqual([
      'tomas-vendrell',
      'tomas-vendrell',
    ]);
    expect(speakers(`“${WORDS},” said Mara Quillfeather, adding that “${WORDS} and more.”`)).toEqual([
      'mara-quillfeather',
      'mara-quillfeather',
    ]);
  });

  it('does not when the participle follows a frame without a speaker', () => {
    expect(speakers(`“${WORDS},” a pilot said, adding, “${WORDS} and more.”`)).toEqual([null, null]);
  });
});

describe('naming as saying', () => {
  it('gives “X called Y “…”” and “…, calling it “…”” to X', () => {
    expect(speakers(`Vendrell called the new levy “${WORDS}.”`)).toEqual(['tomas-vendrell']);
    expect(speakers(`Mara Quillfeather attacked the levy, calling it “${WORDS}.”`)).toEqual(['mara-quillfeather']);
  });

  it('does not take a passive for a frame, nor a call for a sign of focus', () => {
    expect(speakers(`Vendrell was called “${WORDS}.”`)).toEqual([null]);
    const phoned = `Ms. Quillfeather spoke first. The next day, Vendrell called the office.\n\n“${WORDS},” she said.`;
    expect(speakers(phoned)).toEqual(['mara-quillfeather']);
  });
});
