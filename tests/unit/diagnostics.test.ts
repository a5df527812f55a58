import { describe, expect, it } from 'vitest';
import { assertNoErrors, ContentError, formatDiagnostic, hasErrors, type Diagnostic } from '../../src/archive/diagnostics.ts';
import { ENTITY_KINDS, FILE_KINDS, isEntityKind, KIND_LABELS } from '../../src/archive/kinds.ts';

const warning: Diagnostic = { severity: 'warning', file: 'content/articles/a.md', line: 4, message: 'unknown key "peple" is ignored', hint: 'did you mean "people"?' };
const error: Diagnostic = { severity: 'error', file: 'content/articles/b.md', line: 2, column: 8, message: '"title" must be text' };
const noLine: Diagnostic = { severity: 'error', file: 'content/articles/c.md', message: 'the file is not UTF-8 text', hint: 'save it again as UTF-8' };

describe('formatDiagnostic', () => {
  it('names file, line and column (1 when unknown), severity, message and hint', () => {
    expect(formatDiagnostic(warning)).toBe('content/articles/a.md:4:1: warning: unknown key "peple" is ignored (did you mean "people"?)');
    expect(formatDiagnostic(error)).toBe('content/articles/b.md:2:8: error: "title" must be text');
    expect(formatDiagnostic(noLine)).toBe('content/articles/c.md: error: the file is not UTF-8 text (save it again as UTF-8)');
  });
});

describe('ContentError and friends', () => {
  it('lists every error, and only errors, in its message', () => {
    const e = new ContentError([warning, error, noLine]);
    expect(e.name).toBe('ContentError');
    expect(e.message).toMatch(/2 content errors/);
    expect(e.message).toContain(formatDiagnostic(error));
    expect(e.message).toContain(formatDiagnostic(noLine));
    expect(e.message).not.toContain('peple');
    expect(e.diagnostics).toEqual([warning, error, noLine]);
  });

  it('speaks of one error in the singular', () => {
    expect(new ContentError([error]).message).toMatch(/^The archive has 1 content error; fix it/);
  });

  it('throws only when there are errors', () => {
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, error])).toBe(true);
    expect(() => assertNoErrors([warning])).not.toThrow();
    expect(() => assertNoErrors([])).not.toThrow();
    expect(() => assertNoErrors([warning, noLine])).toThrow(ContentError);
  });
});

describe('kinds', () => {
  it('has the kinds of the contract, tags without files', () => {
    expect([...ENTITY_KINDS]).toEqual(['people', 'organisations', 'events', 'places', 'tags']);
    expect([...FILE_KINDS]).toEqual(['people', 'organisations', 'events', 'places']);
    expect(isEntityKind('people')).toBe(true);
    expect(isEntityKind('organizations')).toBe(false);
    expect(isEntityKind('toString')).toBe(false);
    expect(KIND_LABELS.people).toEqual({ plural: 'People', singular: 'Person' });
  });
});
