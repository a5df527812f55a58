/**
 * Findings about content files. Every finding names a file (relative to the project root),
 * the line where known, what is wrong and what to do, so an editor can fix it without reading code.
 */
import { countOf } from '../shared/count-of.ts';
export type Severity = 'error' | 'warning';

/** What kind of problem a finding is, for summaries and for machines (`npm run check -- --json`). */
export type DiagnosticCode =
  | 'file'
  | 'frontmatter'
  | 'schema'
  | 'date'
  | 'unknown-key'
  | 'url-collision'
  | 'name-collision'
  | 'near-duplicate'
  | 'untagged-mention'
  | 'empty-body'
  | 'quote'
  | 'unused-entity'
  | 'broken-link'
  | 'draft-link'
  | 'removed-html'
  | 'nesting'
  | 'other';

export interface Diagnostic {
  severity: Severity;
  code?: DiagnosticCode;
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What the editor should do about it. */
  hint?: string;
  /** The frontmatter key an unknown-key finding is about, and the known key it probably means:
   * for tools that group findings, so they need not read the message. */
  key?: string;
  suggestion?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? (d.column ?? 1) : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${d.severity}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

/** Thrown when content cannot be built; carries every error found, not just the first. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const n = errors.length;
    super(
      `The archive has ${countOf(n, 'content error')}; fix ${n === 1 ? 'it' : 'them'} and build again:\n` +
        errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
    // Astro prints an error's stack trace under it; this one is about the archive, not the code.
    this.stack = '';
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Throws a ContentError when any diagnostic is an error. */
export function assertNoErrors(diagnostics: readonly Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new ContentError([...diagnostics]);
}
