/** Resolving frames to speakers. */
import type { Attribution, Speaker } from './types.ts';
import { type Block, isWord, type Mention, type ProseBlock } from './blocks.ts';
import { sentenceStartBefore } from './sentences.ts';
import type { Frame } from './frames.ts';
import { type Focus, resolvePronoun } from './focus.ts';

export interface Resolved {
  speaker: Speaker;
  via: Exclude<Attribution, 'editor'>;
}

export type Resolution = Resolved | 'blocked';

function sameSpeaker(a: Speaker, b: Speaker): boolean {
  return a.kind === b.kind && a.slug === b.slug;
}

export function resolveMention(mention: Mention): Resolution {
  const { target } = mention;
  if (typeof target !== 'object') return 'blocked';
  return { speaker: target.speaker, via: target.via };
}

export interface Range {
  block: number;
  from: number;
  to: number;
}

/** The one organisation a document without a named author comes from: the only one named around it. */
function resolveDocument(blocks: Block[], ranges: Range[]): Resolution {
  const orgs = new Map<string, Speaker>();
  for (const { block: b, from, to } of ranges) {
    const block = blocks[b] as ProseBlock;
    if (block.tokens.slice(from, to).some((t) => isWord(t, 'joint'))) return 'blocked';
    for (const m of block.mentions) {
      if (m.start < from || m.end > to) continue;
      if (typeof m.target !== 'object') {
        if (m.target === 'other') continue;
        return 'blocked';
      }
      if (m.target.speaker.kind !== 'organisations') return 'blocked';
      orgs.set(m.target.speaker.slug, m.target.speaker);
    }
  }
  if (orgs.size !== 1) return 'blocked';
  return { speaker: [...orgs.values()][0]!, via: 'document' };
}

/** The sentence before the one starting at (b, from): in the same paragraph, or the last of the previous one. */
export function previousSentence(blocks: Block[], b: number, from: number): Range | undefined {
  const block = blocks[b] as ProseBlock;
  if (from > 0) return { block: b, from: sentenceStartBefore(block, from - 1), to: from };
  const previous = blocks[b - 1];
  if (previous?.type !== 'prose' || previous.tokens.length === 0) return undefined;
  const end = previous.tokens.length;
  return { block: b - 1, from: sentenceStartBefore(previous, end - 1), to: end };
}

export function resolveFrame(blocks: Block[], frame: Frame, sentence: Range[], focus: Focus): Resolution {
  const { subject } = frame;
  switch (subject.type) {
    case 'mention':
      return resolveMention(subject.mention);
    case 'pronoun': {
      const speaker = resolvePronoun(blocks, frame.block, subject.index, frame.opening, focus);
      return speaker ? { speaker, via: 'pronoun' } : 'blocked';
    }
    case 'document': {
      if (subject.author) {
        const resolved = resolveMention(subject.author);
        if (resolved === 'blocked' || resolved.speaker.kind !== 'organisations') return 'blocked';
        return { speaker: resolved.speaker, via: 'document' };
      }
      const first = sentence[0];
      const before = first ? previousSentence(blocks, first.block, first.from) : undefined;
      return resolveDocument(blocks, before ? [...sentence, before] : sentence);
    }
  }
}

const VIA_RANK: Record<Resolved['via'], number> = { name: 0, short: 1, document: 2, pronoun: 3 };

export function combine(resolutions: Resolution[]): Resolved | undefined {
  let result: Resolved | undefined;
  for (const r of resolutions) {
    if (r === 'blocked') return undefined;
    if (!result) result = r;
    else if (!sameSpeaker(result.speaker, r.speaker)) return undefined;
    else if (VIA_RANK[r.via] < VIA_RANK[result.via]) result = r;
  }
  return result;
}
