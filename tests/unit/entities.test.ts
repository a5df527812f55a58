import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';
import { EntityResolver, entityUrlPath } from '../../src/archive/entities.ts';
import { processEntityFile, type EntityFile } from '../../src/archive/entity-file.ts';
import type { FileKind } from '../../src/archive/kinds.ts';
import { slugify } from '../../src/archive/slug.ts';

function entityFile(kind: FileKind, file: string, name: string, extra: Partial<EntityFile> = {}): EntityFile {
  return { file, kind, slug: slugify(name), name, aliases: [], names: {}, facts: {}, html: '', ...extra };
}

const HUN_SEN = entityFile('people', 'content/people/hun-sen.md', 'Hun Sen', {
  aliases: ['Samdech Hun Sen', 'Samdech Akka Moha Sena Padei Techo Hun Sen'],
  names: { km: 'ហ៊ុន សែន' },
});
const TRONG = entityFile('people', 'content/people/nguyen-phu-trong.md', 'Nguyễn Phú Trọng');
const A1 = 'content/articles/2023/a1.md';
const A2 = 'content/articles/2023/a2.md';

const errorsText = (r: EntityResolver) => r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

describe('EntityResolver: names to entities', () => {
  it('resolves an alias to the entity of its file', () => {
    const r = new EntityResolver([HUN_SEN]);
    const byName = r.resolve('people', 'Hun Sen', A1);
    const byAlias = r.resolve('people', 'Samdech Hun Sen', A1);
    expect(byName).toBeDefined();
    expect(byAlias).toBe(byName);
    expect(byAlias).toMatchObject({ slug: 'hun-sen', name: 'Hun Sen', hasFile: true, file: 'content/people/hun-sen.md' });
    expect(r.diagnostics).toEqual([]);
  });

  it('resolves case, white space and diacritic variants of a name or alias to one entity', () => {
    const r = new EntityResolver([HUN_SEN, TRONG]);
    const hun = r.resolve('people', 'Hun Sen', A1);
    for (const variant of ['hun sen', '  HUN   SEN ', 'samdech  hun sen', 'SAMDECH HUN SEN', 'ហ៊ុន សែន']) {
      expect(r.resolve('people', variant, A1), variant).toBe(hun);
    }
    const trong = r.resolve('people', 'Nguyen Phu Trong', A1);
    expect(trong).toMatchObject({ slug: 'nguyen-phu-trong', name: 'Nguyễn Phú Trọng', hasFile: true });
    expect(r.resolve('people', 'NGUYỄN PHÚ TRỌNG', A2)).toBe(trong);
    expect(r.resolve('people', 'nguyen-phu trong', A2)).toBe(trong);
    const people = r.entities().filter((e) => e.kind === 'people');
    expect(people.map((e) => e.slug).sort()).toEqual(['hun-sen', 'nguyen-phu-trong']);
    expect(r.diagnostics).toEqual([]);
  });

  it('lands diacritic variants of an unfiled name on one entity at the folded slug', () => {
    const r = new EntityResolver([]);
    const a = r.resolve('people', 'Nguyễn Phú Trọng', A1);
    const b = r.resolve('people', 'Nguyen Phu Trong', A2);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(a!.slug).toBe('nguyen-phu-trong');
    expect(r.entities()).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
  });

  it('gives a name without a file an entity and a slug of its own', () => {
    const r = new EntityResolver([HUN_SEN]);
    const manet = r.resolve('people', 'Hun Manet', A1);
    const tag = r.resolve('tags', 'diplomacy', A1);
    const party = r.resolve('organisations', 'Cambodian People’s Party', A2);
    const khmer = r.resolve('places', 'ភ្នំពេញ', A2);
    expect(manet).toMatchObject({ kind: 'people', slug: 'hun-manet', name: 'Hun Manet', hasFile: false, file: A1, html: '' });
    expect(tag).toMatchObject({ kind: 'tags', slug: 'diplomacy', hasFile: false });
    expect(party).toMatchObject({ kind: 'organisations', slug: 'cambodian-peoples-party', file: A2 });
    expect(khmer).toMatchObject({ kind: 'places', slug: 'ភ្នំពេញ' });
    const all = r.entities();
    expect(all.map((e) => `${e.kind}/${e.slug}`).sort()).toEqual(
      ['organisations/cambodian-peoples-party', 'people/hun-manet', 'people/hun-sen', 'places/ភ្នំពេញ', 'tags/diplomacy'].sort(),
    );
  });

  it('keeps kinds apart: one name can be a place and a tag', () => {
    const r = new EntityResolver([entityFile('places', 'content/places/cambodia.md', 'Cambodia')]);
    const place = r.resolve('places', 'Cambodia', A1);
    const tag = r.resolve('tags', 'Cambodia', A1);
    expect(place).not.toBe(tag);
    expect(place?.hasFile).toBe(true);
    expect(tag?.hasFile).toBe(false);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports a name with no letters, naming the article', () => {
    const r = new EntityResolver([]);
    expect(r.resolve('people', '???', A1)).toBeUndefined();
    expect(errorsText(r)).toEqual([expect.stringContaining(A1)]);
    expect(r.entities()).toEqual([]);
  });

  it('builds entities from processed entity files', () => {
    const file = processEntityFile('---\nname: Hun Sen\naliases: Samdech Hun Sen\n---\n', 'content/people/hun-sen.md', 'people').entity!;
    const r = new EntityResolver([file]);
    expect(r.resolve('people', 'samdech hun sen', A1)?.file).toBe('content/people/hun-sen.md');
  });

  it('builds the URL path of an entity', () => {
    expect(entityUrlPath('people', 'hun-sen')).toBe('/people/hun-sen/');
    expect(entityUrlPath('tags', 'diplomacy')).toBe('/tags/diplomacy/');
  });
});

describe('EntityResolver: two things never write one URL', () => {
  it('reports two entity files with the same slug, naming both files and the URL', () => {
    const a = entityFile('people', 'content/people/hun-sen.md', 'Hun Sen');
    const b = entityFile('people', 'content/people/hun-sen-2.md', 'Hun Sen Junior', { slug: 'hun-sen' });
    for (const files of [[a, b], [b, a]]) {
      const r = new EntityResolver(files);
      const errors = errorsText(r);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('content/people/hun-sen.md');
      expect(errors[0]).toContain('content/people/hun-sen-2.md');
      expect(errors[0]).toContain('/people/hun-sen/');
    }
  });

  it('allows the same slug in different kinds', () => {
    const r = new EntityResolver([
      entityFile('places', 'content/places/cambodia.md', 'Cambodia'),
      entityFile('organisations', 'content/organisations/cambodia.md', 'Cambodia'),
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports a name claimed by two files, naming both', () => {
    const r = new EntityResolver([
      HUN_SEN,
      entityFile('people', 'content/people/samdech.md', 'Samdech', { aliases: ['Samdech Hun Sen'] }),
    ]);
    const errors = errorsText(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('content/people/hun-sen.md');
    expect(errors[0]).toContain('content/people/samdech.md');
    expect(errors[0]).toContain('Samdech Hun Sen');
  });

  it('reports a name claimed by two files when the spellings differ only in diacritics and case', () => {
    const r = new EntityResolver([
      TRONG,
      entityFile('people', 'content/people/trong.md', 'Trong', { aliases: ['NGUYEN PHU TRONG'] }),
    ]);
    const errors = errorsText(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('content/people/nguyen-phu-trong.md');
    expect(errors[0]).toContain('content/people/trong.md');
  });

  it('reports two files whose names differ only in symbols, and says so', () => {
    const r = new EntityResolver([
      entityFile('organisations', 'content/organisations/marlow-and-sons.md', 'Marlow & Sons', { slug: 'marlow-and-sons' }),
      entityFile('organisations', 'content/organisations/marlow-sons.md', 'Marlow Sons'),
    ]);
    const errors = errorsText(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('content/organisations/marlow-and-sons.md');
    expect(errors[0]).toContain('content/organisations/marlow-sons.md');
    expect(errors[0]).toContain('"Marlow Sons" and "Marlow & Sons" differ only in symbols');
  });

  it('allows a file to list its own name again as an alias', () => {
    const r = new EntityResolver([entityFile('people', 'content/people/hun-sen.md', 'Hun Sen', { aliases: ['HUN SEN', 'Samdech Hun Sen'] })]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports an unfiled name whose slug is taken by an entity file, naming the article and the file', () => {
    const cpv = entityFile('organisations', 'content/organisations/cpv.md', 'Communist Party of Vietnam', { slug: 'dang' });
    const r = new EntityResolver([cpv]);
    expect(r.resolve('organisations', 'Đảng', A1)).toBeUndefined();
    const errors = errorsText(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${A1}`));
    expect(errors[0]).toContain('content/organisations/cpv.md');
    expect(errors[0]).toContain('/organisations/dang/');
    // Only the file's entity has the URL.
    expect(r.entities().filter((e) => e.slug === 'dang')).toEqual([expect.objectContaining({ file: 'content/organisations/cpv.md' })]);
  });

  it('reports an unfiled name whose slug differs from a file\'s name only outside Latin letters', () => {
    // "Hun Sen ហ៊ុន" is a different name from "Hun Sen" but would also be /people/hun-sen/.
    const r = new EntityResolver([HUN_SEN]);
    expect(r.resolve('people', 'Hun Sen ហ៊ុន', A1)).toBeUndefined();
    const errors = errorsText(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(A1);
    expect(errors[0]).toContain('content/people/hun-sen.md');
  });

  it('reports two unfiled names with one slug, naming both articles', () => {
    const r = new EntityResolver([]);
    expect(r.resolve('people', 'Hun Sen ហ៊ុន', A1)).toBeDefined();
    expect(r.resolve('people', 'Hun Sen', A2)).toBeUndefined();
    const errors = errorsText(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(A1);
    expect(errors[0]).toContain(A2);
  });
});

describe('EntityResolver: names that differ only in symbols', () => {
  it('never makes C++, C# and C one tag: the first spelling keeps the entity, the others are errors naming both articles', () => {
    const r = new EntityResolver([]);
    const cpp = r.resolve('tags', 'C++', A1);
    expect(cpp).toMatchObject({ name: 'C++', slug: 'c' });
    expect(r.resolve('tags', 'C++', A2)).toBe(cpp);
    expect(r.resolve('tags', 'C#', A2)).toBeUndefined();
    expect(r.resolve('tags', 'C', A2)).toBeUndefined();
    const errors = errorsText(r);
    expect(errors).toEqual([
      `${A2}: error: ${A2} names "C#" and ${A1} "C++": names that differ only in symbols would be one tag (write "C++" if they are the same, or write the symbols as words in one of them if they are not)`,
      `${A2}: error: ${A2} names "C" and ${A1} "C++": names that differ only in symbols would be one tag (write "C++" if they are the same, or write the symbols as words in one of them if they are not)`,
    ]);
    expect(r.entities().map((e) => e.name)).toEqual(['C++']);
  });

  it('accepts every symbol spelling an entity file declares, and names the matching one when another differs', () => {
    const r = new EntityResolver([entityFile('organisations', 'content/organisations/marlow.md', 'Marlow and Sons', { aliases: ['Marlow & Sons'] })]);
    expect(r.resolve('organisations', 'marlow & sons', A1)).toMatchObject({ name: 'Marlow and Sons', hasFile: true });
    expect(r.resolve('organisations', 'Marlow Sons', A1)).toBeUndefined();
    expect(errorsText(r)).toEqual([
      `${A1}: error: ${A1} names "Marlow Sons" and content/organisations/marlow.md "Marlow & Sons": names that differ only in symbols would be one organisation (write "Marlow & Sons" if they are the same, or write the symbols as words in one of them if they are not)`,
    ]);
  });

  it('keeps merging spellings whose symbols agree: AT&T and AT & T, #MeToo and MeToo', () => {
    const r = new EntityResolver([]);
    expect(r.resolve('organisations', 'AT & T', A2)).toBe(r.resolve('organisations', 'AT&T', A1));
    expect(r.resolve('tags', 'MeToo', A2)).toBe(r.resolve('tags', '#MeToo', A1));
    expect(r.diagnostics).toEqual([]);
  });
});

describe('EntityResolver: display names of entities without a file', () => {
  it('shows the most used spelling and keeps the others as aliases', () => {
    const r = new EntityResolver([]);
    r.resolve('people', 'Nguyễn Phú Trọng', A1);
    r.resolve('people', 'Nguyen Phu Trong', A1);
    r.resolve('people', 'Nguyen Phu Trong', A2);
    const [entity] = r.entities();
    expect(entity!.name).toBe('Nguyen Phu Trong');
    expect(entity!.aliases).toEqual(['Nguyễn Phú Trọng']);
  });

  it('on a tie prefers the fuller spelling with diacritics, whichever came first', () => {
    for (const order of [
      ['Nguyen Phu Trong', 'Nguyễn Phú Trọng'],
      ['Nguyễn Phú Trọng', 'Nguyen Phu Trong'],
    ]) {
      const r = new EntityResolver([]);
      for (const name of order) r.resolve('people', name, A1);
      const [entity] = r.entities();
      expect(entity!.name).toBe('Nguyễn Phú Trọng');
      expect(entity!.slug).toBe('nguyen-phu-trong');
      expect(entity!.aliases).toEqual(['Nguyen Phu Trong']);
    }
  });

  it('chooses the same name whatever order the spellings arrive in', () => {
    const spellings = ['ASEAN', 'Asean', 'asean'];
    const names = new Set<string>();
    for (const order of [spellings, [...spellings].reverse(), [spellings[1]!, spellings[2]!, spellings[0]!]]) {
      const r = new EntityResolver([]);
      for (const name of order) r.resolve('organisations', name, A1);
      names.add(r.entities()[0]!.name);
    }
    expect(names.size).toBe(1);
  });

  it('never renames an entity that has a file', () => {
    const r = new EntityResolver([TRONG]);
    r.resolve('people', 'Nguyen Phu Trong', A1);
    r.resolve('people', 'Nguyen Phu Trong', A2);
    const [entity] = r.entities();
    expect(entity!.name).toBe('Nguyễn Phú Trọng');
    expect(entity!.aliases).toEqual([]);
  });
});
