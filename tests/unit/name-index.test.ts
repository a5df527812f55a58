import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '../../src/archive/name-index.ts';
import { hunSen } from '../helpers/entity-files.ts';

describe('buildNameIndex', () => {
  it('resolves a known name or alias to its entity, and an unknown one to its own slug', () => {
    const index = buildNameIndex([hunSen()]);
    expect(index.resolve('people', 'samdech hun sen').slug).toBe('hun-sen');
    expect(index.resolve('people', 'Hun Manet')).toMatchObject({ slug: 'hun-manet', name: 'Hun Manet' });
  });

  it('gives a name two files claim to the first, as the entity resolver does', () => {
    const first = hunSen();
    const second = hunSen({ file: 'content/people/hun-sen-2.md', slug: 'hun-sen-2', aliases: [] });
    expect(buildNameIndex([first, second]).resolve('people', 'Hun Sen').slug).toBe('hun-sen');
    expect(buildNameIndex([second, first]).resolve('people', 'Hun Sen').slug).toBe('hun-sen-2');
  });

  it('tells plain prose from words a known name is, starts with or ends in, however they are written', () => {
    const index = buildNameIndex([hunSen()]);
    // Asked twice, so a kept answer is checked as well as a new one.
    for (let round = 0; round < 2; round++) {
      expect(['the', 'Minister', 'sent', 'Senate'].map((word) => index.plain(word))).toEqual([true, true, true, true]);
      expect(['Hun', 'HUN', 'hun', "Sen's", 'People’s'].map((word) => index.plain(word))).toEqual([false, false, false, false, false]);
    }
  });
});
