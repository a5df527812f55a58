/** The kinds of thing an article covers, each with its own pages at `/<kind>/<slug>/`. */
export const ENTITY_KINDS = ['people', 'organisations', 'events', 'places', 'tags'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Kinds that may have entity files under `content/<kind>/`; tags are names only. */
export const FILE_KINDS = ['people', 'organisations', 'events', 'places'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const KIND_LABELS: Record<EntityKind, { plural: string; singular: string }> = {
  people: { plural: 'People', singular: 'Person' },
  organisations: { plural: 'Organisations', singular: 'Organisation' },
  events: { plural: 'Events', singular: 'Event' },
  places: { plural: 'Places', singular: 'Place' },
  tags: { plural: 'Tags', singular: 'Tag' },
};

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
