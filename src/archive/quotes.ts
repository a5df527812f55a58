/**
 * Quotations in an article body, and who said them (issue #6). Precision before recall: a wrong
 * speaker is worse than none, so every rule below gives up rather than guess.
 *
 * Extraction, on the Markdown syntax tree (code, inline code, link URLs, headings, tables and raw
 * HTML are never read for quote marks):
 * - text between typographic (“…”) or straight ("…") double quotes is a quotation; single quotes
 *   (‘…’) are quotes inside quotes and stay part of the text;
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
 *   the name must be the subject: "a spokesman for X said", "X's deputy said", "X and Y said"
 *   and "Y said X told him" attribute to no one;
 * - names match by any name or alias, ignoring case and diacritics, and by short forms:
 *   the entity's explicit `short` list; for Vietnamese-pattern names (first word a common
 *   Vietnamese family name) the given name, their last word (Nguyễn Văn Thử → Thử); for other
 *   two-word names the surname, their last word (Mara Quillfeather → Quillfeather), unless the
 *   person is marked family-name-first or has a name in Khmer script: Khmer names are matched in
 *   full only (Sok Vannara is never "Vannara");
 * - a short form shared by two tagged speakers, or equal to the name of a tagged place, event or
 *   organisation, attributes to no one;
 * - "he said" / "she told The Post" goes to the one tagged person named outside quotations in the
 *   same paragraph (before the pronoun) or the previous one; two people, an unknown name, a
 *   possessive ("Vendrell's daughter") or another speaker ("a spokesman said") in that window,
 *   "he told Vendrell" when Vendrell is the one candidate, or "they said", attribute to no one;
 * - after a quotation that ends its sentence (“… here.” Vendrell said.) the next sentence is its
 *   frame only when it says nothing else; "X read from …" and "…, quoting …" give others' words;
 * - a document ("the statement read", "a HPG press release said", "the Guild's statement read",
 *   "according to a statement from the Order") goes to the organisation named as its author in
 *   the frame, else to the one tagged organisation named in the same or previous sentence when
 *   no person or unknown name is named there too, else to no one;
 * - a quotation with no frame of its own that follows, in the same paragraph, an attributed
 *   quotation and its attribution sentence (“…,” X said. “…”) continues that speaker;
 * - frames that disagree, or any frame whose subject cannot be resolved, attribute to no one.
 *
 * Editors correct the result in frontmatter (`quotes: [{ text, by }]`); `applyOverrides` is the
 * pure function that applies those entries.
 */
import type { Blockquote, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { NamedEntity } from './name-index.ts';
import { foldDiacritics, nameKey } from './names.ts';

export type SpeakerKind = 'people' | 'organisations';

/** A person or organisation the article is tagged with, who may be quoted. */
export interface Speaker {
  kind: SpeakerKind;
  slug: string;
  name: string;
  /** Every name the speaker goes by (name, aliases, names in other languages). */
  names: string[];
  /** Explicit short forms (an entity file's `short`), always accepted. */
  short?: string[];
  /** Family name first and not Vietnamese (Khmer, Chinese…): no derived short form. */
  familyNameFirst?: boolean;
}

export interface QuoteSpeaker {
  kind: SpeakerKind;
  slug: string;
  name: string;
}

/** How a quotation was attributed. */
export type Attribution = 'name' | 'short' | 'pronoun' | 'document' | 'editor';

export interface Quote {
  /** The quoted words, without quote marks; paragraphs separated by a blank line. */
  text: string;
  speaker?: QuoteSpeaker;
  via?: Attribution;
  /** 1-based line in the Markdown source given to the parser (the body, not the file). */
  line?: number;
  paragraphs: number;
  /** A Markdown block quote rather than quote marks. */
  block: boolean;
}

/** One `quotes:` frontmatter entry: the quotation's words (or some of them), and who said them. */
export interface QuoteOverride {
  text: string;
  /** A tagged speaker's name, alias or slug; null: the passage is not a quotation. */
  by: string | null;
}

export interface QuoteStats {
  found: number;
  attributed: number;
  unattributed: number;
}

// ---------------------------------------------------------------------------------------------
// Word lists (compared folded and lowercased)

const VIETNAMESE_SURNAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo',
  'duong', 'ly', 'vuong', 'trinh', 'truong', 'dinh', 'lam', 'mai', 'to', 'ha', 'cao', 'luu', 'ta',
]);

const KHMER_SCRIPT = /[\u1780-\u17ff\u19e0-\u19ff]/u;

const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'wrote', 'writes', 'explained',
  'explains', 'noted', 'notes', 'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'declared',
  'declares', 'announced', 'announces', 'replied', 'replies', 'responded', 'responds', 'recalled', 'recalls',
  'continued', 'continues', 'asked', 'asks', 'claimed', 'claims', 'remarked', 'remarks', 'admitted', 'admits',
  'conceded', 'concedes', 'acknowledged', 'acknowledges', 'observed', 'observes', 'commented', 'comments',
  'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'stressed', 'stresses', 'suggested', 'suggests',
  'concluded', 'concludes', 'maintained', 'maintains', 'agreed', 'agrees', 'tweeted', 'posted', 'shouted',
  'whispered', 'cautioned', 'cautions', 'promised', 'promises', 'vowed', 'vows', 'predicted', 'predicts',
  'complained', 'complains', 'boasted', 'joked', 'jokes', 'pleaded', 'urged', 'urges', 'read', 'reads',
  'quipped', 'answered', 'answers', 'countered', 'counters', 'protested', 'objected', 'confirmed',
  'confirms', 'testified', 'recounted', 'wondered', 'mused', 'cried', 'exclaimed', 'proclaimed', 'proclaims',
]);

const DOC_NOUNS = new Set([
  'statement', 'release', 'communique', 'announcement', 'letter', 'report', 'notice', 'declaration', 'memo',
  'memorandum', 'bulletin', 'resolution', 'document', 'decree', 'circular', 'editorial', 'message', 'email',
  'petition', 'manifesto', 'proclamation', 'directive', 'leaflet', 'pamphlet', 'newsletter', 'filing',
]);

/** A word before a name that makes the name something other than the subject. */
const PREP_CONJ = new Set([
  'of', 'for', 'to', 'with', 'by', 'from', 'about', 'on', 'at', 'against', 'than', 'like', 'between', 'and',
  'or', 'nor', 'plus', 'including', 'toward', 'towards', 'via', 'per', 'among', 'amongst', 'behind', 'under',
  'over', 'into', 'onto', 'upon', 'beside', 'besides', 'except', 'without', 'within', 'through', 'across',
  'unlike', 'versus', 'vs', 'after', 'before', 'whom', 'whose', 'that', 'which', 'who', 'as', 'than',
]);

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', ...POSSESSIVE_PRONOUNS]);
const OTHER_SUBJECT_PRONOUNS = new Set(['they', 'it', 'we', 'i', 'you', 'who', 'which', 'one', 'someone', 'somebody', 'everyone', 'nobody']);
/** Pronouns that, in the words between a frame and its quotation, may bring in another speaker. */
const TAIL_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you']);

/** Between a speech verb and its subject: "X later said", "X has also told". */
const AUX_ADV = new Set([
  'has', 'had', 'have', 'would', 'will', 'also', 'later', 'then', 'again', 'earlier', 'previously', 'once',
  'further', 'first', 'finally', 'subsequently', 'simply', 'reportedly', 'repeatedly', 'famously', 'recently',
  'often', 'always', 'never', 'once', 'duly', 'promptly',
]);

/** What may follow a name after an inverted verb ("said Vendrell on Monday"). */
const AFTER_NAME = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'to', 'from', 'with', 'without',
  'outside', 'inside', 'later', 'yesterday', 'today', 'tonight', 'earlier', 'afterwards', 'afterward',
  'then', 'again', 'once', 'quietly', 'firmly', 'simply', 'flatly', 'angrily',
]);

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev', 'hon',
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'mt', 'ft', 'gov', 'sen', 'rep', 'maj', 'cmdr', 'adm',
]);

/** Honorifics and titles: skipped before a name, never a name themselves. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'madam', 'madame', 'captain',
  'capt', 'general', 'gen', 'colonel', 'col', 'lieutenant', 'lt', 'sergeant', 'sgt', 'president', 'vice',
  'prime', 'minister', 'deputy', 'secretary', 'chairman', 'chairwoman', 'chair', 'chief', 'governor', 'gov',
  'mayor', 'senator', 'sen', 'judge', 'justice', 'reverend', 'rev', 'lord', 'lady', 'king', 'queen', 'prince',
  'princess', 'excellency', 'samdech', 'oknha', 'lok', 'chumteav', 'ong', 'ba', 'ambassador', 'commissioner',
  'director', 'councillor', 'councilor', 'speaker', 'premier', 'chancellor', 'elder', 'brother', 'sister',
  'father', 'mother', 'uncle', 'aunt',
]);

/** Capitalised words that are not names: sentence openers, days, months. */
const NOT_NAMES = new Set([
  ...TITLES, 'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'of', 'to', 'from', 'with', 'and', 'but', 'or',
  'so', 'yet', 'as', 'if', 'when', 'while', 'after', 'before', 'since', 'until', 'during', 'though', 'although',
  'because', 'however', 'meanwhile', 'later', 'earlier', 'then', 'there', 'here', 'this', 'that', 'these',
  'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your',
  'asked', 'according', 'speaking', 'both', 'all', 'some', 'many', 'most', 'several', 'few', 'one', 'two',
  'three', 'last', 'next', 'also', 'still', 'even', 'only', 'not', 'no', 'yes', 'what', 'which', 'who',
  'where', 'why', 'how', 'instead', 'now', 'today', 'yesterday', 'tomorrow', 'once', 'every', 'each',
  'another', 'other', 'such', 'nothing', 'everything', 'something', 'everyone', 'let', 'please', 'thanks',
  'oh', 'well', 'asked', 'writing', 'neither', 'either', 'just', 'do', 'does', 'did', 'is', 'was', 'are',
  'were', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'has', 'have', 'had', 'first',
  'finally', 'afterwards', 'like', 'unlike', 'despite', 'without', 'within', 'among', 'under', 'over',
  'outside', 'inside', 'nobody', 'none', 'indeed', 'perhaps', 'whatever', 'whether', 'thus', 'hence',
  'otherwise', 'again', 'above', 'below', 'any', 'anyone', 'someone', 'somebody', 'everybody', 'more', 'less',
  'much', 'few', 'fewer', 'whoever', 'whenever', 'wherever', 'once', 'soon', 'already', 'almost', 'only',
  'never', 'always', 'often', 'sometimes', 'later', 'along', 'across', 'around', 'behind', 'beyond', 'near',
  'through', 'throughout', 'toward', 'towards', 'upon', 'via', 'amid', 'against', 'about', 'between', 'ahead',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** People other than the one named: "his deputy", "her daughter". */
const PERSON_NOUNS = new Set([
  'deputy', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'assistant', 'wife', 'husband', 'son',
  'daughter', 'brother', 'sister', 'mother', 'father', 'colleague', 'lawyer', 'partner', 'friend', 'secretary',
  'adviser', 'advisor', 'successor', 'predecessor', 'rival', 'opponent', 'boss', 'niece', 'nephew', 'cousin',
  'neighbour', 'neighbor', 'apprentice', 'student', 'teacher', 'guard', 'driver', 'bodyguard',
]);

// ---------------------------------------------------------------------------------------------
// Speakers and short forms

function fold(word: string): string {
  return foldDiacritics(word).toLowerCase();
}

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

function isLatin(name: string): boolean {
  return !/[^\p{Script=Latin}\p{M}\s'’.\-]/u.test(name);
}

/** A person or organisation entity as a speaker; other kinds cannot be quoted. */
export function toSpeaker(
  entity: NamedEntity,
  options: { short?: string | readonly string[]; familyNameFirst?: boolean } = {},
): Speaker | undefined {
  if (entity.kind !== 'people' && entity.kind !== 'organisations') return undefined;
  const short = options.short === undefined ? [] : typeof options.short === 'string' ? [options.short] : [...options.short];
  return {
    kind: entity.kind,
    slug: entity.slug,
    name: entity.name,
    names: [...new Set([entity.name, ...entity.names])],
    ...(short.length > 0 ? { short } : {}),
    ...(options.familyNameFirst === undefined ? {} : { familyNameFirst: options.familyNameFirst }),
  };
}

/** Whether a name looks Vietnamese: a Latin name of two or more words led by a common family name. */
export function isVietnameseName(name: string): boolean {
  const parts = words(name);
  return parts.length >= 2 && isLatin(name) && VIETNAMESE_SURNAMES.has(fold(parts[0]!));
}

/** The short forms a speaker is recognised by, besides its full names (see the module comment). */
export function shortForms(speaker: Speaker): string[] {
  const forms = new Set((speaker.short ?? []).map((s) => s.trim()).filter(Boolean));
  if (speaker.kind !== 'people') return [...forms];
  const all = [speaker.name, ...speaker.names];
  const familyFirst = speaker.familyNameFirst ?? all.some((n) => KHMER_SCRIPT.test(n));
  if (familyFirst) return [...forms];
  const vietnamese = all.filter(isVietnameseName);
  for (const name of vietnamese) forms.add(words(name).at(-1)!);
  if (vietnamese.length === 0) {
    const parts = words(speaker.name);
    if (parts.length === 2 && isLatin(speaker.name) && parts[1]!.replace(/[^\p{L}]/gu, '').length >= 2) forms.add(parts[1]!);
  }
  return [...forms];
}

type Target = { speaker: Speaker; via: 'name' | 'short' } | 'other' | 'ambiguous';

interface Lexicon {
  lookup(key: string): Target | undefined;
  maxWords: number;
  /** The first word of every name in it: a word that is none of these starts no name. */
  firstWords: ReadonlySet<string>;
}

function lexiconKey(name: string): string {
  return nameKey(name).replace(/^the /, '');
}

function buildLexicon(speakers: readonly Speaker[], others: readonly string[]): Lexicon {
  const entries = new Map<string, Map<string, Target>>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  const add = (name: string, id: string, target: Target) => {
    const key = lexiconKey(name);
    if (key === '') return;
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    firstWords.add(words[0]!);
    const byId = entries.get(key) ?? new Map<string, Target>();
    const existing = byId.get(id);
    // A speaker's full name wins over the same speaker's short form.
    if (!existing || (typeof existing === 'object' && typeof target === 'object' && target.via === 'name')) byId.set(id, target);
    entries.set(key, byId);
  };
  for (const speaker of speakers) {
    const id = `${speaker.kind}/${speaker.slug}`;
    for (const name of [speaker.name, ...speaker.names]) add(name, id, { speaker, via: 'name' });
    for (const short of shortForms(speaker)) add(short, id, { speaker, via: 'short' });
  }
  for (const other of others) add(other, `other/${lexiconKey(other)}`, 'other');
  return {
    lookup(key) {
      const byId = entries.get(key);
      if (!byId) return undefined;
      const targets = [...byId.values()];
      if (targets.length === 1) return targets[0];
      // Two speakers, or a speaker and a place, answer to these words.
      return 'ambiguous';
    },
    maxWords,
    firstWords,
  };
}

// ---------------------------------------------------------------------------------------------
// Blocks of the body

interface Token {
  type: 'word' | 'punct' | 'quote';
  text: string;
  /** Folded lowercase, for the word lists. */
  low: string;
  key: string;
  /** The key without a possessive 's. */
  bare: string;
  cap: boolean;
  possessive: boolean;
  /** For quote tokens: the unit, and whether its words end a sentence. */
  unit?: number;
  endsSentence?: boolean;
}

interface Mention {
  start: number;
  /** Exclusive. */
  end: number;
  target: Target | 'unknown';
  possessive: boolean;
}

interface Span {
  block: number;
  /** Index of the opening mark (or of the paragraph start for a continuation without one). */
  open: number;
  /** Index after the closing mark, or the paragraph end. */
  close: number;
  start: number;
  end: number;
  closed: boolean;
}

interface ProseBlock {
  type: 'prose';
  text: string;
  inert: boolean[];
  line: number | undefined;
  tokens: Token[];
  boundaryAfter: boolean[];
  sentenceStart: boolean[];
  mentions: Mention[];
  mentionEnd: Map<number, Mention>;
  mentionStart: Map<number, Mention>;
  spans: { span: Span; unit: number }[];
}

interface QuoteBlock {
  type: 'blockquote';
  node: Blockquote;
}

interface Barrier {
  type: 'barrier';
}

type Block = ProseBlock | QuoteBlock | Barrier;

interface Unit {
  spans: Span[];
  text: string;
  paragraphs: number;
  line: number | undefined;
  accepted: boolean;
  blockquote?: { block: number; dash?: string };
}

function collectBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  const walk = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') blocks.push(proseBlock(node));
      else if (node.type === 'blockquote') blocks.push({ type: 'blockquote', node });
      else if (node.type === 'list' || node.type === 'listItem') walk(node.children);
      else if (node.type === 'definition') continue;
      else blocks.push({ type: 'barrier' });
    }
  };
  walk(tree.children);
  return blocks;
}

/** A paragraph's text, with the characters (code, links) whose quote marks do not count. */
function flatten(node: Paragraph): { text: string; inert: boolean[] } {
  let text = '';
  const inert: boolean[] = [];
  const add = (value: string, isInert: boolean) => {
    text += value;
    for (let i = 0; i < value.length; i++) inert.push(isInert);
  };
  const walk = (children: readonly PhrasingContent[], isInert: boolean) => {
    for (const child of children) {
      switch (child.type) {
        case 'text':
          add(child.value, isInert);
          break;
        case 'inlineCode':
          add(child.value, true);
          break;
        case 'break':
          add('\n', isInert);
          break;
        case 'html':
          add(' ', true);
          break;
        case 'link':
        case 'linkReference':
          walk(child.children, true);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          walk(child.children, isInert);
          break;
        default:
          break;
      }
    }
  };
  walk(node.children, false);
  return { text, inert };
}

function proseBlock(node: Paragraph): ProseBlock {
  const { text, inert } = flatten(node);
  return {
    type: 'prose', text, inert, line: node.position?.start.line, tokens: [], boundaryAfter: [], sentenceStart: [],
    mentions: [], mentionEnd: new Map(), mentionStart: new Map(), spans: [],
  };
}

function lineAt(block: ProseBlock, offset: number): number | undefined {
  if (block.line === undefined) return undefined;
  return block.line + (block.text.slice(0, offset).match(/\n/g)?.length ?? 0);
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:]/u;

/** Finds quoted spans in the prose blocks, in order, and groups continued ones into units. */
function findUnits(blocks: Block[]): Unit[] {
  const groups: Span[][] = [];
  let carried: { mark: 'typo' | 'straight'; group: Span[] } | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.type !== 'prose') {
      carried = undefined;
      continue;
    }
    const { text, inert } = block;
    let i = 0;
    let inside: { mark: 'typo' | 'straight'; depth: number; open: number; group: Span[] } | undefined;
    if (carried) {
      const first = text.search(/\S/);
      const c = first === -1 ? '' : text[first]!;
      if (first !== -1 && !inert[first] && (c === '“' || c === '"')) {
        inside = { mark: c === '“' ? 'typo' : 'straight', depth: 1, open: first, group: carried.group };
        i = first + 1;
      }
      carried = undefined;
    }
    for (; i < text.length; i++) {
      if (inert[i]) continue;
      const c = text[i]!;
      if (!inside) {
        if (c === '“') inside = { mark: 'typo', depth: 1, open: i, group: [] };
        else if (c === '"' && (i === 0 || OPENING_CONTEXT.test(text[i - 1]!)) && i + 1 < text.length && /\S/.test(text[i + 1]!)) {
          inside = { mark: 'straight', depth: 1, open: i, group: [] };
        }
        continue;
      }
      let closes = false;
      if (inside.mark === 'typo') {
        if (c === '“') inside.depth++;
        else if (c === '”') closes = --inside.depth === 0;
      } else if (c === '"') {
        closes = true;
      }
      if (closes) {
        inside.group.push({ block: b, open: inside.open, close: i + 1, start: inside.open + 1, end: i, closed: true });
        if (inside.group.length === 1) groups.push(inside.group);
        inside = undefined;
      }
    }
    if (inside) {
      inside.group.push({ block: b, open: inside.open, close: text.length, start: inside.open + 1, end: text.length, closed: false });
      if (inside.group.length === 1) groups.push(inside.group);
      carried = { mark: inside.mark, group: inside.group };
    }
  }
  return groups.map((spans) => makeUnit(blocks, spans));
}

function spanText(blocks: Block[], span: Span): string {
  return (blocks[span.block] as ProseBlock).text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

function makeUnit(blocks: Block[], spans: Span[]): Unit {
  const parts: string[] = [];
  for (let k = 0; k < spans.length; k++) {
    const text = spanText(blocks, spans[k]!);
    if (k > 0 && spans[k - 1]!.block === spans[k]!.block) parts[parts.length - 1] += ` ${text}`;
    else parts.push(text);
  }
  const first = spans[0]!;
  return {
    spans,
    // The comma of “…,” she said belongs to the sentence around the quotation.
    text: parts.join('\n\n').replace(/,$/, ''),
    paragraphs: parts.length,
    line: lineAt(blocks[first.block] as ProseBlock, first.open),
    accepted: false,
  };
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** A title rather than a quotation: Title Case throughout, or introduced as one. */
function looksLikeTitle(text: string, before: string): boolean {
  if (/\b(?:titled|entitled|headlined|headline)\s*[,:]?\s*$/i.test(before)) return true;
  if (/[.!?,;:]\s*$/.test(text)) return false;
  const all = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const long = all.filter((w) => w.length >= 4);
  return long.length >= 2 && /^\p{Lu}/u.test(all[0] ?? '') && long.every((w) => /^\p{Lu}/u.test(w));
}

/** Joins “first part,” X said, “second part” into one unit. */
function mergeInterrupted(blocks: Block[], units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const previous = out.at(-1);
    if (previous) {
      const a = previous.spans.at(-1)!;
      const b = unit.spans[0]!;
      if (a.closed && a.block === b.block) {
        const text = (blocks[a.block] as ProseBlock).text;
        const gap = text.slice(a.close, b.open);
        const inner = text.slice(a.start, a.end).trim();
        const next = text.slice(b.start, b.end).trim();
        if (
          /,$/.test(inner) && /,\s*$/.test(gap) && !/[.!?;:]/.test(gap) && wordCount(gap) <= 12 && /^\p{Ll}/u.test(next)
        ) {
          out[out.length - 1] = makeUnit(blocks, [...previous.spans, ...unit.spans]);
          continue;
        }
      }
    }
    out.push(unit);
  }
  return out;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*['’]?|[^\s\p{L}\p{M}\p{N}“”"]/gu;

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

function tokenise(block: ProseBlock): void {
  const spans = block.spans.slice().sort((x, y) => x.span.open - y.span.open);
  const tokens: Token[] = [];
  let at = 0;
  const words = (from: number, to: number) => {
    for (const match of block.text.slice(from, to).matchAll(WORD)) tokens.push(makeToken(match[0]));
  };
  for (const { span, unit } of spans) {
    words(at, span.open);
    const inner = block.text.slice(span.start, span.end).trim();
    tokens.push({
      type: 'quote', text: inner, low: '', key: '', bare: '', cap: false, possessive: false, unit,
      endsSentence: span.closed && /[.!?…]$/.test(inner),
    });
    at = span.close;
  }
  words(at, block.text.length);
  block.tokens = tokens;
  const boundaryAfter = tokens.map((t, i) => {
    const next = tokens[i + 1];
    const startsNext = !next || next.type === 'quote' || (next.type === 'word' && (next.cap || !/\p{Ll}/u.test(next.text[0]!)));
    if (!startsNext) return false;
    if (t.type === 'quote') return t.endsSentence === true;
    if (t.type !== 'punct' || !/^[.!?…]$/.test(t.text)) return false;
    const before = tokens[i - 1];
    if (t.text === '.' && before?.type === 'word' && (ABBREVIATIONS.has(before.low) || (before.text.length === 1 && before.cap))) return false;
    return true;
  });
  block.boundaryAfter = boundaryAfter;
  block.sentenceStart = tokens.map((_, i) => i === 0 || boundaryAfter[i - 1] === true);
}

function isSpeechVerb(token: Token | undefined): boolean {
  return token?.type === 'word' && !token.cap && SPEECH_VERBS.has(token.low);
}

function findMentions(block: ProseBlock, lexicon: Lexicon): void {
  const { tokens } = block;
  const mentions: Mention[] = [];
  const cased = (t: Token) => t.text !== t.text.toLowerCase() || t.text !== t.text.toUpperCase();
  for (let i = 0; i < tokens.length; ) {
    const first = tokens[i]!;
    if (first.type !== 'word' || (cased(first) && !first.cap)) {
      i++;
      continue;
    }
    let found: Mention | undefined;
    const starts = lexicon.firstWords.has(first.key) || lexicon.firstWords.has(first.bare);
    for (let n = starts ? Math.min(lexicon.maxWords, tokens.length - i) : 0; n >= 1 && !found; n--) {
      const slice = tokens.slice(i, i + n);
      if (slice.some((t) => t.type !== 'word')) continue;
      const inner = slice.slice(0, -1).map((t) => t.key);
      const last = slice.at(-1)!;
      for (const [key, possessive] of [[last.key, false], [last.bare, last.possessive]] as const) {
        const target = lexicon.lookup([...inner, key].join(' '));
        if (target) {
          found = { start: i, end: i + n, target, possessive };
          break;
        }
      }
    }
    if (found) {
      mentions.push(found);
      i = found.end;
      continue;
    }
    if (first.cap && !NOT_NAMES.has(first.low)) {
      let j = i;
      while (j < tokens.length && tokens[j]!.type === 'word' && tokens[j]!.cap && !NOT_NAMES.has(tokens[j]!.low)) j++;
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

// ---------------------------------------------------------------------------------------------
// Frames: the words around a quotation that say who speaks

interface VerbGroup {
  start: number;
  end: number;
  according: boolean;
  telling: boolean;
}

function verbGroupAt(tokens: readonly Token[], i: number): VerbGroup | undefined {
  const t = tokens[i];
  if (t?.type !== 'word') return undefined;
  const low = (k: number) => tokens[k]?.low;
  if (t.low === 'according' && low(i + 1) === 'to') return { start: i, end: i + 2, according: true, telling: false };
  if (['was', 'is', 'were', 'are'].includes(t.low) && low(i + 1) === 'quoted') {
    if (low(i + 2) === 'as' && low(i + 3) === 'saying') return { start: i, end: i + 4, according: false, telling: false };
    if (low(i + 2) === 'saying') return { start: i, end: i + 3, according: false, telling: false };
  }
  if (t.low === 'has' && low(i + 1) === 'been' && low(i + 2) === 'quoted' && low(i + 3) === 'as' && low(i + 4) === 'saying') {
    return { start: i, end: i + 5, according: false, telling: false };
  }
  if (t.low === 'went' && low(i + 1) === 'on' && low(i + 2) === 'to' && low(i + 3) === 'say') {
    return { start: i, end: i + 4, according: false, telling: false };
  }
  if (isSpeechVerb(t)) return { start: i, end: i + 1, according: false, telling: t.low === 'told' || t.low === 'tells' };
  return undefined;
}

function verbGroups(tokens: readonly Token[], from: number, to: number): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let i = from; i < to; i++) {
    const group = verbGroupAt(tokens, i);
    if (group && group.end <= to) {
      groups.push(group);
      i = group.end - 1;
    }
  }
  return groups;
}

type Subject =
  | { type: 'mention'; mention: Mention; start: number; end: number }
  | { type: 'pronoun'; index: number; start: number; end: number }
  | { type: 'document'; author?: Mention; start: number; end: number }
  | { type: 'generic' }
  | { type: 'none' };

const NONE: Subject = { type: 'none' };
const GENERIC: Subject = { type: 'generic' };

function isWord(token: Token | undefined, ...lows: string[]): boolean {
  return token?.type === 'word' && (lows.length === 0 || lows.includes(token.low));
}

function isDocNoun(token: Token | undefined): boolean {
  return token?.type === 'word' && !token.cap && DOC_NOUNS.has(token.low);
}

/** A document phrase ending at `j` (the document noun), read leftwards: "a HPG press release". */
function documentLeft(block: ProseBlock, from: number, j: number): Subject {
  const { tokens } = block;
  let k = j - 1;
  for (let adjectives = 0; k >= from && adjectives < 3; k--, adjectives++) {
    const t = tokens[k]!;
    if (t.type !== 'word' || t.cap || DETERMINERS.has(t.low) || PREP_CONJ.has(t.low) || block.mentionEnd.has(k)) break;
    if (t.low === 'joint') return GENERIC;
  }
  if (k >= from) {
    const m = block.mentionEnd.get(k);
    if (m && m.start >= from) return { type: 'document', author: m, start: m.start, end: j + 1 };
    const t = tokens[k]!;
    if (isWord(t, 'his', 'her', 'their', 'my', 'our', 'your')) return GENERIC;
    if (isWord(t, 'joint')) return GENERIC;
    return { type: 'document', start: k, end: j + 1 };
  }
  return { type: 'document', start: j, end: j + 1 };
}

/** The subject phrase whose last token is `j`. */
function subjectEndingAt(block: ProseBlock, from: number, j: number): Subject {
  const { tokens } = block;
  const t = tokens[j];
  if (!t || j < from) return NONE;
  const m = block.mentionEnd.get(j);
  if (m && m.start >= from) {
    if (m.possessive) return GENERIC;
    let p = m.start - 1;
    while (p >= from && isWord(tokens[p]) && (TITLES.has(tokens[p]!.low) || tokens[p]!.low === 'the')) p--;
    if (p >= from) {
      const q = tokens[p]!;
      if (q.type === 'word' && PREP_CONJ.has(q.low) && !q.cap) {
        if (['from', 'by', 'of'].includes(q.low)) {
          let r = p - 1;
          while (r >= from && isWord(tokens[r], 'issued', 'released', 'published', 'signed', 'sent', 'posted')) r--;
          if (r >= from && isDocNoun(tokens[r])) {
            const doc = documentLeft(block, from, r);
            if (doc.type === 'document' && !doc.author) return { type: 'document', author: m, start: doc.start, end: m.end };
          }
        }
        return GENERIC;
      }
      if (q.type === 'word' && POSSESSIVE_PRONOUNS.has(q.low)) return GENERIC;
      if (block.mentionEnd.get(p)?.possessive) return GENERIC;
    }
    return { type: 'mention', mention: m, start: m.start, end: m.end };
  }
  if (isWord(t, 'he', 'she')) return { type: 'pronoun', index: j, start: j, end: j + 1 };
  if (isDocNoun(t)) return documentLeft(block, from, j);
  if (t.type === 'quote') return NONE;
  return GENERIC;
}

/** The subject of the verb group starting at `v`, read leftwards (skipping adverbs and an appositive). */
function subjectBefore(block: ProseBlock, from: number, v: number): Subject {
  const { tokens } = block;
  let j = v - 1;
  while (j >= from && tokens[j]!.type === 'word' && !tokens[j]!.cap && (AUX_ADV.has(tokens[j]!.low) || /ly$/.test(tokens[j]!.low))) j--;
  if (j < from) return NONE;
  const t = tokens[j]!;
  if (t.type === 'quote') return NONE;
  if (t.type === 'punct') {
    if (!/^[,\u2014\u2013]$/.test(t.text)) return NONE;
    // "X, the harbour pilot, said": an appositive opening with a lowercase word or a number.
    for (let k = j - 1; k >= Math.max(from, j - 16); k--) {
      const u = tokens[k]!;
      if (u.type === 'quote') break;
      if (u.type === 'punct' && u.text === t.text) {
        const opening = tokens[k + 1]!;
        const inside = tokens.slice(k + 1, j);
        if (
          k + 1 < j && opening.type === 'word' && (!opening.cap || /^\d/.test(opening.text)) &&
          !inside.some((x) => x.type === 'quote' || (x.type === 'punct' && /^[.!?;:]$/.test(x.text)))
        ) {
          return subjectEndingAt(block, from, k - 1);
        }
        break;
      }
      if (u.type === 'punct' && /^[.!?;:]$/.test(u.text)) break;
    }
    return NONE;
  }
  return subjectEndingAt(block, from, j);
}

/** The subject after a verb at the start of a clause: "said Vendrell", "according to the statement". */
function subjectAfter(block: ProseBlock, e: number, to: number): Subject {
  const { tokens } = block;
  let k = e;
  let skipped = 0;
  while (
    k < to && tokens[k]!.type === 'word' && !tokens[k]!.cap && !PREP_CONJ.has(tokens[k]!.low) &&
    !POSSESSIVE_PRONOUNS.has(tokens[k]!.low) && !DOC_NOUNS.has(tokens[k]!.low) && !isWord(tokens[k], 'he', 'she') &&
    !block.mentionStart.has(k) && skipped < 4
  ) {
    k++;
    skipped++;
  }
  if (k >= to) return NONE;
  const t = tokens[k]!;
  const endsHere = (n: number) => {
    const next = tokens[n];
    return n >= to || !next || next.type !== 'word' || AFTER_NAME.has(next.low);
  };
  /** Skips up to two lowercase adjectives and returns the index of a document noun, if one follows. */
  const docAfter = (n: number) => {
    for (let a = 0; a < 3 && n < to; a++, n++) {
      if (isDocNoun(tokens[n])) return n;
      if (tokens[n]!.type !== 'word' || tokens[n]!.cap) return -1;
    }
    return -1;
  };
  if (isWord(t, 'he', 'she') && skipped === 0) return endsHere(k + 1) ? { type: 'pronoun', index: k, start: k, end: k + 1 } : GENERIC;
  const m = block.mentionStart.get(k);
  if (m) {
    const doc = docAfter(m.end);
    if (doc !== -1) return { type: 'document', author: m, start: k, end: doc + 1 };
    if (m.possessive) return GENERIC;
    return endsHere(m.end) ? { type: 'mention', mention: m, start: m.start, end: m.end } : GENERIC;
  }
  if (isDocNoun(t)) {
    let n = k + 1;
    while (isWord(tokens[n], 'issued', 'released', 'published', 'signed', 'sent')) n++;
    if (isWord(tokens[n], 'from', 'by', 'of')) {
      n++;
      if (isWord(tokens[n], 'the')) n++;
      const author = block.mentionStart.get(n);
      if (author && !author.possessive) return { type: 'document', author, start: k, end: author.end };
      return GENERIC;
    }
    return { type: 'document', start: k, end: k + 1 };
  }
  return GENERIC;
}

/** "Vendrell read from the guild's letter", "…, quoting the minutes": a person giving others' words. */
function readsOthersWords(block: ProseBlock, subject: Subject, group: VerbGroup, to: number): boolean {
  const { tokens } = block;
  if (subject.type === 'document') return false;
  if (isWord(tokens[group.start], 'read', 'reads')) return true;
  for (let k = sentenceStartBefore(block, group.start); k < to; k++) {
    if (k >= group.start && k < group.end) continue;
    if (isWord(tokens[k], 'quoting', 'citing', 'quoted', 'reading')) return true;
  }
  return false;
}

function atClauseStart(block: ProseBlock, from: number, v: number): boolean {
  if (v === from) return true;
  const before = block.tokens[v - 1]!;
  return before.type === 'quote' || (before.type === 'punct' && /^[,\u2014\u2013:(]$/.test(before.text));
}

interface Frame {
  block: number;
  /** The block the quotation opens in. */
  opening: number;
  subject: Exclude<Subject, { type: 'generic' } | { type: 'none' }>;
}

type FrameResult = Frame | 'blocked' | undefined;

function analyse(block: ProseBlock, from: number, to: number, group: VerbGroup): Subject {
  if (group.according) return subjectAfter(block, group.end, to);
  const before = subjectBefore(block, from, group.start);
  if (before.type === 'none' && atClauseStart(block, from, group.start)) return subjectAfter(block, group.end, to);
  return before;
}

/** The frame before a quotation: the nearest speech verb in the sentence, with a clean run of words to the quote. */
function frameBefore(blocks: Block[], b: number, from: number, q: number): FrameResult {
  const block = blocks[b] as ProseBlock;
  const { tokens } = block;
  const groups = verbGroups(tokens, from, q);
  const group = groups.at(-1);
  if (!group) return undefined;
  const subject = analyse(block, from, q, group);
  if (subject.type === 'none' || subject.type === 'generic') return 'blocked';
  // "Vendrell said (that) Quillfeather had promised “…”": words reported by someone else.
  const outer = groups.at(-2);
  if (outer && !outer.according && subject.start >= outer.end) {
    const between = tokens.slice(outer.end, subject.start).filter((t) => !isWord(t, 'that'));
    if (between.length === 0 || between.every((t) => t.type === 'word' && !t.cap && !PREP_CONJ.has(t.low) && !DOC_NOUNS.has(t.low))) return 'blocked';
  }
  const tailStart = Math.max(group.end, subject.end);
  let wordsInTail = 0;
  for (let k = tailStart; k < q; k++) {
    const t = tokens[k]!;
    if (t.type === 'word') wordsInTail++;
    const m = block.mentionStart.get(k);
    if (m) {
      // The person told ("told The Post", "in a statement to Reuters") is not a rival speaker.
      let p = k - 1;
      if (isWord(tokens[p], 'the')) p--;
      const recipient = isWord(tokens[p], 'to', 'told', 'tells') || (p < tailStart && group.telling);
      if (!recipient) return 'blocked';
      k = m.end - 1;
      continue;
    }
    if (t.type === 'word' && TAIL_PRONOUNS.has(t.low)) return 'blocked';
    if (verbGroupAt(tokens, k)) return 'blocked';
  }
  if (wordsInTail > 14) return 'blocked';
  if (readsOthersWords(block, subject, group, q)) return 'blocked';
  return { block: b, opening: b, subject };
}

/** The frame after a quotation: the first speech verb, attached right after the quote. */
function frameAfter(blocks: Block[], b: number, q: number, to: number, newSentence: boolean, opening: number): FrameResult {
  const block = blocks[b] as ProseBlock;
  const { tokens } = block;
  const from = q + 1;
  const give = newSentence ? undefined : 'blocked';
  const group = verbGroups(tokens, from, to)[0];
  if (!group) return undefined;
  const subject = analyse(block, from, to, group);
  if (subject.type === 'none' || subject.type === 'generic') return give;
  const inverted = subject.start >= group.end;
  const head = inverted ? group.start : subject.start;
  let descriptors = 0;
  for (let k = from; k < head; k++) {
    const t = tokens[k]!;
    if (t.type === 'punct' && /^[,\u2014\u2013-]$/.test(t.text)) continue;
    // "“…,” harbour pilot Mara Quillfeather said": a few descriptive words may come first.
    const descriptive =
      t.type === 'word' &&
      (TITLES.has(t.low) || (!t.cap && !PREP_CONJ.has(t.low) && !OTHER_SUBJECT_PRONOUNS.has(t.low) && !isWord(t, 'he', 'she', 'is', 'was', 'are', 'were')));
    if (descriptive && descriptors < 4) {
      descriptors++;
      continue;
    }
    return give;
  }
  let after = Math.max(group.end, subject.end);
  if (isWord(tokens[after], 'that')) after++;
  const next = block.mentionStart.get(after)?.end ?? (isWord(tokens[after], 'he', 'she', 'they', 'it', 'we', 'i') ? after + 1 : -1);
  if (next !== -1 && verbGroupAt(tokens, next)) return 'blocked';
  if (newSentence) {
    // A new sentence after the quote is its frame only when it says nothing else: "Vendrell said."
    let k = after;
    if (group.telling && !inverted) {
      while (k < to && tokens[k]!.type === 'word' && k < after + 3 && !AFTER_NAME.has(tokens[k]!.low)) k++;
    }
    const rest = tokens.slice(k, to).filter((t) => t.type !== 'punct');
    if (rest.length > 0 && (!AFTER_NAME.has(rest[0]!.low) || rest.length > 6)) return undefined;
    if (tokens.slice(k, to).some((_, n) => block.mentionStart.has(k + n))) return undefined;
  }
  if (readsOthersWords(block, subject, group, to)) return 'blocked';
  return { block: b, opening, subject };
}

// ---------------------------------------------------------------------------------------------
// Resolving frames to speakers

interface Resolved {
  speaker: Speaker;
  via: Exclude<Attribution, 'editor'>;
}

type Resolution = Resolved | 'blocked';

function sameSpeaker(a: Speaker, b: Speaker): boolean {
  return a.kind === b.kind && a.slug === b.slug;
}

function resolveMention(mention: Mention): Resolution {
  const { target } = mention;
  if (typeof target !== 'object') return 'blocked';
  return { speaker: target.speaker, via: target.via };
}

/**
 * The one person a pronoun at (b, p) can stand for: named outside quotations before it in its
 * paragraph, or in the paragraph before. A quotation over several paragraphs counts as one, so the
 * window of "he said" after it starts at the paragraph before the one the quotation opens in.
 */
function resolvePronoun(blocks: Block[], b: number, p: number, opening: number): Resolution {
  const persons = new Map<string, Speaker>();
  const scan = (block: ProseBlock, to: number): boolean => {
    for (const m of block.mentions) {
      if (m.end > to) break;
      if (typeof m.target !== 'object') {
        if (m.target === 'other') continue;
        return false;
      }
      if (m.target.speaker.kind !== 'people') continue;
      if (m.possessive) return false;
      persons.set(m.target.speaker.slug, m.target.speaker);
    }
    const { tokens } = block;
    for (let k = 0; k < to; k++) {
      const t = tokens[k]!;
      if (t.type === 'word' && POSSESSIVE_PRONOUNS.has(t.low) && isWord(tokens[k + 1]) && PERSON_NOUNS.has(tokens[k + 1]!.low)) return false;
    }
    // Someone else speaks in the window: "a spokesman said", "they said".
    for (const group of verbGroups(tokens, 0, to)) {
      if (!group.according && analyse(block, sentenceStartBefore(block, group.start), to, group).type === 'generic') return false;
    }
    return true;
  };
  for (let k = Math.min(opening, b) - 1; k < b; k++) {
    const block = blocks[k];
    if (block?.type === 'prose' && !scan(block, block.tokens.length)) return 'blocked';
  }
  const current = blocks[b] as ProseBlock;
  if (!scan(current, p)) return 'blocked';
  if (persons.size !== 1) return 'blocked';
  const speaker = [...persons.values()][0]!;
  // "“…,” he told Vendrell": whoever the pronoun is, it is not the person told.
  for (let k = p + 1; k < current.tokens.length && current.tokens[k]!.type !== 'quote'; k++) {
    const target = current.mentionStart.get(k)?.target;
    if (typeof target === 'object' && sameSpeaker(target.speaker, speaker)) return 'blocked';
    if (current.boundaryAfter[k]) break;
  }
  return { speaker, via: 'pronoun' };
}

interface Range {
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

function sentenceStartBefore(block: ProseBlock, k: number): number {
  while (k > 0 && !block.sentenceStart[k]) k--;
  return Math.max(k, 0);
}

/** The sentence before the one starting at (b, from): in the same paragraph, or the last of the previous one. */
function previousSentence(blocks: Block[], b: number, from: number): Range | undefined {
  const block = blocks[b] as ProseBlock;
  if (from > 0) return { block: b, from: sentenceStartBefore(block, from - 1), to: from };
  const previous = blocks[b - 1];
  if (previous?.type !== 'prose' || previous.tokens.length === 0) return undefined;
  const end = previous.tokens.length;
  return { block: b - 1, from: sentenceStartBefore(previous, end - 1), to: end };
}

function resolveFrame(blocks: Block[], frame: Frame, sentence: Range[]): Resolution {
  const { subject } = frame;
  switch (subject.type) {
    case 'mention':
      return resolveMention(subject.mention);
    case 'pronoun':
      return resolvePronoun(blocks, frame.block, subject.index, frame.opening);
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

function combine(resolutions: Resolution[]): Resolved | undefined {
  let result: Resolved | undefined;
  for (const r of resolutions) {
    if (r === 'blocked') return undefined;
    if (!result) result = r;
    else if (!sameSpeaker(result.speaker, r.speaker)) return undefined;
    else if (VIA_RANK[r.via] < VIA_RANK[result.via]) result = r;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Block quotes

function blockquoteParagraphs(node: Blockquote): Paragraph[] {
  const out: Paragraph[] = [];
  const walk = (nodes: readonly Nodes[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') out.push(n);
      else if (n.type === 'blockquote' || n.type === 'list' || n.type === 'listItem') walk(n.children);
    }
  };
  walk(node.children);
  return out;
}

function blockquoteUnit(block: QuoteBlock, b: number): Unit {
  const paragraphs = blockquoteParagraphs(block.node).map((p) => flatten(p).text.replace(/\s+/g, ' ').trim()).filter(Boolean);
  let dash: string | undefined;
  const last = paragraphs.at(-1);
  const signature = last === undefined ? null : /^(?:\u2014|\u2013|--?)\s*(.+)$/u.exec(last);
  if (signature && paragraphs.length > 1) {
    dash = signature[1]!;
    paragraphs.pop();
  }
  // Enclosing quote marks around the block (or around each paragraph) are not part of the words.
  const text = paragraphs
    .map((p) => p.replace(/^[“"]\s*/u, '').replace(/\s*[”"]$/u, ''))
    .join('\n\n');
  return {
    spans: [],
    text,
    paragraphs: paragraphs.length,
    line: block.node.position?.start.line,
    accepted: false,
    blockquote: { block: b, ...(dash === undefined ? {} : { dash }) },
  };
}

function resolveSignature(dash: string, lexicon: Lexicon): Resolution | undefined {
  const block = proseBlock({ type: 'paragraph', children: [{ type: 'text', value: dash }] });
  tokenise(block);
  findMentions(block, lexicon);
  const first = block.mentions[0];
  if (!first || first.start !== 0) return block.mentions.length > 0 ? 'blocked' : undefined;
  const next = block.tokens[first.end];
  if (next && !(next.type === 'punct' && /^[,(]$/.test(next.text))) return 'blocked';
  return resolveMention(first);
}

// ---------------------------------------------------------------------------------------------
// The entry points

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
  units = units.filter((u) => u.accepted);
  units.forEach((unit, id) => {
    for (const span of unit.spans) (blocks[span.block] as ProseBlock).spans.push({ span, unit: id });
  });
  for (const block of blocks) {
    if (block.type !== 'prose') continue;
    tokenise(block);
    findMentions(block, lexicon);
  }

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
    const sentence: Range[] = [{ block: first.block, from: pre.from, to: q0 }, { block: last.block, from: qn + 1, to: postTo }];
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
    let count = 0;
    for (const frame of frames) {
      if (frame === undefined) continue;
      count++;
      resolutions.push(frame === 'blocked' ? 'blocked' : resolveFrame(blocks, frame, sentence));
    }
    const resolved = combine(resolutions);
    return {
      frames: count,
      ...(resolved ? { resolved } : {}),
      ...(post && post !== 'blocked' && resolved && count === 1 ? { postEnd: { block: last.block, to: postTo } } : {}),
    };
  });

  // A quotation with no frame that follows another's attribution sentence continues that speaker.
  units.forEach((unit, id) => {
    const result = evaluated[id]!;
    if (result.frames > 0 || id === 0) return;
    const first = unit.spans[0]!;
    const block = blocks[first.block] as ProseBlock;
    const q = quoteIndex(block, id, 0);
    const previous = evaluated[id - 1]!;
    if (previous.resolved && previous.postEnd && previous.postEnd.block === first.block && previous.postEnd.to === q && block.boundaryAfter[q - 1]) {
      result.resolved = previous.resolved;
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
      if (frame) resolutions.push(frame === 'blocked' ? 'blocked' : resolveFrame(blocks, frame, [{ block: b - 1, from, to: end }]));
    }
    quotes.push({ quote: toQuote(unit, combine(resolutions), true), order: [b, 0] });
  });

  return quotes.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]).map((x) => x.quote);
}

function toQuote(unit: Unit, resolved: Resolved | undefined, block: boolean): Quote {
  return {
    text: unit.text,
    ...(resolved ? { speaker: { kind: resolved.speaker.kind, slug: resolved.speaker.slug, name: resolved.speaker.name }, via: resolved.via } : {}),
    ...(unit.line === undefined ? {} : { line: unit.line }),
    paragraphs: unit.paragraphs,
    block,
  };
}

/** Quotation text compared for overrides: case, diacritics, quote marks, punctuation and spacing ignored. */
export function normaliseQuoteText(text: string): string {
  return nameKey(text);
}

function findSpeaker(by: string, speakers: readonly Speaker[]): Speaker | undefined {
  const key = nameKey(by);
  const matches = speakers.filter(
    (s) => s.slug === by.trim() || `${s.kind}/${s.slug}` === by.trim() || [s.name, ...s.names].some((n) => nameKey(n) === key),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

function overrideMatches(quote: Quote, key: string): boolean {
  return ` ${normaliseQuoteText(quote.text)} `.includes(` ${key} `);
}

/**
 * Applies editors' `quotes:` entries to extracted quotations. An entry matches every quotation whose
 * text contains (or equals) its text, compared by `normaliseQuoteText`. `by: null` removes the
 * matches (the passage is not a quotation); a `by` naming a tagged speaker (by name, alias or slug)
 * attributes the matches to it, or adds the quotation when nothing matches; a `by` naming no
 * tagged speaker leaves the matches unattributed (`checkOverrides` reports it).
 */
export function applyOverrides(quotes: readonly Quote[], overrides: readonly QuoteOverride[], speakers: readonly Speaker[]): Quote[] {
  let result = quotes.map((q) => ({ ...q }));
  for (const override of overrides) {
    const key = normaliseQuoteText(override.text);
    if (key === '') continue;
    if (override.by === null) {
      result = result.filter((q) => !overrideMatches(q, key));
      continue;
    }
    const speaker = findSpeaker(override.by, speakers);
    const matches = result.filter((q) => overrideMatches(q, key));
    if (matches.length === 0) {
      if (speaker) {
        result.push({
          text: override.text.replace(/\s+/g, ' ').trim().replace(/^[“"]\s*/u, '').replace(/\s*[”"]$/u, ''),
          speaker: { kind: speaker.kind, slug: speaker.slug, name: speaker.name },
          via: 'editor',
          paragraphs: 1,
          block: false,
        });
      }
      continue;
    }
    for (const quote of matches) {
      if (speaker) quote.speaker = { kind: speaker.kind, slug: speaker.slug, name: speaker.name };
      else delete quote.speaker;
      quote.via = 'editor';
    }
  }
  return result;
}

/** What is wrong with an article's `quotes:` entries, as messages for the editor. */
export function checkOverrides(quotes: readonly Quote[], overrides: readonly QuoteOverride[], speakers: readonly Speaker[]): string[] {
  const problems: string[] = [];
  for (const override of overrides) {
    const key = normaliseQuoteText(override.text);
    if (key === '') {
      problems.push('a quotes entry has no text');
      continue;
    }
    if (override.by !== null && !findSpeaker(override.by, speakers)) {
      problems.push(`quotes: "${override.by}" is not one person or organisation the article is tagged with`);
    }
    if (override.by === null && !quotes.some((q) => overrideMatches(q, key))) {
      problems.push(`quotes: "${override.text}" matches no quotation in the body`);
    }
  }
  return problems;
}

/** Reads a frontmatter `quotes:` value: a list of `{ text, by }`; anything else is reported. */
export function readOverrides(value: unknown): { overrides: QuoteOverride[]; problems: string[] } {
  const overrides: QuoteOverride[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { overrides, problems };
  if (!Array.isArray(value)) return { overrides, problems: ['quotes must be a list of { text, by } entries'] };
  value.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`quotes entry ${i + 1} must be a { text, by } entry`);
      return;
    }
    const { text, by } = entry as Record<string, unknown>;
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`quotes entry ${i + 1} needs the quotation's text`);
      return;
    }
    if (!('by' in entry) || (by !== null && typeof by !== 'string')) {
      problems.push(`quotes entry ${i + 1} needs "by": a speaker's name, or null when the passage is not a quotation`);
      return;
    }
    overrides.push({ text, by: by === null ? null : (by as string) });
  });
  return { overrides, problems };
}

export function quoteStats(quotes: readonly Quote[]): QuoteStats {
  const attributed = quotes.filter((q) => q.speaker !== undefined).length;
  return { found: quotes.length, attributed, unattributed: quotes.length - attributed };
}
