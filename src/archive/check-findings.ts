/**
 * What the content check makes of the engine's findings: each classified by its code, unknown
 * keys grouped into one finding per file and counted per key; and the entity files no article
 * names, which only the check reports.
 */
import type { ArchiveIndex } from './archive-index.ts';
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts';
import { FILE_KINDS, KIND_LABELS } from './kinds.ts';

export interface Finding extends Diagnostic {
  code: DiagnosticCode;
}

export interface UnknownKeyCount {
  key: string;
  /** Files that have the key. */
  count: number;
  /** The contract key it probably means, when there is one. */
  suggestion?: string;
  /** Up to three files that have it. */
  examples: string[];
}

/** The kind of an engine finding: the engine says, and anything it does not name is schema or other. */
export function codeOf(d: Diagnostic): DiagnosticCode {
  return d.code ?? (d.severity === 'error' ? 'schema' : 'other');
}

/**
 * One finding per file for its unknown keys: a file carried over from another generator can have
 * a dozen, and the same dozen in every file. A file with one unknown key keeps the engine's
 * finding as it is (with its did-you-mean).
 */
export function groupUnknownKeys(findings: Finding[]): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.code !== 'unknown-key') continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const out: Finding[] = [];
  const done = new Set<string>();
  for (const f of findings) {
    if (f.code !== 'unknown-key') {
      out.push(f);
      continue;
    }
    const group = byFile.get(f.file)!;
    if (group.length === 1) {
      out.push(f);
      continue;
    }
    if (done.has(f.file)) continue;
    done.add(f.file);
    const keys = group.map((g) => g.key);
    const suggestions = group.filter((g) => g.suggestion !== undefined).map((g) => `"${g.suggestion}" for "${g.key}"`);
    const lines = group.map((g) => g.line).filter((l): l is number => l !== undefined);
    out.push({
      severity: 'warning',
      code: 'unknown-key',
      file: f.file,
      line: lines.length > 0 ? lines.reduce((a, b) => Math.min(a, b)) : undefined,
      message: `${keys.length} unknown keys are ignored: ${keys.map((k) => `"${k}"`).join(', ')}`,
      hint: suggestions.length > 0 ? `did you mean ${suggestions.join(', and ')}?` : 'remove them, or rename them to keys of the content contract',
    });
  }
  return out;
}

/** Each unknown key with the files that have it, from the engine's one-finding-per-key warnings. */
export function countUnknownKeys(findings: readonly Finding[]): UnknownKeyCount[] {
  const keys = new Map<string, UnknownKeyCount>();
  for (const f of findings) {
    const key = f.code === 'unknown-key' ? f.key : undefined;
    if (key === undefined) continue;
    const entry = keys.get(key) ?? { key, count: 0, suggestion: f.suggestion, examples: [] };
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(f.file);
    keys.set(key, entry);
  }
  return [...keys.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Entity files no article names: their pages list no coverage. */
export function unusedEntityFiles(index: ArchiveIndex): Finding[] {
  const findings: Finding[] = [];
  for (const kind of FILE_KINDS) {
    for (const entity of index.entities(kind)) {
      if (!entity.hasFile || entity.articles.length > 0) continue;
      findings.push({
        severity: 'warning',
        code: 'unused-entity',
        file: entity.file,
        line: 1,
        message: `no article names ${KIND_LABELS[kind].singular.toLowerCase()} "${entity.name}", so its page lists no coverage`,
        hint: `add "${entity.name}" to the ${kind} of the articles about it, or delete the file`,
      });
    }
  }
  return findings;
}
