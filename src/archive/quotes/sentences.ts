/** Tokens, sentence boundaries and name mentions of a paragraph. */
import { nameKey } from '../names.ts';
import { ABBREVIATIONS, NOT_NAMES, SPEECH_VERBS } from './words.ts';
import { fold, type Lexicon } from './speakers.ts';
import type { Mention, ProseBlock, Token } from './blocks.ts';

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*['’]?|[^\s\p{L}\p{M}\p{N}“”"]/gu;

/** A word's token is the same wherever it occurs, and news copy repeats its words: each is made
 * once (frozen, since tokens are shared) and the memo is bounded. */
const madeTokens = new Map<string, Readonly<Token>>();

function tokenFor(text: string): Readonly<Token> {
  let token = madeTokens.get(text);
  if (token === undefined) {
    if (madeTokens.size > 50_000) madeTokens.clear();
    token = Object.freeze(makeToken(text));
    madeTokens.set(text, token);
  }
  return token;
}

function makeToken(text: string): Token {
  const isWord = /^[\p{L}\p{M}\p{N}]/u.test(text);
  const apostrophe = /['’]s?$/i.test(text);
  const key = isWord ? nameKey(text) : '';
  return {
    type: isWord ? 'word' : 'punct',
    text,
    low: apostrophe ? fold(text).replace(/['’]s?$/, '') : fold(text),
    key,
    bare: isWord && apostrophe ? nameKey(text.replace(/['’]s?$/i, '')) : key,
    cap: /^\p{Lu}/u.test(text),
    possessive: isWord && apostrophe && text.length > 2,
  };
}

/** "We're", "I'm", "Don't": a contraction opening a sentence is no name. */
const CONTRACTION = /['’](?:re|m|ll|ve|d|t)$/u;

export function tokenise(block: ProseBlock): void {
  const spans = block.spans.slice().sort((x, y) => x.span.open - y.span.open);
  const tokens: Token[] = [];
  let at = 0;
  const words = (from: number, to: number) => {
    for (const match of block.text.slice(from, to).matchAll(WORD)) {
      const token = tokenFor(match[0]);
      const at = from + match.index;
      tokens.push(block.minor.some((m) => m.open <= at && at < m.close) ? { ...token, quoted: true } : token);
    }
  };
  for (const { span, unit } of spans) {
    words(at, span.open);
    const inner = block.text.slice(span.start, span.end).trim();
    tokens.push({
      type: 'quote',
      text: inner,
      low: '',
      key: '',
      bare: '',
      cap: false,
      possessive: false,
      unit,
      endsSentence: span.closed && /[.!?…]$/.test(inner),
    });
    at = span.close;
  }
  words(at, block.text.length);
  block.tokens = tokens;
  const boundaryAfter = tokens.map((t, i) => {
    const next = tokens[i + 1];
    const startsNext =
      !next || next.type === 'quote' || (next.type === 'word' && (next.cap || !/\p{Ll}/u.test(next.text[0]!)));
    if (!startsNext) return false;
    if (t.type === 'quote') return t.endsSentence === true;
    if (t.type !== 'punct' || !/^[.!?…]$/.test(t.text)) return false;
    const before = tokens[i - 1];
    // "Mr." and "J." end no sentence, nor does the initial in "(D-N.Y.)".
    if (
      t.text === '.' &&
      before?.type === 'word' &&
      (ABBREVIATIONS.has(before.low) || (before.text.length === 1 && before.cap) || /-\p{Lu}$/u.test(before.text))
    )
      return false;
    return true;
  });
  block.boundaryAfter = boundaryAfter;
  block.sentenceStart = tokens.map((_, i) => i === 0 || boundaryAfter[i - 1] === true);
}

export function isSpeechVerb(token: Token | undefined): boolean {
  return token?.type === 'word' && !token.cap && SPEECH_VERBS.has(token.low);
}

/** The indices of up to `max` words from `i` that may make one name: the dot of an initial ("Donald J. Trump") is skipped. */
function nameWords(tokens: readonly Token[], i: number, max: number): number[] {
  const at: number[] = [];
  for (let k = i; k < tokens.length && at.length < max; k++) {
    const t = tokens[k]!;
    if (t.type === 'word') at.push(k);
    else if (t.text === '.' && tokens[k - 1]?.text.length === 1 && tokens[k - 1]!.cap && tokens[k + 1]?.type === 'word')
      continue;
    else break;
  }
  return at;
}

/** The longest name the lexicon knows starting at token `i`. */
function taggedAt(tokens: readonly Token[], i: number, lexicon: Lexicon): Mention | undefined {
  const first = tokens[i]!;
  // A hyphenated word ("Mark-Viverito") is several words of a name's key.
  const head = (key: string) => key.split(' ', 1)[0]!;
  if (!lexicon.firstWords.has(head(first.key)) && !lexicon.firstWords.has(head(first.bare))) return undefined;
  const at = nameWords(tokens, i, lexicon.maxWords);
  for (let n = at.length; n >= 1; n--) {
    const inner = at.slice(0, n - 1).map((k) => tokens[k]!.key);
    const last = tokens[at[n - 1]!]!;
    for (const [key, possessive] of [
      [last.key, false],
      [last.bare, last.possessive],
    ] as const) {
      const target = lexicon.lookup([...inner, key].join(' '));
      if (target) return { start: i, end: at[n - 1]! + 1, target, possessive };
    }
  }
  return undefined;
}

export function findMentions(block: ProseBlock, lexicon: Lexicon): void {
  const { tokens } = block;
  const mentions: Mention[] = [];
  const cased = (t: Token) => t.text !== t.text.toLowerCase() || t.text !== t.text.toUpperCase();
  for (let i = 0; i < tokens.length;) {
    const first = tokens[i]!;
    if (first.type !== 'word' || (cased(first) && !first.cap)) {
      i++;
      continue;
    }
    const found = taggedAt(tokens, i, lexicon);
    if (found) {
      mentions.push(found);
      i = found.end;
      continue;
    }
    if (first.cap && !NOT_NAMES.has(first.low) && !CONTRACTION.test(first.low)) {
      let j = i;
      // An untagged name stops where a tagged one starts: "Senate Minority Leader | Harry Reid".
      while (
        j < tokens.length &&
        tokens[j]!.type === 'word' &&
        tokens[j]!.cap &&
        !NOT_NAMES.has(tokens[j]!.low) &&
        (j === i || !taggedAt(tokens, j, lexicon))
      )
        j++;
      // A capitalised word opening a sentence may be an ordinary word; adverbs and participles
      // ("Separately", "Speaking") are taken for one, anything else for a name, to be safe.
      if (!block.sentenceStart[i] || j - i >= 2 || !/(?:ly|ing|ed)$/.test(first.low)) {
        mentions.push({ start: i, end: j, target: 'unknown', possessive: tokens[j - 1]!.possessive });
      }
      i = j;
      continue;
    }
    i++;
  }
  block.mentions = mentions;
  block.mentionEnd = new Map(mentions.map((m) => [m.end - 1, m]));
  block.mentionStart = new Map(mentions.map((m) => [m.start, m]));
}

export function sentenceStartBefore(block: ProseBlock, k: number): number {
  while (k > 0 && !block.sentenceStart[k]) k--;
  return Math.max(k, 0);
}
