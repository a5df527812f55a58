/** Markdown snippets for tests, which never nest past the limit: the tree, or the rendered body. */
import type { Root } from 'mdast';
import { parseMarkdown, renderTree, type RenderedMarkdown } from '../../src/archive/markdown.ts';

export function treeOf(source: string): Root {
  const parsed = parseMarkdown(source);
  if (!parsed.ok) throw new Error(`the snippet nests ${parsed.tooDeep.depth} levels deep`);
  return parsed.tree;
}

export function renderMarkdown(source: string): RenderedMarkdown {
  return renderTree(treeOf(source));
}
