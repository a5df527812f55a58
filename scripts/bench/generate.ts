/**
 * A synthetic news archive for the benchmark: deterministic for a seed, fictional throughout, and
 * shaped like a real one.
 *
 * - Articles spread over 15 years (2011–2025), 400–900 words each, with headings, lists, links,
 *   block quotes, direct quotations ("…," Mara Quillfeather said. / “…,” …) and mentions of every
 *   entity the frontmatter tags.
 * - People and organisations are drawn with a Zipf-like spread (weight 1/rank), so a few appear in a
 *   large share of the articles, as the head of government does in a real archive.
 * - Names come from syllable tables: English-looking invented names (some with apostrophes:
 *   O'Varrick), Vietnamese-pattern names with diacritics (Nguyễn Văn Thử) and, for about 1% of
 *   people, names in Khmer script with an ASCII `slug:` in their entity file.
 * - About 30% of entities (and always the most covered and the Khmer-named) get an entity file
 *   with aliases, a role or other facts, and a description.
 *
 * The generator keeps the content valid for the real build: no two entities of a kind share a
 * name key (names.ts) or a slug (slug.ts), no alias is another entity's name, no two names of a
 * kind are one edit apart (the engine warns about those as probable misspellings), and a body
 * names only entities its frontmatter tags (the engine warns about the others).
 *
 * Generation streams: entity pools are held in memory (a few thousand names), each article is
 * built and written on its own, so 50,000 articles need no more memory than 500.
 *
 * Pure apart from the files it writes: a seeded PRNG (mulberry32), no Math.random, no clock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey } from '../../src/archive/names.ts';
import { slugify } from '../../src/archive/slug.ts';

export interface GenerateOptions {
  /** Number of articles; default 1,000. */
  articles?: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Called every `progressEvery` articles with the number written so far. */
  onProgress?: (written: number) => void;
  progressEvery?: number;
}

export type PoolKind = 'people' | 'organisations' | 'places' | 'events' | 'tags';

export interface GeneratedArchive {
  /** The archive folder (the value for ARCHIVE_CONTENT). */
  contentDir: string;
  articles: number;
  /** Entity files written, by kind. */
  entityFiles: Record<Exclude<PoolKind, 'tags'>, number>;
  /** Size of each entity pool (names articles may tag), by kind. */
  pools: Record<PoolKind, number>;
  /** People named in Khmer script. */
  khmerPeople: number;
  /** Files and bytes written in all. */
  files: number;
  bytes: number;
  /** An article in the middle of the archive, for edit-and-rebuild measurements. */
  sampleArticle: string;
  /** The most-covered person (rank 1) and the number of articles that tag them. */
  topPerson: { name: string; articles: number };
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Cumulative weights 1/(rank+1)^s, for Zipf-like draws by binary search. */
function zipfTable(size: number, s: number): Float64Array {
  const cdf = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) {
    total += 1 / Math.pow(r + 1, s);
    cdf[r] = total;
  }
  for (let r = 0; r < size; r++) cdf[r] = cdf[r]! / total;
  return cdf;
}

function zipfDraw(rng: Rng, cdf: Float64Array): number {
  const u = rng();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Up to `count` distinct ranks. */
function zipfDistinct(rng: Rng, cdf: Float64Array, count: number): number[] {
  const chosen: number[] = [];
  for (let tries = 0; chosen.length < Math.min(count, cdf.length) && tries < count * 8; tries++) {
    const r = zipfDraw(rng, cdf);
    if (!chosen.includes(r)) chosen.push(r);
  }
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Word tables. Everything is invented; places, currencies and publications too.

const GIVEN_A = ['Ma', 'Te', 'Ro', 'Ve', 'Al', 'Is', 'Co', 'Bre', 'Da', 'El', 'Fe', 'Ga', 'Ha', 'Ili', 'Jo', 'Ka', 'Li', 'Mo', 'Ne', 'Or', 'Pe', 'Qui', 'Sa', 'Ta', 'Ul', 'Wy', 'Yo', 'Ze', 'Ce', 'Bo', 'Lu', 'Ny'];
const GIVEN_B = ['ra', 'bin', 'wen', 'lia', 'rick', 'dor', 'nna', 'sset', 'mir', 'lo', 'ric', 'tta', 'vin', 'nor', 'dra', 'mon', 'ssa', 'lan', 'bel', 'dric', 'nwe', 'rys', 'phine', 'tho'];
const SURNAME_A = ['Quill', 'Ash', 'Bram', 'Copper', 'Dun', 'Ember', 'Fern', 'Gloam', 'Hollow', 'Iron', 'Juniper', 'Kettle', 'Lark', 'Marrow', 'Nettle', 'Oak', 'Pike', 'Rook', 'Salt', 'Thistle', 'Umber', 'Wren', 'Yarrow', 'Birch', 'Cinder', 'Drift', 'Fallow', 'Gorse', 'Heron', 'Loam', 'Moss', 'Pebble', 'Quarry', 'Reed', 'Sorrel', 'Tansy', 'Willow', 'Bracken', 'Clover', 'Harrow'];
const SURNAME_B = ['feather', 'wick', 'more', 'stone', 'brook', 'field', 'ridge', 'vane', 'worth', 'combe', 'well', 'mantle', 'thorne', 'wood', 'ley', 'ford', 'gate', 'bury', 'shaw', 'croft'];
const APOSTROPHE_SURNAMES = ["O'Varrick", "D'Amberly", "O'Enthal", "D'Arcenne", "O'Hallor", "D'Orrin", "O'Ulvane", "D'Essany", "O'Ivers", "D'Avenor", "O'Brannagh", "D'Ysolde"];
const TITLES = ['Dr', 'Professor', 'Judge', 'Captain', 'Councillor', 'Deputy'];

const VN_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lâm', 'Mai'];
const VN_MIDDLE = ['Văn', 'Thị', 'Đình', 'Minh', 'Quang', 'Thanh', 'Hữu', 'Ngọc', 'Xuân', 'Đức', 'Kim', 'Bảo'];
const VN_GIVEN = ['Thử', 'Lượm', 'Khuê', 'Vỹ', 'Tường', 'Quỳnh', 'Diệp', 'Hạnh', 'Khải', 'Lộc', 'Nhã', 'Phượng', 'Sương', 'Thắm', 'Uyên', 'Yến', 'Đạt', 'Cường', 'Duẩn', 'Giao', 'Hiển', 'Kiều', 'Luân', 'Mẫn', 'Ngạn', 'Oanh', 'Quế', 'Sỹ', 'Tạo', 'Xoan', 'Chinh', 'Dũng', 'Khánh', 'Nguyệt', 'Thiều', 'Vịnh', 'Lựu', 'Sảng', 'Ước', 'Thơm'];

/** Khmer syllables with a romanisation, for names written in Khmer script. */
const KM_FAMILY: readonly [string, string][] = [
  ['កែវ', 'Keo'], ['ជា', 'Chea'], ['ឈឹម', 'Chhim'], ['ម៉ៅ', 'Mao'], ['ពេជ្រ', 'Pich'], ['សៀង', 'Sieng'],
  ['ទេព', 'Tep'], ['យឹម', 'Yim'], ['ឡុង', 'Long'], ['ឃាង', 'Kheang'], ['នួន', 'Nuon'], ['អ៊ុក', 'Ouk'],
];
const KM_GIVEN: readonly [string, string][] = [
  ['សុខ', 'Sok'], ['ចាន់', 'Chan'], ['ដារ៉ា', 'Dara'], ['សុភា', 'Sophea'], ['វណ្ណា', 'Vanna'], ['រតនា', 'Ratana'],
  ['បុប្ផា', 'Bopha'], ['គឹម', 'Kim'], ['ស្រីពៅ', 'Sreypov'], ['ធីតា', 'Thida'], ['សំណាង', 'Samnang'], ['វិចិត្រ', 'Vichet'],
  ['សុវណ្ណ', 'Sovann'], ['មុនី', 'Mony'], ['រស្មី', 'Reaksmey'], ['ចិន្តា', 'Chenda'], ['ណារី', 'Neary'], ['ពិសិដ្ឋ', 'Piseth'],
  ['សម្បត្តិ', 'Sambath'], ['ឧត្តម', 'Oudom'], ['កញ្ញា', 'Kanha'], ['វាសនា', 'Veasna'], ['សុផល', 'Sophal'], ['ឧស្សាហ៍', 'Ousa'],
];

const COUNTRIES = ['Orrinmark', 'Valdesse', 'Caldria', 'Norvane', 'Ostrelle'];
const PLACE_A = ['Vell', 'Isk', 'Thann', 'Orr', 'Brae', 'Call', 'Dorr', 'Esk', 'Farr', 'Gill', 'Hall', 'Kess', 'Lir', 'Morr', 'Nann', 'Pell', 'Quen', 'Ross', 'Sill', 'Torr', 'Vard', 'Wenn', 'Yarr', 'Zell', 'Aber', 'Carr', 'Dell', 'Fenn', 'Garr', 'Lorr'];
const PLACE_B = ['mar', 'ford', 'holm', 'mouth', 'dale', 'haven', 'port', 'stead', 'gard', 'ness', 'by', 'wick', 'ton', 'moor', 'strand'];
const PLACE_PREFIX = ['Upper', 'Lower', 'North', 'South', 'Port', 'Old'];
const VN_PLACE_PREFIX = ['Bến', 'Làng', 'Cửa', 'Bãi', 'Xóm'];
const REGIONS = ['the Salt Coast', 'the Lantern Hills', 'the Orrin Basin', 'the Northern Marches', 'the Tidewater Delta', 'the Cinder Plateau'];

const FIELDS = ['Tidal Affairs', 'Lantern Works', 'Salt Roads', 'Ferries and Canals', 'Harvest Reserves', 'Coastal Defence', 'Public Archives', 'River Health', 'Weights and Measures', 'Night Markets', 'Bridges', 'Seed Banks', 'Wind and Weather', 'Fisheries', 'Schools', 'Labour', 'Heritage', 'Water', 'Forests', 'Railways'];
const PLACE_BODIES = ['Harbour Authority', 'Chamber of Commerce', 'Ferry Cooperative', "Growers' Union", "Weavers' Guild", 'City Council', 'Water Board', 'Rowing Club', 'Lantern Society', 'Teachers Association', 'Port Trust', 'Fire Brigade'];
const SURNAME_BODIES = ['Foundation', 'Trust', 'Institute', 'Observatory', 'Conservatory'];
const PARTY_ADJ = ['Lantern', 'Tideline', 'Granary', 'Open Road', 'Copperleaf', 'Riverbank', 'Salt Meadow', 'Harbour Light', 'Stonebridge', 'Long Field'];
const COMPANY_ADJ = ['Northern', 'Amber', 'Silver', 'Cobalt', 'Harbourside', 'Tidewater', 'Saltmarsh', 'Greyfleet', 'Bluewater', 'Highgate'];
const COMPANY_NOUN = ['Shipping', 'Rail', 'Mills', 'Textiles', 'Canning', 'Power', 'Telegraph', 'Salt', 'Glassworks', 'Ropeworks'];
const COMPANY_KIND = ['Company', 'Group', 'Holdings', 'Works'];
const EVENT_NOUNS = ['harbour strike', 'lantern festival', 'flood', 'grain summit', 'ferry disaster', 'by-election', 'salt march', 'trade fair', 'census', 'bridge opening', 'regatta', 'drought', 'rail strike', 'peace talks', 'water referendum', 'storm surge', 'book fair', 'dock fire'];

const TAGS = [
  'diplomacy', 'trade', 'elections', 'fisheries', 'shipping', 'weather', 'courts', 'health', 'education', 'transport',
  'energy', 'agriculture', 'culture', 'sport', 'labour', 'housing', 'budget', 'corruption', 'environment', 'science',
  'technology', 'tourism', 'religion', 'crime', 'defence', 'migration', 'water', 'infrastructure', 'media', 'arts',
  'heritage', 'finance', 'banking', 'markets', 'mining', 'forestry', 'ports', 'railways', 'aviation', 'telecoms',
  'censorship', 'protest', 'parliament', 'local government', 'public health', 'floods', 'drought', 'festivals', 'obituaries', 'interviews',
  'analysis', 'opinion', 'investigations', 'human rights', 'land rights', 'customs', 'taxation', 'pensions', 'statistics', 'archaeology',
];

const ROLES = ['Minister of {field}', 'Mayor of {place}', 'Spokesperson for the {org}', 'Director of the {org}', 'Harbour master at {place}', 'Economist', 'Union organiser', 'Opposition deputy', 'Judge of the Coastal Court', 'Ferry captain', 'Schoolteacher in {place}', 'Fisheries inspector', 'Novelist', 'Archivist', 'Chair of the {org}'];
const SOURCES = ['The Harbour Ledger', 'Morning Lantern', 'The Tideline Review', 'Northern Packet', 'The Salt Road Gazette', 'Báo Sương Mai', 'The Weekly Ferryman'];

const HEADLINE_VERBS = ['pledges', 'rejects', 'defends', 'unveils', 'questions', 'backs', 'delays', 'revives', 'scraps', 'expands', 'halts', 'reviews'];
const HEADLINE_VERBS_PLURAL = ['pledge', 'reject', 'defend', 'unveil', 'question', 'back', 'delay', 'revive', 'scrap', 'expand', 'halt', 'review'];
const HEADLINE_OBJECTS = ['new harbour levy', 'plan to dredge the salt flats', 'ferry subsidy', 'lantern tax', 'grain reserve', 'coastal road', 'tram line extension', 'fishing quotas', 'school calendar reform', 'water tariff', 'bridge tolls', 'archive budget', 'market charter', 'flood barrier', 'wind farm tender', 'night-ferry service', 'pension reform', 'dock workers’ contract', 'census count', 'rail timetable'];
const HEADLINE_AFTER = ['after weeks of talks', 'amid protests', 'despite objections', 'as costs rise', 'after storm damage', 'ahead of the vote', 'in surprise move'];

const NOUN_PHRASES = ['the harbour levy', 'the ferry timetable', 'the grain reserve', 'the salt tax', 'the lantern subsidy', 'the river dredging plan', 'the coastal road', 'the new tram line', 'the fishing quota', 'the school calendar', 'the water tariff', 'the bridge tolls', 'the archive budget', 'the census count', 'the market charter', "the dock workers' contract", 'the flood barrier', 'the wind farm tender', 'the night-ferry service', 'the pension reform'];
const VERBS_PAST = ['announced', 'defended', 'outlined', 'rejected', 'welcomed', 'criticised', 'unveiled', 'questioned', 'postponed', 'approved', 'revised', 'challenged'];
const TIMES = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'over the weekend', 'late on Sunday', 'earlier this week', 'this morning', 'after weeks of talks'];
const CLAUSES = ['ending months of uncertainty', 'despite objections from local traders', 'in a move that surprised observers', 'as pressure mounted from the opposition', "after a review of last year's accounts", 'citing rising costs along the coast', 'with little warning to the families affected', 'to applause from the public gallery'];
const GROUPS = ['small traders', 'ferry crews', 'families on the outer islands', 'pensioners', 'night-shift workers', 'farmers in the river valleys', 'students', 'the fishing fleet', 'market porters', 'lighthouse keepers'];
const THINGS = ['shorter queues at the quay', 'a fall in winter prices', 'new jobs in the boatyards', 'cleaner water in the estuary', 'two new schools', 'a busier night market', 'longer opening hours at the archive'];
const QUOTES = [
  'We have listened carefully and we will act', 'This is not the end of the matter', 'Nobody in this city should have to wait three years for a ferry',
  'The numbers speak for themselves', 'We are ready to talk, but not at any price', 'I have never seen the quay this quiet',
  'People are tired of promises', 'It is a fair deal for everyone on the coast', 'We will take this to the courts if we must',
  'There is still time to get this right', 'My grandmother sold salt on this street, and so did hers', 'Nobody asked us',
  'The plan is sound, the money is there, and the work starts in spring', 'We cannot dredge our way out of a storm',
  'Every family will feel this in their pocket', 'This is a good day for the harbour', 'I would ask the minister to come and see for himself',
  'We expected more, frankly', 'It is too early to say what went wrong', 'The lanterns will be lit again next year',
];
const AFTER_QUOTE = ['leaving the hall without taking questions', 'adding that talks would resume next week', 'before the meeting broke up', 'to cheers from the crowd'];
const LIST_ITEMS = ['a new ferry berth at the north quay', 'two additional harbour inspectors', 'a review of toll charges', 'free lantern permits for the first year', 'a fund for repairs to the sea wall', 'longer hours at the night market', 'a public register of dredging contracts', 'an independent audit of the grain reserve', 'a hotline for ferry complaints', 'tree planting along the coastal road', 'a ban on night trawling near the estuary', 'a new bus route to the outer villages'];
const HEADINGS = ['Background', 'What happens next', 'Reaction', 'The numbers', 'A long dispute', 'Local concerns', 'Costs and benefits', 'What critics say', 'The road ahead', 'In the courts', 'Voices from the quay', 'Timeline', 'How we got here', 'The view from the market'];
const LIST_INTROS = ['The plan includes:', 'Among the measures announced:', 'The proposals cover:'];
/** The fixed words of the body sentences below (ArticleWriter), for the vocabulary check. */
const BODY_PHRASES = [
  'said told reporters said before', 'A spokesperson for declined to comment on', 'In a statement said it had', 'In Officials in',
  'Memories of still shape the debate over', 'According to a report published by the', 'The full text of the proposal runs to pages',
  'per cent million thousand hundred crowns',
];
const FILLER = [
  'Figures published {time} show {noun} cost {n} million crowns last year, {k} per cent more than planned.',
  'Officials said the work would take {k} years and employ about {n} people.',
  'Critics argue that {noun} has done little for {group}, while supporters point to {thing}.',
  'The council is expected to vote on {noun} before the end of the month.',
  'Similar proposals were shelved in {year} and again in {year2}.',
  'Residents interviewed along the waterfront were divided.',
  'Some said they welcomed {noun}; others worried about {group}.',
  'The debate has grown sharper since {noun} was first proposed {k} years ago.',
  'Independent economists estimate the change could save {n} million crowns over a decade.',
  'The opposition has called for a public inquiry into {noun}.',
  'Trade figures for the quarter are due {time}.',
  'Turnout at the public meeting was the highest in {k} years, according to the organisers.',
  'A petition against {noun} has gathered more than {n} thousand signatures.',
  'The plans were published in full {time}, running to {n} pages.',
  'Storms in {year} damaged much of the old sea wall, and repairs are still unfinished.',
  'For {group}, the question is less what the plan says than when it will arrive.',
  'The minutes of the meeting, seen by this newspaper, record a long and at times heated discussion.',
  'No date has been set for a final decision.',
  'Prices at the fish market have risen for {k} consecutive months.',
  'The proposal would also change how {noun} is paid for, shifting costs from households to shipping firms.',
];

// ---------------------------------------------------------------------------------------------
// Names and the registry that keeps them apart

/** Words the templates use: a one-word name or alias must not be one of them (lower case, folded). */
const VOCABULARY = new Set(
  [
    ...FILLER, ...QUOTES, ...AFTER_QUOTE, ...LIST_ITEMS, ...HEADINGS, ...NOUN_PHRASES, ...VERBS_PAST, ...TIMES,
    ...CLAUSES, ...GROUPS, ...THINGS, ...TITLES, ...EVENT_NOUNS, ...FIELDS, ...PLACE_BODIES, ...SURNAME_BODIES,
    ...BODY_PHRASES, ...LIST_INTROS,
  ].flatMap((text) => nameKey(text).split(' ')),
);

/** Matches near-duplicates.ts: names shorter than this are never compared. */
const NEAR_MIN_LENGTH = 6;

interface Entity {
  id: number;
  kind: PoolKind;
  name: string;
  key: string;
  slug: string;
  /** Set when the slug is not slugify(name): Khmer names. */
  explicitSlug?: string;
  aliases: string[];
  hasFile: boolean;
  /** How the body refers to it after the first mention: a surname, a given name, an abbreviation. */
  short: string;
  /** A plain-ASCII spelling articles may use instead of the name (folded Vietnamese). */
  ascii?: string;
  /** The place named inside an organisation's or event's name, tagged with it. */
  place?: Entity;
  role?: string;
  abbreviation?: string;
  country?: string;
  region?: string;
  start?: number;
  end?: number;
  script: 'latin' | 'vi' | 'km';
}

/** Per kind: claimed name keys, slugs and one-deletion variants (for near-duplicate checks). */
class Registry {
  readonly keys = new Set<string>();
  readonly slugs = new Set<string>();
  private readonly variants = new Map<string, number>();

  private nearOwner(key: string, owner: number): boolean {
    if (key.length < NEAR_MIN_LENGTH) return false;
    for (const variant of deletions(key)) {
      const other = this.variants.get(variant);
      if (other !== undefined && other !== owner) return true;
    }
    return false;
  }

  private addVariants(key: string, owner: number): void {
    if (key.length < NEAR_MIN_LENGTH) return;
    for (const variant of deletions(key)) if (!this.variants.has(variant)) this.variants.set(variant, owner);
  }

  /** Claims a name and its slug for a new entity, or returns false when either is taken or too close. */
  claimName(name: string, slug: string, owner: number): boolean {
    const key = nameKey(name);
    if (key === '' || slug === '' || this.keys.has(key) || this.slugs.has(slug) || this.nearOwner(key, owner)) return false;
    this.keys.add(key);
    this.slugs.add(slug);
    this.addVariants(key, owner);
    return true;
  }

  /** Claims an alias for an entity: its own key is fine, another entity's key or a near one is not. */
  claimAlias(alias: string, entity: Entity): boolean {
    const key = nameKey(alias);
    if (key === '' || key === entity.key) return key !== '';
    if (this.keys.has(key) || this.nearOwner(key, entity.id)) return false;
    this.keys.add(key);
    this.addVariants(key, entity.id);
    return true;
  }
}

function deletions(key: string): Set<string> {
  const set = new Set([key]);
  for (let i = 0; i < key.length; i++) set.add(key.slice(0, i) + key.slice(i + 1));
  return set;
}

/** One-word keys of every kind, and every word of every name: a one-word name must be neither. */
class WordGuard {
  readonly singleWordKeys = new Set<string>();
  readonly nameWords = new Set<string>();

  /**
   * True when the name is safe to add. `within` is the key of a place the name contains on
   * purpose (the Vellmar Harbour Authority), which is always tagged along with it.
   */
  accept(key: string, within?: string): boolean {
    const words = key.split(' ');
    if (words.length === 1) return !(VOCABULARY.has(key) || this.nameWords.has(key) || this.singleWordKeys.has(key));
    // A word of a longer name that is some entity's one-word name would read as a mention of it.
    const allowed = within?.split(' ') ?? [];
    return !words.some((w) => !allowed.includes(w) && this.singleWordKeys.has(w));
  }

  record(key: string): void {
    const words = key.split(' ');
    if (words.length === 1) this.singleWordKeys.add(key);
    for (const w of words) this.nameWords.add(w);
  }
}

const FIRST_DAY = Date.UTC(2011, 0, 1);
const DAYS = Math.round((Date.UTC(2026, 0, 1) - FIRST_DAY) / 86_400_000);

function isoDay(day: number): string {
  return new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(FIRST_DAY + day * 86_400_000).getUTCFullYear();
}

/** `Minister of Water` → `the minister of Water`; `Economist` → `an economist`. */
function withArticle(role: string): string {
  const lower = role.charAt(0).toLowerCase() + role.slice(1);
  if (/ (of|for|at) /.test(role)) return `the ${lower}`;
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${lower}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function q(text: string): string {
  return JSON.stringify(text);
}

function flowList(items: readonly string[]): string {
  return `[${items.map(q).join(', ')}]`;
}

// ---------------------------------------------------------------------------------------------
// Pools

interface Pools {
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

function buildPools(rng: Rng, articles: number): Pools {
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

// ---------------------------------------------------------------------------------------------
// Files

function entityFile(entity: Entity, rng: Rng): string {
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

function headline(rng: Rng, tagged: Tagged): string {
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

function pickTagged(rng: Rng, pools: Pools, tables: Record<'people' | 'organisations' | 'places' | 'tags', Float64Array>, day: number): Tagged {
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

function articleText(rng: Rng, day: number, tagged: Tagged, title: string, slug: string): string {
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
  for (const kind of ['people', 'organisations', 'events', 'places', 'tags'] as const) {
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

// ---------------------------------------------------------------------------------------------

/**
 * Writes a synthetic archive into `dir` (the archive folder itself: `dir/articles/<yyyy>/…`,
 * `dir/people/…`), which must be empty or absent. Deterministic: the same options give the same
 * files, byte for byte.
 */
export function generateArchive(dir: string, options: GenerateOptions = {}): GeneratedArchive {
  const count = options.articles ?? 1000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error(`articles must be a positive whole number, got ${count}`);
  const poolRng = mulberry32(seed);
  const articleRng = mulberry32((seed ^ 0x9e3779b9) >>> 0);
  const pools = buildPools(poolRng, count);

  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string): void => {
    writeFileSync(path, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  const entityFiles = { people: 0, organisations: 0, places: 0, events: 0 };
  for (const kind of ['people', 'organisations', 'places', 'events'] as const) {
    const folder = join(dir, kind);
    mkdirSync(folder, { recursive: true });
    for (const entity of pools[kind]) {
      if (!entity.hasFile) continue;
      write(join(folder, `${entity.explicitSlug ?? entity.slug}.md`), entityFile(entity, poolRng));
      entityFiles[kind]++;
    }
  }

  const tables = {
    people: zipfTable(pools.people.length, 1.0),
    organisations: zipfTable(pools.organisations.length, 1.0),
    places: zipfTable(pools.places.length, 0.9),
    tags: zipfTable(pools.tags.length, 1.0),
  };
  const slugs = new Set<string>();
  const madeYears = new Set<number>();
  const topPerson = pools.people[0]!;
  let topCount = 0;
  let sampleArticle = '';
  const every = options.progressEvery ?? 5000;

  for (let i = 0; i < count; i++) {
    // Evenly spread over the 15 years, so the files come out in date order.
    const day = Math.min(DAYS - 1, Math.floor(((i + articleRng()) * DAYS) / count));
    const tagged = pickTagged(articleRng, pools, tables, day);
    if (tagged.people.includes(topPerson)) topCount++;
    const title = headline(articleRng, tagged);
    const date = isoDay(day);
    const base = `${date}-${slugify(title).split('-').slice(0, 8).join('-')}`;
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const year = yearOfDay(day);
    const folder = join(dir, 'articles', String(year));
    if (!madeYears.has(year)) {
      mkdirSync(folder, { recursive: true });
      madeYears.add(year);
    }
    const path = join(folder, `${slug}.md`);
    write(path, articleText(articleRng, day, tagged, title, slug));
    if (i === Math.floor(count / 2)) sampleArticle = path;
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1);
  }

  return {
    contentDir: dir,
    articles: count,
    entityFiles,
    pools: {
      people: pools.people.length,
      organisations: pools.organisations.length,
      places: pools.places.length,
      events: pools.events.length,
      tags: pools.tags.length,
    },
    khmerPeople: pools.people.filter((p) => p.script === 'km').length,
    files,
    bytes,
    sampleArticle,
    topPerson: { name: topPerson.name, articles: topCount },
  };
}
