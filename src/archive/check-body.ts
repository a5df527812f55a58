/**
 * What the content check reads in an article's body: the raw HTML the sanitiser will remove
 * (check-html.ts) and the links written (check-links.ts). Taken while the article is processed
 * (article.ts), from the tree it parsed and before it links mentions, so that the check parses
 * each article once.
 */
import type { Root as MdastRoot } from 'mdast';
import { removedHtml } from './check-html.ts';
import { writtenLinks, type WrittenLink } from './check-links.ts';
import type { Finding } from './check-findings.ts';

export interface BodyInspection {
  removed: Finding[];
  /** Checked against the whole archive once every article is known. */
  links: WrittenLink[];
}

/** The inspection of a body, or none when it holds no link, image or HTML; `tree` gives its
 * syntax tree, or none when it cannot be parsed. */
export function inspectBody(body: string, bodyLine: number, file: string, tree: () => MdastRoot | undefined): BodyInspection | undefined {
  if (!/[<\]]|javascript:/i.test(body)) return undefined;
  const parsed = tree();
  if (!parsed) return undefined;
  const lineOffset = bodyLine - 1;
  return { removed: removedHtml(parsed, body, file, lineOffset), links: writtenLinks(parsed, lineOffset) };
}
