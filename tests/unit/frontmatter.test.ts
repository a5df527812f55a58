import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';
import { normaliseText, splitFrontmatter, type SplitFile } from '../../src/archive/frontmatter.ts';

const FILE = 'content/articles/2023/talks.md';

function ok(raw: string): SplitFile {
  const result = splitFrontmatter(raw, FILE);
  if (!result.ok) throw new Error(`expected the file to split, got: ${formatDiagnostic(result.diagnostic)}`);
  return result.value;
}

function fail(raw: string) {
  const result = splitFrontmatter(raw, FILE);
  if (result.ok) throw new Error('expected a finding, but the file split');
  expect(result.diagnostic.severity).toBe('error');
  expect(result.diagnostic.file).toBe(FILE);
  return result.diagnostic;
}

describe('normaliseText', () => {
  it('removes a byte-order mark and turns CRLF and CR into LF', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});

describe('splitFrontmatter', () => {
  it('splits keys and body and records the line of each key and of the body', () => {
    const split = ok('---\ntitle: Talks\ndate: 2023-08-07\npeople:\n  - Hun Sen\n---\nFirst line.\n\nSecond.\n');
    expect(split.data).toEqual({ title: 'Talks', date: '2023-08-07', people: ['Hun Sen'] });
    expect(split.body).toBe('First line.\n\nSecond.\n');
    expect(split.bodyLine).toBe(7);
    expect(Object.fromEntries(split.keyLines)).toEqual({ title: 2, date: 3, people: 4 });
  });

  it('records lines of quoted keys and ignores indented lines and comments', () => {
    const split = ok('---\n# a comment\n"title": Talks\nsummary: |\n  note: not a key\ndate: 2023-08-07\n---\nBody\n');
    expect(split.keyLines.get('title')).toBe(3);
    expect(split.keyLines.get('summary')).toBe(4);
    expect(split.keyLines.get('date')).toBe(6);
    expect(split.keyLines.has('note')).toBe(false);
    expect(split.data.summary).toBe('note: not a key\n');
  });

  it('handles a byte-order mark and Windows line endings', () => {
    const split = ok('\uFEFF---\r\ntitle: Talks\r\ndate: 2023-08-07\r\n---\r\nBody line one\r\nline two\r\n');
    expect(split.data).toEqual({ title: 'Talks', date: '2023-08-07' });
    expect(split.body).toBe('Body line one\nline two\n');
    expect(split.body).not.toContain('\r');
    expect(split.keyLines.get('date')).toBe(3);
    expect(split.bodyLine).toBe(5);
  });

  it('handles old Mac CR line endings', () => {
    const split = ok('---\rtitle: Talks\rdate: 2023-08-07\r---\rBody\r');
    expect(split.data).toEqual({ title: 'Talks', date: '2023-08-07' });
    expect(split.body).toBe('Body\n');
  });

  it('reports an empty file', () => {
    for (const raw of ['', '   \n\n', '\uFEFF', '\r\n\r\n']) {
      const d = fail(raw);
      expect(d.message).toMatch(/empty/);
      expect(d.line).toBe(1);
    }
  });

  it('reports a file without frontmatter and says how to add it', () => {
    const d = fail('# Just a heading\n\nSome text.\n');
    expect(d.message).toMatch(/no frontmatter/);
    expect(d.hint).toMatch(/---/);
    expect(d.line).toBe(1);
  });

  it('reports blank lines above the opening --- and names the line it is on', () => {
    const one = fail('\n---\ntitle: Talks\ndate: 2023-08-07\n---\nBody\n');
    expect(one.message).toMatch(/does not start on the first line/);
    expect(one.line).toBe(2);
    expect(one.hint).toMatch(/blank line/);

    const three = fail('\n  \n\n---\ntitle: Talks\ndate: 2023-08-07\n---\nBody\n');
    expect(three.line).toBe(4);
    expect(three.hint).toMatch(/3 blank lines/);
    expect(formatDiagnostic(three)).toMatch(new RegExp(`^${FILE}:4:1: error: `));
  });

  it('reports frontmatter that is never closed', () => {
    const d = fail('---\ntitle: Talks\ndate: 2023-08-07\nBody text\n');
    expect(d.message).toMatch(/never closed/);
    expect(d.hint).toMatch(/---/);
  });

  it('reports invalid YAML on the file line where it is (1-based, counting the opening ---)', () => {
    // Line 3 is badly indented.
    const indent = fail('---\ntitle: Talks\n  bad: indent\ndate: 2023-08-07\n---\nBody\n');
    expect(indent.message).toMatch(/not valid YAML/);
    expect(indent.line).toBe(3);
    expect(formatDiagnostic(indent)).toContain(`${FILE}:3:`);

    // An unquoted colon-space in a value on line 4.
    const colon = fail('---\ntitle: Talks\ndate: 2023-08-07\nsummary: He said: no\n---\nBody\n');
    expect(colon.line).toBe(4);
  });

  it('gives the right line for invalid YAML after a BOM and CRLF line endings', () => {
    const d = fail('\uFEFF---\r\ntitle: Talks\r\ndate: 2023-08-07\r\n  bad: indent\r\n---\r\nBody\r\n');
    expect(d.line).toBe(4);
  });

  it('reports a duplicated key on the line of the second occurrence', () => {
    const d = fail('---\ntitle: Talks\ndate: 2023-08-07\ntitle: Other talks\n---\nBody\n');
    expect(d.message).toMatch(/duplicated/);
    expect(d.line).toBe(4);
  });

  it('rejects a YAML list or a bare scalar as frontmatter', () => {
    const list = fail('---\n- title\n- date\n---\nBody\n');
    expect(list.message).toMatch(/keys and values/);
    expect(list.line).toBe(2);
    const scalar = fail('---\njust some words\n---\nBody\n');
    expect(scalar.message).toMatch(/keys and values/);
  });

  it('accepts empty frontmatter as no keys (validation then says it is empty)', () => {
    const split = ok('---\n---\nBody\n');
    expect(split.data).toEqual({});
    expect(split.body).toBe('Body\n');
    expect(split.bodyLine).toBe(3);
  });

  it('says how to fix a frontmatter closed with "..." (a YAML document end) instead of ---', () => {
    const result = splitFrontmatter('---\ntitle: Talks\ndate: 2023-08-07\n...\nBody\n', 'a.md');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ severity: 'error', file: 'a.md', line: 4 });
    expect(result.diagnostic.message).toContain('closed with ... instead of ---');
  });

  it('leaves bare dates and timestamps as strings, never Date objects', () => {
    const split = ok(
      '---\ntitle: Talks\ndate: 2023-08-07\nupdated: 2023-08-08T10:00:00Z\nstart: 2023-07-23 09:00:00 +7\nlist: [2023-01-01]\nnested: { when: 2023-02-02 }\n---\nBody\n',
    );
    expect(split.data.date).toBe('2023-08-07');
    expect(split.data.updated).toBe('2023-08-08T10:00:00Z');
    expect(split.data.start).toBe('2023-07-23 09:00:00 +7');
    expect(split.data.list).toEqual(['2023-01-01']);
    expect(split.data.nested).toEqual({ when: '2023-02-02' });
    const values = [split.data.date, split.data.updated, split.data.start, ...(split.data.list as unknown[])];
    for (const value of values) {
      expect(value).not.toBeInstanceOf(Date);
      expect(typeof value).toBe('string');
    }
  });

  it('reads booleans, numbers and null with the YAML core schema', () => {
    const split = ok('---\ndraft: true\ncount: 12\nnothing:\nyes_word: yes\n---\n');
    expect(split.data).toEqual({ draft: true, count: 12, nothing: null, yes_word: 'yes' });
  });

  it('does not let __proto__ or constructor keys pollute prototypes', () => {
    const split = ok(
      '---\ntitle: Talks\n__proto__:\n  polluted: yes\n  draft: true\nconstructor:\n  prototype:\n    polluted2: yes\n---\nBody\n',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(split.data)).toBe(Object.prototype);
    expect((split.data as Record<string, unknown>).polluted).toBeUndefined();
    expect((split.data as Record<string, unknown>).draft).toBeUndefined();
    expect(split.data.title).toBe('Talks');
    // The key is kept as data so the validator can warn about it.
    expect(Object.keys(split.data)).toContain('__proto__');
  });

  it('cannot build functions or custom types from YAML tags', () => {
    const d = fail('---\ntitle: !!js/function "function () { return 1 }"\n---\nBody\n');
    expect(d.message).toMatch(/not valid YAML/);
    expect(d.line).toBe(2);
  });

  it('does not share state between calls (no cache keyed by content)', () => {
    const raw = '---\ntitle: Talks\npeople: [Hun Sen]\n---\nBody\n';
    const a = ok(raw);
    (a.data.people as string[]).push('Someone Else');
    (a.data as Record<string, unknown>).title = 'changed';
    expect(ok(raw).data).toEqual({ title: 'Talks', people: ['Hun Sen'] });
  });
});
