import { describe, expect, it } from 'vitest';
import { renderTree } from '../../src/archive/markdown.ts';
import { findKnownMentions, linkMentions, type MentionTarget } from '../../src/archive/mentions.ts';
import { buildNameIndex } from '../../src/archive/name-index.ts';
import { hunSen } from '../helpers/entity-files.ts';
import { treeOf } from '../helpers/markdown.ts';

const TOMAS: MentionTarget = { entity: { kind: 'people', slug: 'tomas-vendrell', name: 'Tomas Vendrell', names: ['Tomas Vendrell'] }, url: '/people/tomas-vendrell/' };

/** The body's HTML once its mentions of Tomas Vendrell are linked, and whether any was. */
function linked(source: string): { html: string; linked: number } {
  const tree = treeOf(source);
  const targets = linkMentions(tree, [TOMAS]);
  return { html: renderTree(tree).html, linked: targets.length };
}

describe('linkMentions', () => {
  it('links the first mention in prose', () => {
    expect(linked('Tomas Vendrell spoke; Tomas Vendrell left.').html).toBe(
      '<p><a href="/people/tomas-vendrell/" class="mention">Tomas Vendrell</a> spoke; Tomas Vendrell left.</p>',
    );
  });

  it("leaves a name inside the editor's raw <a> whole, and links the next mention outside it", () => {
    expect(linked('Read <a href="https://example.org/talk">Tomas Vendrell’s talk</a>; Tomas Vendrell agreed.').html).toBe(
      '<p>Read <a href="https://example.org/talk">Tomas Vendrell’s talk</a>; <a href="/people/tomas-vendrell/" class="mention">Tomas Vendrell</a> agreed.</p>',
    );
  });

  it("leaves a name inside emphasis inside the editor's raw <a>, or in a raw <a> never closed", () => {
    const emphasised = linked('See <A HREF="https://example.org/x">the *Tomas Vendrell* file</A>.');
    expect(emphasised).toEqual({ html: '<p>See <a href="https://example.org/x">the <em>Tomas Vendrell</em> file</a>.</p>', linked: 0 });
    expect(linked('See <a href="https://example.org/x">Tomas Vendrell, unclosed.').linked).toBe(0);
  });

  it('still links a name after an <abbr>, which is no link, and after a block of HTML with a link in it', () => {
    expect(linked('<abbr title="x">TV</abbr> Tomas Vendrell').linked).toBe(1);
    expect(linked('<div><a href="https://example.org/x">x</a></div>\n\nTomas Vendrell spoke.').linked).toBe(1);
  });
});

describe('findKnownMentions', () => {
  const body = 'Samdech Hun Sen spoke first; Hun Sen\u2019s son listened.';

  it('finds a known entity by an alias, once, with the words as written', () => {
    const found = findKnownMentions(treeOf(body), buildNameIndex([hunSen()]));
    expect(found.map((m) => [m.entity.slug, m.text])).toEqual([['hun-sen', 'Samdech Hun Sen']]);
  });

  it('finds nothing when no entity file names anyone', () => {
    const index = buildNameIndex([]);
    expect(index.empty).toBe(true);
    expect(buildNameIndex([hunSen()]).empty).toBe(false);
    expect(findKnownMentions(treeOf(body), index)).toEqual([]);
  });
});
