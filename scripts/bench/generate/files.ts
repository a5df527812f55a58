/**
 * The files of the synthetic archive: entity files, and each article's frontmatter and body.
 */
import { ENTITY_KINDS } from '../../../src/archive/kinds.ts';
import type { Pools } from './pools.ts';
import { chance, int, pick, zipfDistinct, type Rng } from './random.ts';
import type { Entity } from './registry.ts';
import { DAYS, capitalise, flowList, isoDay, q, withArticle, yearOfDay } from './text.ts';
import { AFTER_QUOTE, CLAUSES, FILLER, GIVEN_A, GIVEN_B, GROUPS, HEADINGS, HEADLINE_AFTER, HEADLINE_OBJECTS, HEADLINE_VERBS, HEADLINE_VERBS_PLURAL, LIST_INTROS, LIST_ITEMS, NOUN_PHRASES, QUOTES, SOURCES, SURNAME_A, SURNAME_B, THINGS, TIMES, VERBS_PAST } from './words.ts';

export function entityFile(entity: Entity, rng: Rng): string {
  const lines = ['---', `name: ${q(entity.name)}`];
  if (entity.explicitSlug) lines.push(`slug: ${entity.explicitSlug}`);
  lines.push(entity.aliases.length ? `aliases:\n${entity.aliases.map((a) => `  - ${q(a)}`).join('\n')}` : 'aliases: []');
  let description = '';
  switch (entity.kind) {
    case 'people':
      lines.push(`role: ${q(entity.role!)}`);
      description = `${entity.name} is ${withArticle(entity.role!)}. ${capitalise(pick(rng, NOUN_PHRASES))} has been a recurring subject of their public statements.`;
      break;
    case 'organisations':
      if (entity.abbreviation) lines.push(`abbreviation: ${q(entity.abbreviation)}`);
      description = `The ${entity.name} was founded in ${int(rng, 1890, 2005)}. It is often quoted on ${pick(rng, NOUN_PHRASES)}.`;
      break;
    case 'places':
      if (entity.country) lines.push(`country: ${q(entity.country)}`);
      if (entity.region) lines.push(`region: ${q(entity.region)}`);
      description = entity.country
        ? `${entity.name} lies in ${entity.region} and has about ${int(rng, 2, 400)} thousand inhabitants.`
        : `${entity.name} is one of the five countries this archive covers.`;
      break;
    case 'events':
      lines.push(`start: ${isoDay(entity.start!)}`, `end: ${isoDay(entity.end!)}`, `location: ${q(entity.place!.name)}`);
      description = `The ${entity.name} lasted ${entity.end! - entity.start! + 1} day${entity.end === entity.start ? '' : 's'}.`;
      break;
    case 'tags':
      break;
  }
  lines.push('---', description, '');
  return lines.join('\n');
}

interface Tagged {
  people: Entity[];
  organisations: Entity[];
  places: Entity[];
  events: Entity[];
  tags: Entity[];
}

/** Builds one article's text: frontmatter and a 400–900-word body that mentions what it tags. */
class ArticleWriter {
  private readonly parts: string[] = [];
  private words = 0;
  /** Entities mentioned once already, referred to by their short form afterwards. */
  private readonly mentioned = new Set<Entity>();

  private readonly rng: Rng;
  private readonly day: number;

  constructor(rng: Rng, day: number) {
    this.rng = rng;
    this.day = day;
  }

  private add(text: string): void {
    this.parts.push(text);
    let n = 0;
    for (let i = 0, inWord = false; i < text.length; i++) {
      const space = text.charCodeAt(i) <= 32;
      if (!space && !inWord) n++;
      inWord = !space;
    }
    this.words += n;
  }

  get wordCount(): number {
    return this.words;
  }

  /** The name on first mention, the short form after (Quillfeather; Thử; the Ministry; QITAS). */
  ref(entity: Entity): string {
    if (!this.mentioned.has(entity)) {
      this.mentioned.add(entity);
      if (entity.ascii && entity.script === 'vi' && this.rng() < 0.1) return entity.ascii;
      return entity.kind === 'organisations' || entity.kind === 'events' ? `the ${entity.name}` : entity.name;
    }
    return entity.short;
  }

  fill(template: string): string {
    const rng = this.rng;
    const year = yearOfDay(this.day);
    return template
      .replace('{time}', pick(rng, TIMES))
      .replace('{noun}', pick(rng, NOUN_PHRASES))
      .replace('{group}', pick(rng, GROUPS))
      .replace('{thing}', pick(rng, THINGS))
      .replace('{year}', String(year - int(rng, 3, 8)))
      .replace('{year2}', String(year - int(rng, 1, 2)))
      .replace('{n}', String(int(rng, 2, 900)))
      .replace('{k}', String(int(rng, 2, 12)));
  }

  paragraph(sentences: string[]): void {
    this.add(`${sentences.join(' ')}\n\n`);
  }

  filler(count: number): string[] {
    return Array.from({ length: count }, () => this.fill(pick(this.rng, FILLER)));
  }

  quote(person: Entity): string {
    const rng = this.rng;
    const text = pick(rng, QUOTES);
    const who = this.ref(person);
    switch (int(rng, 0, 5)) {
      case 0:
        return `"${text}," ${who} said.`;
      case 1:
        return `“${text},” ${who} said.`;
      case 2:
        return `${who} told reporters: "${text}."`;
      case 3:
        return `“${text}…” ${who} said, ${pick(rng, AFTER_QUOTE)}.`;
      case 4:
        return `"${text}. ${pick(rng, QUOTES)}," said ${who}.`;
      default:
        return `"${text}..." ${who} said, ${pick(rng, AFTER_QUOTE)}.`;
    }
  }

  mention(entity: Entity): string {
    const rng = this.rng;
    if (entity.kind === 'people' && chance(rng, 0.7)) return this.quote(entity);
    const who = this.ref(entity);
    switch (entity.kind) {
      case 'people':
        return `${capitalise(who)} ${pick(rng, VERBS_PAST)} ${pick(rng, NOUN_PHRASES)} ${pick(rng, TIMES)}, ${pick(rng, CLAUSES)}.`;
      case 'organisations':
        return chance(rng, 0.5)
          ? `A spokesperson for ${who} declined to comment on ${pick(rng, NOUN_PHRASES)}.`
          : `In a statement, ${who} said it had ${pick(rng, VERBS_PAST)} ${pick(rng, NOUN_PHRASES)}.`;
      case 'places':
        return `In ${who}, ${this.fill(pick(rng, FILLER)).replace(/^./, (c) => c.toLowerCase())}`;
      case 'events':
        return `Memories of ${who} still shape the debate over ${pick(rng, NOUN_PHRASES)}.`;
      case 'tags':
        return '';
    }
  }

  heading(text: string, depth = 2): void {
    this.add(`${'#'.repeat(depth)} ${text}\n\n`);
  }

  list(): void {
    const rng = this.rng;
    const count = int(rng, 3, 5);
    const start = int(rng, 0, LIST_ITEMS.length - 1);
    const items = Array.from({ length: count }, (_, i) => LIST_ITEMS[(start + i) % LIST_ITEMS.length]!);
    const ordered = chance(rng, 0.3);
    this.add(`${pick(rng, LIST_INTROS)}\n\n`);
    this.add(`${items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${capitalise(item)}`).join('\n')}\n\n`);
  }

  blockQuote(person: Entity | undefined): void {
    const rng = this.rng;
    const body = `> ${pick(rng, QUOTES)}. ${pick(rng, QUOTES)}.`;
    this.add(person ? `${body}\n>\n> — ${this.ref(person)}\n\n` : `${body}\n\n`);
  }

  link(org: Entity | undefined, slug: string): string {
    const rng = this.rng;
    const year = yearOfDay(this.day);
    if (org) return `According to [a report published by the ${org.name}](https://example.org/reports/${slug}-${year}), ${this.fill(pick(rng, FILLER)).replace(/^./, (c) => c.toLowerCase())}`;
    return `The [full text of the proposal](https://example.com/documents/${year}/${int(rng, 1000, 9999)}) runs to ${int(rng, 20, 300)} pages.`;
  }

  toString(): string {
    return this.parts.join('');
  }
}

export function headline(rng: Rng, tagged: Tagged): string {
  const p = tagged.people[0];
  const p2 = tagged.people[1];
  const o = tagged.organisations[0];
  const l = tagged.places[0];
  const object = pick(rng, HEADLINE_OBJECTS);
  const roll = rng();
  if (roll < 0.15 && p && p2) return `${p.name} and ${p2.name} ${pick(rng, HEADLINE_VERBS_PLURAL)} ${object}`;
  if (roll < 0.3 && o && l) return `${o.name} ${pick(rng, HEADLINE_VERBS)} ${object} in ${l.name}`;
  if (roll < 0.42 && p) return `"${pick(rng, QUOTES)}", says ${p.name}`;
  if (roll < 0.52 && o) return `${o.name}'s ${object} ${pick(rng, HEADLINE_AFTER)}`;
  if (roll < 0.62 && l) return `${l.name}: ${capitalise(object)} ${pick(rng, HEADLINE_AFTER)}`;
  if (p) return `${p.name} ${pick(rng, HEADLINE_VERBS)} ${object} ${pick(rng, HEADLINE_AFTER)}`;
  return `${capitalise(object)} ${pick(rng, HEADLINE_AFTER)}`;
}

export function pickTagged(rng: Rng, pools: Pools, tables: Record<'people' | 'organisations' | 'places' | 'tags', Float64Array>, day: number): Tagged {
  const people = zipfDistinct(rng, tables.people, int(rng, 1, 5)).map((r) => pools.people[r]!);
  const organisations = zipfDistinct(rng, tables.organisations, int(rng, 0, 3)).map((r) => pools.organisations[r]!);
  const places = zipfDistinct(rng, tables.places, int(rng, 1, 2)).map((r) => pools.places[r]!);
  const tags = zipfDistinct(rng, tables.tags, int(rng, 1, 3)).map((r) => pools.tags[r]!);
  const events: Entity[] = [];
  if (chance(rng, 0.6)) {
    const near = eventsNear(pools.eventsByDay, day, 45);
    if (near.length > 0) events.push(pick(rng, near));
  }
  // An organisation or event named after a place is about that place: tag it too, so a body that
  // names "the Vellmar Harbour Authority" tags Vellmar.
  for (const entity of [...organisations, ...events]) if (entity.place && !places.includes(entity.place)) places.push(entity.place);
  return { people, organisations, places, events, tags };
}

function eventsNear(sorted: readonly Entity[], day: number, window: number): Entity[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start! < day - window) lo = mid + 1;
    else hi = mid;
  }
  const out: Entity[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start! <= day + window; i++) out.push(sorted[i]!);
  return out;
}

/** How the frontmatter spells a tagged entity: usually its name, sometimes an alias or ASCII form. */
function spelling(rng: Rng, entity: Entity): string {
  if (entity.hasFile && entity.aliases.length > 0 && chance(rng, 0.1)) return pick(rng, entity.aliases);
  if (entity.ascii && entity.script === 'vi' && chance(rng, 0.05)) return entity.ascii;
  return entity.name;
}

export function articleText(rng: Rng, day: number, tagged: Tagged, title: string, slug: string): string {
  const date = isoDay(day);
  const fm = ['---', `title: ${q(title)}`, `date: ${date}`];
  if (chance(rng, 0.1)) fm.push(`updated: ${isoDay(Math.min(day + int(rng, 1, 3), DAYS - 1))}`);
  const w = new ArticleWriter(rng, day);
  const lead = tagged.people[0];
  const leadOrg = tagged.organisations[0];
  const place = tagged.places[0]!;

  // Lead paragraph: first person, place, and a clause; also the article's summary when it has none.
  const leadSentence = lead
    ? `${w.ref(lead)} ${pick(rng, VERBS_PAST)} ${pick(rng, NOUN_PHRASES)} in ${w.ref(place)} ${pick(rng, TIMES)}, ${pick(rng, CLAUSES)}.`
    : `Officials in ${w.ref(place)} ${pick(rng, VERBS_PAST)} ${pick(rng, NOUN_PHRASES)} ${pick(rng, TIMES)}, ${pick(rng, CLAUSES)}.`;
  if (chance(rng, 0.4)) fm.push(`summary: ${q(leadSentence)}`);
  fm.push(`source: ${q(pick(rng, SOURCES))}`);
  if (chance(rng, 0.7)) fm.push(`author: ${q(`${pick(rng, GIVEN_A)}${pick(rng, GIVEN_B)} ${pick(rng, SURNAME_A)}${pick(rng, SURNAME_B)}`)}`);
  if (chance(rng, 0.2)) fm.push(`url: ${q(`https://example.org/news/${slug}`)}`);
  for (const kind of ENTITY_KINDS) {
    const list = tagged[kind];
    if (list.length > 0) fm.push(`${kind}: ${flowList(list.map((e) => spelling(rng, e)))}`);
  }
  fm.push('---', '');

  w.paragraph([leadSentence, ...w.filler(int(rng, 1, 2))]);

  // Every tagged entity is mentioned in the body; they are spread over the sections.
  const queue: Entity[] = [...tagged.people, ...tagged.organisations, ...tagged.places.slice(1), ...tagged.events];
  const second = tagged.people[1] ?? lead;
  if (second) w.paragraph([w.quote(second), ...w.filler(int(rng, 1, 2))]);

  const target = int(rng, 380, 820);
  const start = int(rng, 0, HEADINGS.length - 1);
  const sectionCount = int(rng, 2, 4);
  const features = ['list', 'blockquote', 'link', 'link-plain'];
  for (let s = 0; s < sectionCount || w.wordCount < target; s++) {
    if (s < sectionCount) w.heading(HEADINGS[(start + s) % HEADINGS.length]!, s > 0 && chance(rng, 0.15) ? 3 : 2);
    const sentences: string[] = [];
    const take = Math.max(1, Math.ceil(queue.length / Math.max(1, sectionCount - s)));
    for (const entity of queue.splice(0, take)) sentences.push(w.mention(entity));
    sentences.push(...w.filler(int(rng, 2, 4)));
    w.paragraph(sentences);
    const feature = features[s % features.length];
    if (s < sectionCount) {
      if (feature === 'list') w.list();
      else if (feature === 'blockquote') w.blockQuote(tagged.people[s % Math.max(1, tagged.people.length)]);
      else if (feature === 'link') w.paragraph([w.link(leadOrg, slug)]);
      else w.paragraph([w.link(undefined, slug)]);
    }
    if (tagged.people.length > 0 && chance(rng, 0.6)) w.paragraph([w.quote(pick(rng, tagged.people)), ...w.filler(int(rng, 1, 3))]);
    else w.paragraph(w.filler(int(rng, 2, 5)));
    if (s >= 1 && queue.length === 0 && w.wordCount >= target) break;
  }
  return `${fm.join('\n')}${w.toString().trimEnd()}\n`;
}
