/**
 * Names to entities. Entity files declare a name, aliases and names in other languages; articles
 * name entities freely. Every spelling that folds to the same key (names.ts) is one entity, and a
 * name no file declares still becomes an entity with a page of its own. Two different entities
 * that would write the same URL, a name two files both claim, or spellings of one key that differ
 * in symbols (`C++` and `C#`) are errors naming both files.
 */
import type { Diagnostic } from './diagnostics.ts';
import type { EntityFile } from './entity-file.ts';
import { ENTITY_KINDS, KIND_LABELS, type EntityKind } from './kinds.ts';
import { everyName, nameKey, nameSymbols, rankSpellings, sameName } from './names.ts';
import { slugify } from './slug.ts';

/** An entity file's record, or the same shape for a name no file declares (and for tags). */
export interface Entity extends Omit<EntityFile, 'kind'> {
  kind: EntityKind;
  /** The entity file, or the first article that named it when it has no file. */
  file: string;
  hasFile: boolean;
}

interface Unfiled {
  entity: Entity;
  spellings: Map<string, number>;
}

/** Resolves names of one archive; build one per index so unfiled entities are shared across articles. */
export class EntityResolver {
  readonly diagnostics: Diagnostic[] = [];
  private readonly byKey = new Map<EntityKind, Map<string, Entity>>();
  private readonly bySlug = new Map<EntityKind, Map<string, Entity>>();
  private readonly unfiled = new Map<Entity, Unfiled>();
  /** By kind and key: the symbols (names.ts) of the spellings that made the key's entity. */
  private readonly symbols = new Map<string, Set<string>>();

  constructor(files: readonly EntityFile[]) {
    for (const kind of ENTITY_KINDS) {
      this.byKey.set(kind, new Map());
      this.bySlug.set(kind, new Map());
    }
    for (const file of [...files].sort((a, b) => a.file.localeCompare(b.file))) this.addFile(file);
  }

  private addFile(file: EntityFile): void {
    const entity: Entity = { ...file, hasFile: true };
    const slugs = this.bySlug.get(file.kind)!;
    const taken = slugs.get(file.slug);
    if (taken) {
      this.collision(file.file, taken.file, entityUrlPath(file.kind, file.slug), 'give one of them a different name or a "slug:" of its own');
      return;
    }
    slugs.set(file.slug, entity);
    const keys = this.byKey.get(file.kind)!;
    for (const name of everyName(file)) {
      const key = nameKey(name);
      const owner = keys.get(key);
      if (owner && owner !== entity) {
        const other = spellingOf(owner, key);
        this.diagnostics.push({
          severity: 'error',
          code: 'name-collision',
          file: file.file,
          message: `the name "${name}" is claimed by both ${file.file} and ${owner.file}`,
          hint:
            sameName(name, other)
              ? 'a name or alias may belong to one entity only: remove it from one of the files'
              : `"${name}" and "${other}" differ only in symbols, which names are compared without: write the symbols as words in one of them`,
        });
        continue;
      }
      keys.set(key, entity);
      this.accept(file.kind, key, name);
    }
  }

  private accept(kind: EntityKind, key: string, name: string): void {
    const id = `${kind}\u0000${key}`;
    let symbols = this.symbols.get(id);
    if (!symbols) this.symbols.set(id, (symbols = new Set()));
    symbols.add(nameSymbols(name));
  }

  private collision(file: string, other: string, url: string, hint: string): void {
    this.diagnostics.push({
      severity: 'error',
      code: 'url-collision',
      file,
      message: `${file} and ${other} would both write ${url}`,
      hint,
    });
  }

  /** The entity a name in an article stands for, creating one when no file declares it. */
  resolve(kind: EntityKind, name: string, articleFile: string): Entity | undefined {
    const key = nameKey(name);
    if (key === '') {
      this.diagnostics.push({ severity: 'error', code: 'schema', file: articleFile, message: `"${name}" in ${kind} is not a name`, hint: 'remove it or write the name in letters' });
      return undefined;
    }
    const keys = this.byKey.get(kind)!;
    let entity = keys.get(key);
    if (!entity) {
      const slug = slugify(name);
      const taken = this.bySlug.get(kind)!.get(slug);
      if (taken) {
        this.collision(articleFile, taken.file, entityUrlPath(kind, slug), `"${name}" and "${taken.name}" are different names with one URL: write the name the same way, or add it to the aliases of ${taken.name}`);
        return undefined;
      }
      entity = { kind, slug, name, aliases: [], names: {}, facts: {}, html: '', file: articleFile, hasFile: false };
      keys.set(key, entity);
      this.bySlug.get(kind)!.set(slug, entity);
      this.unfiled.set(entity, { entity, spellings: new Map() });
      this.accept(kind, key, name);
    } else if (!this.symbols.get(`${kind}\u0000${key}`)!.has(nameSymbols(name))) {
      const like = this.unfiled.get(entity)?.spellings.keys().next().value ?? spellingOf(entity, key);
      this.diagnostics.push({
        severity: 'error',
        code: 'name-collision',
        file: articleFile,
        message: `${articleFile} names "${name}" and ${entity.file} "${like}": names that differ only in symbols would be one ${KIND_LABELS[kind].singular.toLowerCase()}`,
        hint: `write "${like}" if they are the same, or write the symbols as words in one of them if they are not`,
      });
      return undefined;
    }
    const unfiled = this.unfiled.get(entity);
    if (unfiled) unfiled.spellings.set(name, (unfiled.spellings.get(name) ?? 0) + 1);
    return entity;
  }

  /**
   * Every entity of every kind. An entity without a file is shown under its most used spelling
   * (rankSpellings), the others are its aliases.
   */
  entities(): Entity[] {
    for (const { entity, spellings } of this.unfiled.values()) {
      const [name, ...aliases] = rankSpellings(spellings);
      entity.name = name!;
      entity.aliases = aliases;
    }
    return ENTITY_KINDS.flatMap((kind) => [...this.bySlug.get(kind)!.values()]);
  }
}

/** The name, alias or other-language name of an entity that has this key. */
function spellingOf(entity: Entity, key: string): string {
  return everyName(entity).find((n) => nameKey(n) === key) ?? entity.name;
}

/** The site path of an entity's page, before any base path: `/people/hun-sen/`. */
export function entityUrlPath(kind: EntityKind, slug: string): string {
  return `/${kind}/${slug}/`;
}
