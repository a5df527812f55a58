import { describe, expect, it } from 'vitest';
import type { ArchiveIndex, IndexedEntity } from '../../src/archive/archive-index.ts';
import { perEntity } from '../../src/lib/entity-page.ts';

describe('perEntity', () => {
  it('works a value out once for each entity of each archive', () => {
    const made: string[] = [];
    const label = perEntity((archive, entity) => {
      made.push(`${archive.toString()}:${entity.name}`);
      return `${archive.toString()}:${entity.name}`;
    });
    const archive = (name: string) => ({ toString: () => name }) as unknown as ArchiveIndex;
    const [one, two] = [archive('one'), archive('two')];
    const entity = { kind: 'people', name: 'Dalan Juniper' } as IndexedEntity;
    expect([label(one, entity), label(one, entity), label(two, entity), label(two, entity)]).toEqual(['one:Dalan Juniper', 'one:Dalan Juniper', 'two:Dalan Juniper', 'two:Dalan Juniper']);
    expect(made).toEqual(['one:Dalan Juniper', 'two:Dalan Juniper']);
  });
});
