/**
 * Template syntax in imported bodies: Hugo shortcodes (`{{< … >}}`, `{{% … %}}`) and Liquid
 * (`{% … %}`, `{{ … }}`) removed, links whose target was a template reduced to their text, each
 * removal counted by name.
 */
import type { ImportLookups, SourceFormat } from './rules.ts';

export interface StrippedBody {
  body: string;
  /** Template tags removed or replaced, by name (`legacy-img`, `ref`, `image`, `team_link`). */
  removed: Record<string, number>;
}

const PROTECT = '\u0000';

/**
 * Removes what only the source generator could execute: Hugo shortcodes, or Liquid tags and
 * expressions. A Markdown link whose target was a template (`[personas]({{< ref "/topics/…" >}})`,
 * `[18F]({{ "/" | url }})`) keeps its text without the link; an 18F person mention
 * `{{ "melody" | team_link }}` becomes the person's name; `{% raw %}…{% endraw %}` keeps its text;
 * Hugo's escaped form (a shortcode whose delimiters hold a comment, `{{</*` … ) becomes the literal shortcode.
 */
export function stripTemplates(body: string, format: SourceFormat, lookups: ImportLookups = {}): StrippedBody {
  const removed: Record<string, number> = {};
  const count = (name: string | undefined) => {
    const key = (name ?? '').trim() || 'expression';
    removed[key] = (removed[key] ?? 0) + 1;
  };
  const kept: string[] = [];
  const protect = (text: string) => `${PROTECT}${kept.push(text) - 1}${PROTECT}`;
  let text = body;

  if (format === 'hugo') {
    text = text.replace(/\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g, (_, open: string, inner: string, close: string) => protect(`{{${open}${inner}${close}}}`));
    text = text.replace(/\[([^\]\n]*)\]\(\s*\{\{[<%]\s*([\w.-]+)[\s\S]*?[>%]\}\}[^)\s]*(?:\s+"[^"\n]*")?\s*\)/g, (_, label: string, name: string) => {
      count(name);
      return label;
    });
    text = text.replace(/\{\{[<%]\s*\/?\s*([\w./-]+)?[\s\S]*?[>%]\}\}/g, (_, name: string | undefined) => {
      count(name?.replace(/^\//, ''));
      return '';
    });
  } else {
    text = text.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_, inner: string) => {
      count('raw');
      return protect(inner);
    });
    text = text.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, () => {
      count('comment');
      return '';
    });
    text = text.replace(/\{\{-?\s*["']([^"'\n]+)["']\s*\|\s*team_link\s*-?\}\}/g, (_, id: string) => {
      count('team_link');
      return protect(lookups.team?.get(id.trim())?.name ?? id.trim());
    });
    text = text.replace(/\[([^\]\n]*)\]\(\s*\{([{%])[\s\S]*?[}%]\}[^)\s]*(?:\s+"[^"\n]*")?\s*\)/g, (whole: string, label: string, kind: string) => {
      count(kind === '%' ? /\{%-?\s*(\w+)/.exec(whole)?.[1] : liquidExpressionName(whole.slice(whole.indexOf('{{'))));
      return label;
    });
    text = text.replace(/\{%-?\s*(\w+)?[\s\S]*?-?%\}/g, (_, name: string | undefined) => {
      count(name);
      return '';
    });
    text = text.replace(/\{\{[\s\S]*?\}\}/g, (whole: string) => {
      count(liquidExpressionName(whole));
      return '';
    });
  }
  // Links left without text (an image shortcode inside a link) would be invisible: drop them.
  text = text.replace(/(?<!!)\[\s*\]\([^)\n]*\)/g, '');
  text = text.replace(new RegExp(`${PROTECT}(\\d+)${PROTECT}`, 'g'), (_, i: string) => kept[Number(i)] ?? '');
  return { body: text, removed };
}

/** `{{ "x" | team_photo }}` → `team_photo`; `{{ site.baseurl }}` → `site.baseurl`. */
function liquidExpressionName(expression: string): string {
  const inner = expression.replace(/^\{\{-?|-?\}\}$/g, '');
  const filter = /\|\s*([\w.-]+)/.exec(inner)?.[1];
  return filter ?? /[\w.-]+/.exec(inner)?.[0] ?? 'expression';
}
