/**
 * What the `basic` fixture (tests/fixtures/basic/content) contains, written out once so the
 * integration tests state their expectations against named articles rather than magic strings.
 */
export const A = {
  festival: '2021-03-01-lantern-festival-opens',
  council: '2021-11-15-harbour-council-vote',
  newYear: '2022-01-01-new-year-at-the-harbour',
  tomJerry: '2022-06-30-tom-and-jerry-at-the-port',
  interview: '2023-02-14-an-interview-with-tomas-vendrell',
  keepers: '2023-02-28-lantern-keepers-meet-at-dawn',
} as const;

export const DRAFT = {
  slug: '2023-03-10-unpublished-vault-story',
  title: 'Unpublished draft about the lantern vault',
  person: 'draftonly-pemberton',
  tag: 'draftonly-tag',
};

export const TITLES: Record<string, string> = {
  [A.festival]: 'Lantern festival opens in Port Ellery',
  [A.council]: 'Harbour council votes on the new breakwater',
  [A.newYear]: 'New Year at the harbour',
  [A.tomJerry]: 'Tom & Jerry <script>alert(1)</script> at the port',
  [A.interview]: 'An interview with Tomas Vendrell',
  [A.keepers]: 'Lantern keepers meet at dawn',
};

/** Published articles, newest first. */
export const NEWEST_FIRST = [A.keepers, A.interview, A.tomJerry, A.newYear, A.council, A.festival];

/** The calendar day each article must show, whatever the machine's time zone. */
export const SHOWN_DATE: Record<string, { text: string; datetimeStartsWith: string }> = {
  // 2021-03-01T23:30:00-08:00 is 2 March 07:30 UTC: the editor meant 1 March.
  [A.festival]: { text: '1 March 2021', datetimeStartsWith: '2021-03-01' },
  [A.council]: { text: '15 November 2021', datetimeStartsWith: '2021-11-15' },
  // A bare date on New Year's Day: read as UTC midnight it would be 31 December 2021 in Los Angeles.
  [A.newYear]: { text: '1 January 2022', datetimeStartsWith: '2022-01-01' },
  [A.tomJerry]: { text: '30 June 2022', datetimeStartsWith: '2022-06-30' },
  [A.interview]: { text: '14 February 2023', datetimeStartsWith: '2023-02-14' },
  // 2023-02-28T00:15:00+14:00 is 27 February 10:15 UTC: the editor meant 28 February.
  [A.keepers]: { text: '28 February 2023', datetimeStartsWith: '2023-02-28' },
};

/** Entity pages and the articles each must list, newest first. */
export const ENTITY_ARTICLES: Record<string, string[]> = {
  // Named as "Mara Quillfeather" and, in the council article, by the alias "Captain Quillfeather".
  '/people/mara-quillfeather/': [A.keepers, A.tomJerry, A.council, A.festival],
  // File name "Nguyễn Văn Thử"; the festival article writes "Nguyen Van Thu".
  '/people/nguyen-van-thu/': [A.interview, A.festival],
  // The interview writes "tomas   VENDRELL".
  '/people/tomas-vendrell/': [A.interview, A.newYear, A.council],
  // No entity file.
  '/people/ilsa-brennock/': [A.interview, A.newYear],
  // The interview uses the alias "Lantern Order".
  '/organisations/order-of-the-lantern/': [A.keepers, A.interview, A.festival],
  '/organisations/ellery-harbour-council/': [A.council],
  '/organisations/salt-tide-company/': [A.tomJerry],
  '/events/lantern-night-2022/': [A.newYear],
  '/places/port-ellery/': [A.keepers, A.newYear, A.council, A.festival],
  '/tags/festivals/': [A.keepers, A.newYear, A.festival],
  '/tags/politics/': [A.council],
  '/tags/culture/': [A.tomJerry],
  '/tags/interviews/': [A.interview],
};

export const ENTITY_SLUGS: Record<string, string[]> = {
  people: ['ilsa-brennock', 'mara-quillfeather', 'nguyen-van-thu', 'tomas-vendrell'],
  organisations: ['ellery-harbour-council', 'order-of-the-lantern', 'salt-tide-company'],
  events: ['lantern-night-2022'],
  places: ['port-ellery'],
  tags: ['culture', 'festivals', 'interviews', 'politics'],
};

/** What each article page must link to in its "in this article" list. */
export const ARTICLE_ENTITIES: Record<string, string[]> = {
  [A.festival]: ['/people/mara-quillfeather/', '/people/nguyen-van-thu/', '/organisations/order-of-the-lantern/', '/places/port-ellery/', '/tags/festivals/'],
  [A.council]: ['/people/mara-quillfeather/', '/people/tomas-vendrell/', '/organisations/ellery-harbour-council/', '/places/port-ellery/', '/tags/politics/'],
  [A.newYear]: ['/people/tomas-vendrell/', '/people/ilsa-brennock/', '/events/lantern-night-2022/', '/places/port-ellery/', '/tags/festivals/'],
  [A.tomJerry]: ['/people/mara-quillfeather/', '/organisations/salt-tide-company/', '/tags/culture/'],
  [A.interview]: ['/people/nguyen-van-thu/', '/people/tomas-vendrell/', '/people/ilsa-brennock/', '/organisations/order-of-the-lantern/', '/tags/interviews/'],
  [A.keepers]: ['/people/mara-quillfeather/', '/organisations/order-of-the-lantern/', '/places/port-ellery/', '/tags/festivals/'],
};

export const MONTHS: Record<string, string[]> = {
  '/archive/2023/02/': [A.keepers, A.interview],
  '/archive/2022/06/': [A.tomJerry],
  '/archive/2022/01/': [A.newYear],
  '/archive/2021/11/': [A.council],
  '/archive/2021/03/': [A.festival],
};

export const YEARS: Record<string, string[]> = {
  '/archive/2023/': [A.keepers, A.interview],
  '/archive/2022/': [A.tomJerry, A.newYear],
  '/archive/2021/': [A.council, A.festival],
};
