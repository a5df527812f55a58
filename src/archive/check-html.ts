/**
 * Raw HTML the sanitiser will remove from an article (scripts, event handlers, `javascript:` URLs,
 * disallowed elements), reported by the content check so nothing disappears from an article
 * without the editor hearing about it.
 */
import type { Element, Root as HastRoot } from 'hast';
import { raw, type Options as RawOptions } from 'hast-util-raw';
import type { Definition, Html, Image, Link, Root as MdastRoot } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Finding } from './check-findings.ts';
import { sanitizeSchema } from './markdown.ts';
import { editDistance } from './names.ts';

const ALLOWED_TAGS = new Set(sanitizeSchema.tagNames ?? []);
const STRIPPED_TAGS = new Set(sanitizeSchema.strip ?? []);
const PROTOCOLS = sanitizeSchema.protocols ?? {};
/** hast property names that carry a URL checked against the allowed protocols. */
const URL_PROPERTIES = Object.keys(PROTOCOLS);

/** The scheme of a URL as the sanitiser sees it, or undefined for a relative URL. */
function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(':');
  if (colon === -1) return undefined;
  for (const stop of ['?', '#', '/']) {
    const at = url.indexOf(stop);
    if (at !== -1 && at < colon) return undefined;
  }
  return url.slice(0, colon);
}

/** The scheme, when a URL's scheme is one the sanitiser drops, written as an editor would read it. */
function droppedScheme(url: string, property: string): string | undefined {
  const scheme = schemeOf(url);
  if (scheme === undefined) return undefined;
  const allowed = PROTOCOLS[property] ?? [];
  if (allowed.includes(scheme.toLowerCase())) return undefined;
  return `${scheme.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase()}:`;
}

/** The message and hint for a URL the sanitiser drops: a scheme it refuses, or an address with a typo. */
function urlRemoval(scheme: string, url: string, from: string, hint: string): [string, string] {
  const typo = Math.min(editDistance(scheme, 'https:'), editDistance(scheme, 'http:')) <= 2;
  if (/^[a-z][a-z0-9+.-]*:$/.test(scheme) && !typo) return [`removed ${scheme} URL from ${from}`, hint];
  const shown = url.length > 50 ? `${url.slice(0, 50)}…` : url;
  return [`removed the address "${shown}" from ${from}: it is not a web address`, 'fix the typo at its start, so it begins with https://'];
}

const ELEMENT_HINTS: Record<string, string> = {
  script: 'scripts never reach the site: delete it from the body',
  style: 'styles are not applied: delete the <style> block',
  iframe: 'embedded frames are not allowed: link to the page instead',
  object: 'embedded objects are not allowed: link to the content instead',
  embed: 'embedded objects are not allowed: link to the content instead',
  form: 'forms are not allowed in articles',
};

/**
 * Raw HTML in a body that the sanitiser will remove, each with its line: elements outside the
 * allow-list, event-handler attributes, and URLs with schemes other than http(s)/mailto (in raw
 * HTML and in Markdown links and images alike). HTML comments are dropped silently, as intended.
 */
export function removedHtml(tree: MdastRoot, body: string, file: string, lineOffset = 0): Finding[] {
  const findings: Finding[] = [];
  const push = (line: number | undefined, column: number | undefined, message: string, hint: string) =>
    findings.push({ severity: 'warning', code: 'removed-html', file, line: line === undefined ? undefined : line + lineOffset, column, message, hint });

  const fragments: Html[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') fragments.push(node as Html);
    else if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
      const { url, position } = node as Link | Definition | Image;
      const scheme = droppedScheme(url, node.type === 'image' ? 'src' : 'href');
      if (scheme) {
        const what = node.type === 'image' ? 'an image' : 'a link';
        push(position?.start.line, position?.start.column, ...urlRemoval(scheme, url, what, node.type === 'image' ? 'images must use http(s) addresses' : 'links must use http(s) or mailto addresses: the text stays, without the link'));
      }
    }
  });
  if (fragments.length === 0) return findings;

  const file_ = { toString: () => body } as unknown as RawOptions['file'];
  for (const fragment of fragments) {
    if (/^\s*<!--/.test(fragment.value) && /-->\s*$/.test(fragment.value)) continue;
    const hast: HastRoot = { type: 'root', children: [{ type: 'raw', value: fragment.value, position: fragment.position }] };
    let parsed: HastRoot;
    try {
      parsed = raw(hast, { file: file_ }) as HastRoot;
    } catch {
      continue;
    }
    visit(parsed, 'element', (element: Element) => {
      const line = element.position?.start.line ?? fragment.position?.start.line;
      const column = element.position?.start.column ?? fragment.position?.start.column;
      const tag = element.tagName;
      if (!ALLOWED_TAGS.has(tag)) {
        if (!/^[a-z][a-z0-9-]*$/.test(tag)) {
          push(line, column, `removed "<${tag}…>", text that reads as an HTML tag`, 'write &lt; for a literal "<", or write a web address as <https://…> without spaces');
          return undefined;
        }
        push(line, column, `removed <${tag}> element${STRIPPED_TAGS.has(tag) ? ' and its content' : ''}`, ELEMENT_HINTS[tag] ?? `<${tag}> is not in the allowed HTML: its text is kept, the tag removed`);
        if (STRIPPED_TAGS.has(tag) || tag === 'iframe') return SKIP;
      }
      for (const [property, value] of Object.entries(element.properties ?? {})) {
        if (/^on[A-Z]/.test(property) || /^on[a-z]+$/.test(property)) {
          push(line, column, `removed ${property.toLowerCase()} attribute from <${tag}>`, 'event handlers never run on the site: delete the attribute');
        } else if (URL_PROPERTIES.includes(property) && typeof value === 'string') {
          const scheme = droppedScheme(value, property);
          if (scheme) push(line, column, ...urlRemoval(scheme, value, `<${tag}>`, 'only http(s) and mailto addresses are kept: use a normal web address'));
        }
      }
      return undefined;
    });
  }
  return findings;
}
