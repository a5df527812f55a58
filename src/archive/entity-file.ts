/**
 * One entity file (`content/people/hun-sen.md` and the like) in, one validated entity record out:
 * its name, aliases, names in other languages, kind-specific facts and the description body.
 */
import type { Diagnostic } from './diagnostics.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { FileKind } from './kinds.ts';
import { parseMarkdown, renderTree, tooDeepDiagnostic } from './markdown.ts';
import { entitySchemas, type EntityFrontmatter } from './schema.ts';
import { entityFileFindings } from './name-findings.ts';
import { boundSlug, slugify } from './slug.ts';
import { validateFrontmatter } from './validate.ts';

/** The fields of an entity file that are neither names nor its address: any kind's. */
type FactsOf<K extends FileKind> = Omit<EntityFrontmatter[K], keyof EntityFrontmatter['people'] & keyof EntityFrontmatter['places']>;
export type EntityFacts = Partial<FactsOf<'people'> & FactsOf<'organisations'> & FactsOf<'events'> & FactsOf<'places'>>;

export interface EntityFile extends Pick<EntityFrontmatter[FileKind], 'name' | 'aliases' | 'names' | 'wikidata'> {
  file: string;
  kind: FileKind;
  slug: string;
  facts: EntityFacts;
  /** The description, rendered and sanitised; empty when the file has no body. */
  html: string;
}

export type EntityFileResult = { entity?: EntityFile; diagnostics: Diagnostic[] };

export function processEntityFile(raw: string, file: string, kind: FileKind): EntityFileResult {
  const split = splitFrontmatter(raw, file);
  if (!split.ok) return { diagnostics: [split.diagnostic] };
  const validated = validateFrontmatter(split.value, entitySchemas[kind], file);
  if (!validated.ok) return { diagnostics: validated.diagnostics };
  const { name, aliases, names, slug, wikidata, ...facts } = validated.data;
  const finalSlug = slug === undefined ? slugify(name) : boundSlug(slug);
  if (finalSlug === '') {
    return { diagnostics: [...validated.diagnostics, { severity: 'error', code: 'schema', file, line: split.value.keyLines.get('name'), message: `the name "${name}" gives no usable URL slug`, hint: 'add "slug: some-words" to the frontmatter' }] };
  }
  const body = split.value.body.trim() === '' ? undefined : parseMarkdown(split.value.body);
  if (body && !body.ok) return { diagnostics: [...validated.diagnostics, tooDeepDiagnostic(body.tooDeep, file, split.value.bodyLine)] };
  return {
    diagnostics: [...validated.diagnostics, ...entityFileFindings(split.value, kind, name, slug, file)],
    entity: {
      file,
      kind,
      slug: finalSlug,
      name,
      aliases,
      names,
      wikidata,
      facts,
      html: body ? renderTree(body.tree).html : '',
    },
  };
}
