import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/archive/markdown.ts';
import { findKnownMentions } from '../../src/archive/mentions.ts';
import { buildNameIndex } from '../../src/archive/name-index.ts';
import { hunSen } from '../helpers/entity-files.ts';

function treeOf(body: string) {
  const parsed = parseMarkdown(body);
  if (!parsed.ok) throw new Error('the body did not parse');
  return parsed.tree;
}

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
