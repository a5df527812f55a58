/**
 * Makes every link and image in an HTML fragment absolute against a base URL, for feeds, whose
 * readers show items away from the site where `/people/hun-sen/` would lead nowhere.
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const URL_PROPERTIES = ['href', 'src'] as const;

function rehypeAbsoluteLinks(options: { base: URL }) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      for (const property of URL_PROPERTIES) {
        const value = node.properties[property];
        if (typeof value !== 'string' || value.startsWith('#')) continue;
        // An address no URL parser accepts stays as the editor wrote it; it was already sanitised.
        if (URL.canParse(value, options.base)) node.properties[property] = new URL(value, options.base).href;
      }
    });
  };
}

export function absoluteLinks(html: string, base: URL): string {
  return unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeAbsoluteLinks, { base })
    .use(rehypeStringify)
    .processSync(html)
    .toString();
}
