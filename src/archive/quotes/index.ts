/**
 * Quotations in an article body, and who said them (issue #6). Precision before recall: a wrong
 * speaker is worse than none, so every rule below gives up rather than guess.
 *
 * Extraction, on the Markdown syntax tree (code, inline code, link URLs, headings, tables and raw
 * HTML are never read for quote marks):
 * - text between typographic (“…”) or straight ("…") double quotes is a quotation, also with the
 *   marks mixed ("…” or “…"); single quotes (‘…’) are quotes inside quotes and stay part of the text;
 * - a quotation running over several paragraphs, each opening with a quote mark and only the last
 *   closing, is one quotation; so is one interrupted by its attribution
 *   (“We will stay,” Vendrell said, “until the last ship leaves.”);
 * - a Markdown block quote is one quotation (a last line “— Name” names its speaker);
 * - fewer than six words is a scare quote or a title, not a quotation; so is a Title Case phrase
 *   and anything right after "titled", "entitled" or "headlined".
 *
 * Attribution, to a speaker the article is tagged with and no one else:
 * - a name frame in the same sentence, before or after the quotation: "X said", "said X",
 *   "X told reporters", "X stated:", "according to X", "X was quoted as saying", "X added",
 *   "X said in a statement", "X, the harbour pilot, said", "X wrote:" before a block quote;
 *   titles, descriptors and brackets around the name ("said Rep. X (D-Wis.)", "CIA spokesman X
 *   said"), appositions of up to 30 words ("X, 30, of Raleigh, N.C., who…, said"); participles
 *   ("…, stating:", "adding", "saying") and a colon ("X delivered a retort: “…”") after the
 *   sentence's subject; "X said … but added, “…”"; the name must be the subject: "a spokesman for X said", "X's deputy said", "X and Y said"
 *   "Y said X told him", "Y said X called it “…”" and a name inside another's apposition
 *   attribute to no one;
 * - names match by any name or alias, ignoring case and diacritics, and by short forms:
 *   the entity's explicit `short` list; for Vietnamese-pattern names (first word a common
 *   Vietnamese family name) the given name, their last word (Nguyễn Văn Thử → Thử); for other
 *   Latin names the surname, their last word past Jr. (Loretta E. Lynch → Lynch), unless the
 *   person is marked family-name-first or has a name in Khmer script: Khmer names are matched in
 *   full only (Sok Vannara is never "Vannara");
 * - a short form shared by two tagged speakers, or equal to the name of a tagged place, event or
 *   organisation, attributes to no one;
 * - "he said" / "she told The Post" goes to the person in focus (focus.ts): the last named as a
 *   sentence's or a speech verb's subject in this paragraph or the one before, continued by he/she
 *   as a subject; gender comes from the article (Mr./Ms., pronouns of one person) and skips people
 *   known to be of the other gender; two joined subjects, another speaker ("a spokesman said"),
 *   an unknown gender where another fits (unless that one was just quoted in the sentence
 *   before), "he told Vendrell" for Vendrell, or "they said", attribute to no one; without a
 *   focus, the one tagged person in the window who fits; the subject after an introductory
 *   phrase ("In an interview, X described…") and the one whose view is given ("To X, …") take it;
 * - after a quotation that ends its sentence (“… here.” Vendrell said.) the next sentence is its
 *   frame only when it says nothing else; "X read from …" and "…, quoting …" give others' words;
 * - a document ("the statement read", "a HPG press release said", "the Guild's statement read",
 *   "according to a statement from the Order") goes to the organisation named as its author in
 *   the frame, else to the one tagged organisation named in the same or previous sentence when
 *   no person or unknown name is named there too, else to no one;
 * - "X called Y “…”" and "…, calling it “…”" frame like speech verbs; a participle right after a
 *   frame ("“…,” X said, adding, “…”") takes that frame's subject;
 * - a frame after the comma that closes the sentence a partial quote runs on in (“…” since the
 *   votes were close, said X) is that quote's; "X said Y's plans “…”" is X's unless Y's words run
 *   straight into the quote ("Y's remarks, “…”"); a quotation signed with a dash (“…” ― X) is X's;
 * - a quotation with no frame of its own that follows an attributed quotation and its attribution
 *   sentence (“…,” X said. “…”), or a short quote's (“Fine,” X said. “…”), in the same paragraph
 *   or opening the next, continues that speaker;
 * - frames that disagree, or any frame whose subject cannot be resolved, attribute to no one.
 *
 * Editors correct the result in frontmatter (`quotes: [{ text, by }]`); `applyOverrides` is the
 * pure function that applies those entries.
 */
import type { Root } from 'mdast';
import type { Quote, Speaker } from './types.ts';
import { buildLexicon } from './speakers.ts';
import {
  collectBlocks,
  findUnits,
  looksLikeTitle,
  mergeInterrupted,
  type ProseBlock,
  type Unit,
  wordCount,
} from './blocks.ts';
import { findMentions, tokenise } from './sentences.ts';
import { frameAfter, frameBefore, type FrameResult } from './frames.ts';
import { combine, type Range, type Resolution, type Resolved, resolveFrame, resolveMention } from './attribute.ts';
import { signatureAfter } from './signatures.ts';
import { blockquoteUnit, resolveSignature } from './blockquotes.ts';
import { genderEvidence, trackFocus } from './focus.ts';
import { shortLeadFrame } from './leads.ts';

export type { Attribution, Quote, QuoteOverride, QuoteSpeaker, QuoteStats, Speaker, SpeakerKind } from './types.ts';
export { isVietnameseName, shortForms, toSpeaker } from './speakers.ts';
export { applyOverrides, checkOverrides, normaliseQuoteText, quoteStats, readOverrides } from './overrides.ts';

function quoteIndex(block: ProseBlock, unit: number, span: number): number {
  let seen = 0;
  for (let i = 0; i < block.tokens.length; i++) {
    const t = block.tokens[i]!;
    if (t.type === 'quote' && t.unit === unit) {
      if (seen === span) return i;
      seen++;
    }
  }
  return -1;
}

function preRange(block: ProseBlock, q: number): { from: number; sentenceStart: boolean } {
  let from = q;
  while (from > 0 && block.tokens[from - 1]!.type !== 'quote' && !block.boundaryAfter[from - 1]) from--;
  return { from, sentenceStart: from === 0 || block.boundaryAfter[from - 1] === true };
}

function postRange(block: ProseBlock, q: number): number {
  let to = q + 1;
  while (to < block.tokens.length && block.tokens[to]!.type !== 'quote') {
    to++;
    if (block.boundaryAfter[to - 1]) break;
  }
  return to;
}

interface Evaluated {
  resolved?: Resolved;
  frames: number;
  /** The tokens of its first and last spans' quotes, in their blocks. */
  q0: number;
  qn: number;
  /** Attributed by a frame after its last span, which ends at this token of that block. */
  postEnd?: { block: number; to: number };
}

/**
 * The quotations in a body and who said them, in document order. `speakers` are the people and
 * organisations the article is tagged with; `others` the names of its tagged places, events and
 * other entities, so a short form that is also one of them is not taken for a speaker.
 */
export function extractQuotes(tree: Root, speakers: readonly Speaker[], others: readonly string[] = []): Quote[] {
  const lexicon = buildLexicon(speakers, others);
  const blocks = collectBlocks(tree);

  let units = mergeInterrupted(blocks, findUnits(blocks));
  for (const unit of units) {
    const first = unit.spans[0]!;
    const before = (blocks[first.block] as ProseBlock).text.slice(0, first.open);
    unit.accepted = wordCount(unit.text) >= 6 && !looksLikeTitle(unit.text, before);
  }
  for (const unit of units) {
    if (unit.accepted) continue;
    for (const span of unit.spans) (blocks[span.block] as ProseBlock).minor.push(span);
  }
  units = units.filter((u) => u.accepted);
  units.forEach((unit, id) => {
    for (const span of unit.spans) (blocks[span.block] as ProseBlock).spans.push({ span, unit: id });
  });
  for (const block of blocks) {
    if (block.type !== 'prose') continue;
    tokenise(block);
    findMentions(block, lexicon);
  }
  const focus = trackFocus(blocks, genderEvidence(blocks));

  const evaluated: Evaluated[] = units.map((unit, id) => {
    const resolutions: Resolution[] = [];
    const first = unit.spans[0]!;
    const last = unit.spans.at(-1)!;
    const firstBlock = blocks[first.block] as ProseBlock;
    const lastBlock = blocks[last.block] as ProseBlock;
    const q0 = quoteIndex(firstBlock, id, 0);
    const pre = preRange(firstBlock, q0);
    const qn = quoteIndex(lastBlock, id, unit.spans.filter((s) => s.block === last.block).length - 1);
    const postTo = postRange(lastBlock, qn);
    const sentence: Range[] = [
      { block: first.block, from: pre.from, to: q0 },
      { block: last.block, from: qn + 1, to: postTo },
    ];
    const frames: FrameResult[] = [];
    frames.push(frameBefore(blocks, first.block, pre.from, q0));
    for (let k = 1; k < unit.spans.length; k++) {
      if (unit.spans[k]!.block !== unit.spans[k - 1]!.block) continue;
      const block = blocks[unit.spans[k]!.block] as ProseBlock;
      const index = unit.spans.slice(0, k).filter((s) => s.block === unit.spans[k]!.block).length;
      const a = quoteIndex(block, id, index - 1);
      const c = quoteIndex(block, id, index);
      frames.push(frameAfter(blocks, unit.spans[k]!.block, a, c, false, first.block));
    }
    const newSentence = lastBlock.tokens[qn]!.endsSentence === true && lastBlock.boundaryAfter[qn] === true;
    const post = frameAfter(blocks, last.block, qn, postTo, newSentence, first.block);
    frames.push(post);
    // “…” ― Name: a signature counts as a frame of its own.
    const signature = signatureAfter(blocks, last.block, qn);
    if (signature) resolutions.push(resolveMention(signature));
    let count = signature ? 1 : 0;
    for (const frame of frames) {
      if (frame === undefined) continue;
      count++;
      resolutions.push(frame === 'blocked' ? 'blocked' : resolveFrame(blocks, frame, sentence, focus));
    }
    const resolved = combine(resolutions);
    return {
      frames: count,
      q0,
      qn,
      ...(resolved ? { resolved } : {}),
      ...(post && post !== 'blocked' && resolved && count === 1 ? { postEnd: { block: last.block, to: postTo } } : {}),
    };
  });

  // A quotation with no frame that follows another's attribution sentence continues that speaker:
  // in the same paragraph (“…,” X said. “…”), or opening the next one when that sentence ended the
  // paragraph before; so does one after a short quote's (“Fine,” X said. “…”). A quotation so
  // continued that fills its paragraph hands the speaker on.
  units.forEach((unit, id) => {
    const result = evaluated[id]!;
    if (result.frames > 0) return;
    const first = unit.spans[0]!;
    const last = unit.spans.at(-1)!;
    const block = blocks[first.block] as ProseBlock;
    const q = result.q0;
    const previous = id > 0 ? evaluated[id - 1]! : undefined;
    const before = blocks[first.block - 1];
    const sameParagraph =
      previous?.postEnd?.block === first.block && previous.postEnd.to === q && block.boundaryAfter[q - 1];
    const nextParagraph =
      q === 0 &&
      previous?.postEnd?.block === first.block - 1 &&
      before?.type === 'prose' &&
      previous.postEnd.to === before.tokens.length;
    if (previous?.resolved && (sameParagraph || nextParagraph)) result.resolved = previous.resolved;
    else {
      const lead = shortLeadFrame(blocks, first.block, q);
      const resolution = lead && resolveFrame(blocks, lead.frame, [lead.range], focus);
      if (!resolution || resolution === 'blocked') return;
      result.resolved = resolution;
    }
    const lastBlock = blocks[last.block] as ProseBlock;
    if (q === 0 && result.qn === lastBlock.tokens.length - 1) {
      result.postEnd = { block: last.block, to: lastBlock.tokens.length };
    }
  });

  const quotes: { quote: Quote; order: [number, number] }[] = units.map((unit, id) => {
    const resolved = evaluated[id]!.resolved;
    const first = unit.spans[0]!;
    return { quote: toQuote(unit, resolved, false), order: [first.block, first.open] };
  });

  // Block quotes: one quotation each, attributed by a signature line or the sentence introducing it.
  blocks.forEach((block, b) => {
    if (block.type !== 'blockquote') return;
    const unit = blockquoteUnit(block, b);
    if (wordCount(unit.text) < 6) return;
    const resolutions: Resolution[] = [];
    if (unit.blockquote?.dash !== undefined) {
      const signed = resolveSignature(unit.blockquote.dash, lexicon);
      if (signed) resolutions.push(signed);
    }
    const intro = blocks[b - 1];
    if (intro?.type === 'prose' && /:\s*$/.test(intro.text)) {
      const end = intro.tokens.length;
      let from = end;
      while (from > 0 && intro.tokens[from - 1]!.type !== 'quote' && !intro.boundaryAfter[from - 1]) from--;
      const frame = frameBefore(blocks, b - 1, from, end);
      if (frame)
        resolutions.push(
          frame === 'blocked' ? 'blocked' : resolveFrame(blocks, frame, [{ block: b - 1, from, to: end }], focus),
        );
    }
    quotes.push({ quote: toQuote(unit, combine(resolutions), true), order: [b, 0] });
  });

  return quotes.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]).map((x) => x.quote);
}

function toQuote(unit: Unit, resolved: Resolved | undefined, block: boolean): Quote {
  return {
    text: unit.text,
    ...(resolved
      ? {
          speaker: { kind: resolved.speaker.kind, slug: resolved.speaker.slug, name: resolved.speaker.name },
          via: resolved.via,
        }
      : {}),
    ...(unit.line === undefined ? {} : { line: unit.line }),
    paragraphs: unit.paragraphs,
    block,
  };
}
