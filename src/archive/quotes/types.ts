/** The public shapes of quotations and speakers. */

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
/** A tagged speaker's name, alias or slug in `by`; null: the passage is not a quotation. */
export type { QuoteOverride } from '../schema.ts';

export interface QuoteStats {
  found: number;
  attributed: number;
  unattributed: number;
}
