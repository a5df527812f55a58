/**
 * Entity files for unit tests, as the engine reads them from `content/<kind>/<slug>.md`.
 */
import type { EntityFile } from '../../src/archive/entity-file.ts';

/** Hun Sen's entity file, with the alias the tests resolve; `overrides` for what a test needs. */
export function hunSen(overrides: Partial<EntityFile> = {}): EntityFile {
  return {
    file: 'content/people/hun-sen.md',
    kind: 'people',
    slug: 'hun-sen',
    name: 'Hun Sen',
    aliases: ['Samdech Hun Sen'],
    names: {},
    facts: { role: 'Prime Minister' },
    html: '<p>About.</p>',
    ...overrides,
  };
}
