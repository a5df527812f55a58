/**
 * The entity pools of the synthetic archive: people, organisations, places, events and tags, sized
 * for the number of articles.
 */
import { nameKey } from '../../../src/archive/names.ts';
import { slugify } from '../../../src/archive/slug.ts';
import type { PoolKind } from '../generate.ts';
import { chance, int, pick, type Rng } from './random.ts';
import { Registry, WordGuard, type Entity } from './registry.ts';
import { DAYS, yearOfDay } from './text.ts';
import { APOSTROPHE_SURNAMES, COMPANY_ADJ, COMPANY_KIND, COMPANY_NOUN, COUNTRIES, EVENT_NOUNS, FIELDS, GIVEN_A, GIVEN_B, KM_FAMILY, KM_GIVEN, PARTY_ADJ, PLACE_A, PLACE_B, PLACE_BODIES, PLACE_PREFIX, REGIONS, ROLES, SURNAME_A, SURNAME_B, SURNAME_BODIES, TAGS, TITLES, VN_FAMILY, VN_GIVEN, VN_MIDDLE, VN_PLACE_PREFIX } from './words.ts';

export interface Pools {
  people: Entity[];
  organisations: Entity[];
  places: Entity[];
  events: Entity[];
  tags: Entity[];
  /** Events sorted by start day, for picking one near an article's date. */
  eventsByDay: Entity[];
}

function poolSizes(articles: number): Record<PoolKind, number> {
  return {
    people: Math.max(20, Math.round(articles / 5)),
    organisations: Math.max(8, Math.round(articles / 20)),
    places: 200,
    events: Math.max(3, Math.round(articles / 50)),
    tags: TAGS.length,
  };
}

export function buildPools(rng: Rng, articles: number): Pools {
  const sizes = poolSizes(articles);
  const guard = new WordGuard();
  let nextId = 0;

  /** Tries `make` until it yields a name the registry and word guard accept. */
  function create(kind: PoolKind, registry: Registry, make: (attempt: number) => Omit<Entity, 'id' | 'kind' | 'key' | 'slug' | 'aliases' | 'hasFile'> & { slug?: string }): Entity {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const made = make(attempt);
      const key = nameKey(made.name);
      const slug = made.slug ?? slugify(made.name);
      if (!guard.accept(key, made.place?.key)) continue;
      const id = nextId;
      if (!registry.claimName(made.name, slug, id)) continue;
      guard.record(key);
      nextId++;
      const { slug: explicit, ...rest } = made;
      return { ...rest, id, kind, key, slug, explicitSlug: explicit, aliases: [], hasFile: false };
    }
    throw new Error(`could not find a free ${kind} name; the pool is too large for the syllable tables`);
  }

  // Places first: their one-word names constrain everything else.
  const placeRegistry = new Registry();
  const places: Entity[] = [];
  for (let i = 0; i < sizes.places; i++) {
    places.push(
      create('places', placeRegistry, (attempt) => {
        if (i < COUNTRIES.length) return { name: COUNTRIES[i]!, short: COUNTRIES[i]!, script: 'latin' };
        const roll = rng();
        if (roll < 0.12) {
          const name = `${pick(rng, VN_PLACE_PREFIX)} ${pick(rng, VN_GIVEN)}`;
          return { name, short: name, script: 'vi', ascii: foldAscii(name) };
        }
        const base = pick(rng, PLACE_A) + pick(rng, PLACE_B);
        const name = roll < 0.3 || attempt > 50 ? `${pick(rng, PLACE_PREFIX)} ${base}` : base;
        return { name, short: name, script: 'latin' };
      }),
    );
  }
  for (const place of places.slice(COUNTRIES.length)) {
    place.country = pick(rng, COUNTRIES);
    place.region = pick(rng, REGIONS);
  }
  const towns = places.slice(COUNTRIES.length);

  const orgRegistry = new Registry();
  const organisations: Entity[] = [];
  for (let i = 0; i < sizes.organisations; i++) {
    organisations.push(
      create('organisations', orgRegistry, () => {
        const roll = rng();
        if (roll < 0.3) {
          const place = pick(rng, towns);
          return { name: `${place.name} ${pick(rng, PLACE_BODIES)}`, short: '', script: place.script, place };
        }
        if (roll < 0.55) {
          const surname = pick(rng, SURNAME_A) + pick(rng, SURNAME_B);
          const body = pick(rng, SURNAME_BODIES);
          const name = body === 'Institute' ? `${surname} Institute for ${pick(rng, FIELDS)} Studies` : `${surname} ${body}`;
          return { name, short: '', script: 'latin' };
        }
        if (roll < 0.65) return { name: `Ministry of ${pick(rng, FIELDS)}`, short: '', script: 'latin' };
        if (roll < 0.72) return { name: `${pick(rng, PARTY_ADJ)} People's Party`, short: '', script: 'latin' };
        if (roll < 0.82) return { name: `Công ty ${pick(rng, VN_GIVEN)} ${pick(rng, VN_GIVEN)}`, short: '', script: 'vi' };
        return { name: `${pick(rng, COMPANY_ADJ)} ${pick(rng, COMPANY_NOUN)} ${pick(rng, COMPANY_KIND)}`, short: '', script: 'latin' };
      }),
    );
  }
  for (const org of organisations) {
    org.short = `the ${org.name}`;
    if (org.script === 'vi') org.ascii = foldAscii(org.name);
  }

  const peopleRegistry = new Registry();
  const people: Entity[] = [];
  for (let i = 0; i < sizes.people; i++) {
    // About 1% Khmer-script names (one at rank 6, so even a small archive has one), 20%
    // Vietnamese, about 8% with an apostrophe (O'Varrick; one at rank 12).
    const khmer = i % 97 === 5;
    const vietnamese = !khmer && (i % 7 === 3 || i % 13 === 8);
    const apostrophe = i % 17 === 11;
    people.push(
      create('people', peopleRegistry, (attempt) => {
        if (khmer) {
          const [familyKm, familyEn] = pick(rng, KM_FAMILY);
          const [givenKm, givenEn] = pick(rng, KM_GIVEN);
          const extra = attempt > 20 ? pick(rng, KM_GIVEN) : undefined;
          const name = extra ? `${familyKm} ${givenKm}${extra[0]}` : `${familyKm} ${givenKm}`;
          const romanised = extra ? `${familyEn} ${givenEn}${extra[1].toLowerCase()}` : `${familyEn} ${givenEn}`;
          return { name, short: name, script: 'km', slug: slugify(romanised), ascii: romanised };
        }
        if (vietnamese) {
          const given = pick(rng, VN_GIVEN);
          const parts = [pick(rng, VN_FAMILY), pick(rng, VN_MIDDLE)];
          if (attempt > 3 || chance(rng, 0.3)) parts.push(pick(rng, VN_GIVEN));
          parts.push(given);
          const name = parts.join(' ');
          return { name, short: given, script: 'vi', ascii: foldAscii(name) };
        }
        const surname = apostrophe || chance(rng, 0.03) ? pick(rng, APOSTROPHE_SURNAMES) : pick(rng, SURNAME_A) + pick(rng, SURNAME_B);
        const given = pick(rng, GIVEN_A) + pick(rng, GIVEN_B);
        const middle = attempt > 30 ? ` ${pick(rng, GIVEN_A)}${pick(rng, GIVEN_B)}` : '';
        return { name: `${given}${middle} ${surname}`, short: surname, script: 'latin' };
      }),
    );
  }
  for (const person of people) {
    const template = pick(rng, ROLES);
    person.role = template
      .replace('{field}', pick(rng, FIELDS))
      .replace('{place}', pick(rng, towns).name)
      .replace('{org}', pick(rng, organisations).name);
  }

  const eventRegistry = new Registry();
  const events: Entity[] = [];
  for (let i = 0; i < sizes.events; i++) {
    events.push(
      create('events', eventRegistry, () => {
        const start = int(rng, 0, DAYS - 12);
        const place = pick(rng, towns);
        return { name: `${yearOfDay(start)} ${place.name} ${pick(rng, EVENT_NOUNS)}`, short: '', script: place.script, place, start, end: start + int(rng, 0, 9) };
      }),
    );
  }
  for (const event of events) event.short = `the ${event.name}`;
  const eventsByDay = [...events].sort((a, b) => a.start! - b.start! || a.id - b.id);

  const tags: Entity[] = TAGS.map((name, i) => ({ id: nextId + i, kind: 'tags', name, key: nameKey(name), slug: slugify(name), aliases: [], hasFile: false, short: name, script: 'latin' }));

  // Entity files: the ten most covered of each kind, every Khmer name, and about 30% of the rest.
  const registries: Record<string, Registry> = { people: peopleRegistry, organisations: orgRegistry, places: placeRegistry, events: eventRegistry };
  for (const list of [people, organisations, places, events]) {
    list.forEach((entity, rank) => {
      entity.hasFile = rank < 10 || entity.script === 'km' || chance(rng, 0.3);
      if (!entity.hasFile) return;
      const registry = registries[entity.kind]!;
      for (const alias of aliasCandidates(rng, entity)) {
        const key = nameKey(alias);
        if (key.split(' ').length === 1 && !guard.accept(key)) continue;
        if (!registry.claimAlias(alias, entity)) continue;
        guard.record(key);
        entity.aliases.push(alias);
        if (entity.kind === 'organisations' && alias === abbreviate(entity.name)) {
          entity.abbreviation = alias;
          entity.short = alias;
        }
      }
    });
  }
  return { people, organisations, places, events, tags, eventsByDay };
}

function foldAscii(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Initials of the significant words: `Quillfeather Institute for Tidal Affairs Studies` → `QITAS`. */
function abbreviate(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function aliasCandidates(rng: Rng, entity: Entity): string[] {
  const out: string[] = [];
  switch (entity.kind) {
    case 'people':
      if (entity.script === 'km') out.push(entity.ascii!);
      else if (entity.script === 'vi') out.push(entity.ascii!);
      else if (chance(rng, 0.6)) out.push(`${pick(rng, TITLES)} ${entity.name}`);
      break;
    case 'organisations': {
      const abbreviation = abbreviate(entity.name);
      if (abbreviation.length >= 3) out.push(abbreviation);
      if (entity.ascii) out.push(entity.ascii);
      break;
    }
    case 'places':
      if (entity.ascii) out.push(entity.ascii);
      else if (chance(rng, 0.3)) out.push(`Greater ${entity.name}`);
      break;
    case 'events':
      break;
    case 'tags':
      break;
  }
  return out;
}
