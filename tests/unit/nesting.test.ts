import { describe, expect, it } from 'vitest';
import { MAX_NESTING, sourceNesting } from '../../src/archive/nesting.ts';
import { parseMarkdown } from '../../src/archive/markdown.ts';

describe('sourceNesting', () => {
  it('counts a list nested by indentation one level a marker', () => {
    const lists = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(sourceNesting(lists)).toEqual({ depth: 300, line: 300 });
  });

  it('keeps counting through continuation lines inside the items', () => {
    const source = ['- a', '  - b', '', '    continued', '    - c'].join('\n');
    expect(sourceNesting(source).depth).toBe(3);
  });

  it('does not count indentation that continues nothing as levels', () => {
    const wide = ['Intro.', '', '```', `${' '.repeat(400)}- a dash far to the right`, `${' '.repeat(300)}> and a quote mark`, '```'].join('\n');
    expect(sourceNesting(wide).depth).toBeLessThanOrEqual(2);
    expect(parseMarkdown(wide).ok).toBe(true);
  });

  it('still refuses a body past the limit', () => {
    const deep = Array.from({ length: MAX_NESTING + 5 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(parseMarkdown(deep)).toMatchObject({ ok: false, tooDeep: { depth: MAX_NESTING + 5 } });
  });
});
