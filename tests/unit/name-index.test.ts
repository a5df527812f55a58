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
});
