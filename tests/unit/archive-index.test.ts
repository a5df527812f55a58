import { describe, expect, it } from 'vitest';
import { buildArchiveIndex, compareNewestFirst } from '../../src/archive/archive-index.ts';
import type { Article } from '../../src/archive/article.ts';
import { parseDate } from '../../src/archive/dates.ts';
import { formatDiagnostic } from '../../src/archive/diagnostics.ts';
import type { EntityFile } from '../../src/archive/entity-file.ts';
import type { EntityKind } from '../../src/archive/kinds.ts';
import { hunSen } from '../helpers/entity-files.ts';

function art(slug: string, date: string, extra: Partial<Omit<Article, 'names'>> & { names?: Partial<Record<EntityKind, string[]>> } = {}): Article {
  const parsed = parseDate(date);
  if (!parsed.ok) throw new Error(parsed.message);
  const { names, ...rest } = extra;
  return {
    file: `content/articles/${slug}.md`,
    slug,
    title: slug,
    date: parsed.value,
    summary: '',
    summaryFromBody: true,
    draft: false,
    names: { people: [], organisations: [], events: [], places: [], tags: [], ...names },
    headings: [],
    wordCount: 1,
    quotes: [],
    ...rest,
  };
}

const HUN_SEN = hunSen();

const slugs = (articles: readonly Article[]) => articles.map((a) => a.slug);

describe('buildArchiveIndex: order', () => {
  it('lists articles newest first by calendar date', () => {
    const { index, diagnostics } = buildArchiveIndex(
      [art('b', '2022-11-21'), art('c', '2023-08-07'), art('a', '2023-01-15'), art('d', '2021-12-31')],
      [],
    );
    expect(diagnostics).toEqual([]);
    expect(slugs(index.articles)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('orders one day by time, later first, then by slug', () => {
    const { index } = buildArchiveIndex(
      [
        art('zeta', '2023-08-07'),
        art('morning', '2023-08-07T08:00:00+07:00'),
        art('alpha', '2023-08-07'),
        art('noon-b', '2023-08-07T12:00:00+07:00'),
        art('evening', '2023-08-07T20:00:00+07:00'),
        art('noon-a', '2023-08-07T12:00:00+07:00'),
        art('next-day', '2023-08-08'),
        art('day-before', '2023-08-06T23:59:00+07:00'),
      ],
      [],
    );
    const order = slugs(index.articles);
    expect(order[0]).toBe('next-day');
    expect(order.at(-1)).toBe('day-before');
    const timed = order.filter((s) => ['morning', 'noon-a', 'noon-b', 'evening'].includes(s));
    expect(timed).toEqual(['evening', 'noon-a', 'noon-b', 'morning']);
    expect(order.filter((s) => s === 'alpha' || s === 'zeta')).toEqual(['alpha', 'zeta']);
  });

  it('compares times as instants across offsets', () => {
    // 09:00 at UTC+7 is 02:00 UTC; 06:00 at UTC−0 is later.
    const early = art('early', '2023-08-07T09:00:00+07:00');
    const late = art('late', '2023-08-07T06:00:00Z');
    expect(compareNewestFirst(late, early)).toBeLessThan(0);
    expect(compareNewestFirst(early, late)).toBeGreaterThan(0);
    expect(compareNewestFirst(early, early)).toBe(0);
  });

  it('does not reorder the array it is given', () => {
    const input = [art('old', '2020-01-01'), art('new', '2023-01-01')];
    buildArchiveIndex(input, []);
    expect(slugs(input)).toEqual(['old', 'new']);
  });
});

describe('buildArchiveIndex: drafts', () => {
  const articles = [
    art('published', '2023-08-07', { names: { people: ['Hun Manet'] } }),
    art('draft', '2023-08-08', { draft: true, names: { people: ['Hun Manet', 'Secret Person'] } }),
  ];

  it('leaves drafts out by default, with their entities and months', () => {
    const { index, diagnostics } = buildArchiveIndex(articles, []);
    expect(diagnostics).toEqual([]);
    expect(slugs(index.articles)).toEqual(['published']);
    expect(index.article('draft')).toBeUndefined();
    expect(index.entity('people', 'secret-person')).toBeUndefined();
    expect(slugs(index.entity('people', 'hun-manet')!.articles)).toEqual(['published']);
    expect(index.years.flatMap((y) => y.months.flatMap((m) => slugs(m.articles)))).toEqual(['published']);
  });

  it('includes drafts when asked', () => {
    const { index } = buildArchiveIndex(articles, [], { includeDrafts: true });
    expect(slugs(index.articles)).toEqual(['draft', 'published']);
    expect(index.entity('people', 'secret-person')).toBeDefined();
    expect(slugs(index.entity('people', 'hun-manet')!.articles)).toEqual(['draft', 'published']);
  });
});

describe('buildArchiveIndex: one URL, one article', () => {
  it('reports two articles with the same slug, naming both files and the URL', () => {
    const first = art('talks', '2023-08-07', { file: 'content/articles/2023/talks.md' });
    const second = art('talks', '2022-11-21', { file: 'content/articles/2022/talks.md' });
    const { index, diagnostics } = buildArchiveIndex([first, second], []);
    const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('content/articles/2023/talks.md');
    expect(errors[0]).toContain('content/articles/2022/talks.md');
    expect(errors[0]).toContain('/articles/talks/');
    expect(index.articles.filter((a) => a.slug === 'talks')).toHaveLength(1);
  });

  it('reports a duplicate between a draft and a published article when drafts are built', () => {
    const a = art('talks', '2023-08-07', { file: 'content/articles/a.md' });
    const b = art('talks', '2023-08-09', { file: 'content/articles/b.md', draft: true });
    expect(buildArchiveIndex([a, b], []).diagnostics).toEqual([]);
    const withDrafts = buildArchiveIndex([a, b], [], { includeDrafts: true }).diagnostics.map(formatDiagnostic);
    expect(withDrafts).toHaveLength(1);
    expect(withDrafts[0]).toContain('content/articles/a.md');
    expect(withDrafts[0]).toContain('content/articles/b.md');
  });

  it('passes on entity conflicts, naming both files', () => {
    const clash: EntityFile = { ...HUN_SEN, file: 'content/people/hun-sen-again.md', name: 'Hun Sen Again', aliases: [] };
    const { diagnostics } = buildArchiveIndex([art('a', '2023-01-01')], [HUN_SEN, clash]);
    const errors = diagnostics.map(formatDiagnostic);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('content/people/hun-sen.md');
    expect(errors[0]).toContain('content/people/hun-sen-again.md');
  });
});

describe('buildArchiveIndex: entities and their articles', () => {
  const articles = [
    art('older', '2022-11-21', { names: { people: ['Samdech Hun Sen', 'Nguyen Phu Trong'], tags: ['diplomacy'] } }),
    art('newer', '2023-08-07', { names: { people: ['Nguyễn Phú Trọng', 'Hun Sen', 'hun sen'], places: ['Cambodia'] } }),
    art('middle', '2023-01-15', { names: { tags: ['Diplomacy', 'elections'] } }),
  ];

  it('lists each entity\'s articles newest first, once per article', () => {
    const { index, diagnostics } = buildArchiveIndex(articles, [HUN_SEN]);
    expect(diagnostics).toEqual([]);
    expect(slugs(index.entity('people', 'hun-sen')!.articles)).toEqual(['newer', 'older']);
    expect(slugs(index.entity('people', 'nguyen-phu-trong')!.articles)).toEqual(['newer', 'older']);
    expect(slugs(index.entity('tags', 'diplomacy')!.articles)).toEqual(['middle', 'older']);
    expect(slugs(index.entity('places', 'cambodia')!.articles)).toEqual(['newer']);
  });

  it('keeps the facts of an entity file and lists filed entities without articles', () => {
    const manet: EntityFile = { ...HUN_SEN, file: 'content/people/hun-manet.md', slug: 'hun-manet', name: 'Hun Manet', aliases: [], facts: {} };
    const { index } = buildArchiveIndex(articles, [HUN_SEN, manet]);
    expect(index.entity('people', 'hun-sen')).toMatchObject({ hasFile: true, facts: { role: 'Prime Minister' }, html: '<p>About.</p>' });
    expect(index.entity('people', 'hun-manet')!.articles).toEqual([]);
  });

  it('lists entities of a kind A to Z by name, ignoring case and diacritics', () => {
    const { index } = buildArchiveIndex(
      [art('x', '2023-01-01', { names: { people: ['Vương Đình Huệ', 'hun Manet', 'Nguyễn Phú Trọng', 'Ánh Trần'] } })],
      [HUN_SEN],
    );
    expect(index.entities('people').map((e) => e.name)).toEqual(['Ánh Trần', 'hun Manet', 'Hun Sen', 'Nguyễn Phú Trọng', 'Vương Đình Huệ']);
    expect(index.entities('events')).toEqual([]);
  });

  it('gives what an article covers, by kind, in the order the editor listed them', () => {
    const { index } = buildArchiveIndex(articles, [HUN_SEN]);
    const covered = index.entitiesOf('newer');
    expect(covered.people.map((e) => e.slug)).toEqual(['nguyen-phu-trong', 'hun-sen']);
    expect(covered.places.map((e) => e.slug)).toEqual(['cambodia']);
    expect(covered.tags).toEqual([]);
    // The same objects as the entity pages, with their article lists.
    expect(covered.people[1]).toBe(index.entity('people', 'hun-sen'));
    expect(index.entitiesOf('no-such-article').people).toEqual([]);
  });

  it('shows an unfiled entity under its most used spelling', () => {
    const { index } = buildArchiveIndex(articles, [HUN_SEN]);
    // "Nguyen Phu Trong" once, "Nguyễn Phú Trọng" once: the fuller form wins the tie.
    expect(index.entity('people', 'nguyen-phu-trong')!.name).toBe('Nguyễn Phú Trọng');
  });
});

describe('buildArchiveIndex: years, months and neighbours', () => {
  const articles = [
    art('jan-2023', '2023-01-15'),
    art('aug-2023-b', '2023-08-07'),
    art('nov-2022', '2022-11-21'),
    art('aug-2023-a', '2023-08-20'),
    art('mar-2021', '2021-03-02'),
  ];

  it('groups by year and month, newest first, with counts', () => {
    const { index } = buildArchiveIndex(articles, []);
    expect(
      index.years.map((y) => ({ year: y.year, count: y.count, months: y.months.map((m) => [m.key, m.year, m.month, slugs(m.articles)]) })),
    ).toEqual([
      {
        year: 2023,
        count: 3,
        months: [
          ['2023-08', 2023, 8, ['aug-2023-a', 'aug-2023-b']],
          ['2023-01', 2023, 1, ['jan-2023']],
        ],
      },
      { year: 2022, count: 1, months: [['2022-11', 2022, 11, ['nov-2022']]] },
      { year: 2021, count: 1, months: [['2021-03', 2021, 3, ['mar-2021']]] },
    ]);
  });

  it('puts a late-evening article in the month of its own calendar day', () => {
    const { index } = buildArchiveIndex([art('late', '2023-07-31T23:30:00-07:00')], []);
    expect(index.years[0]!.months[0]!.key).toBe('2023-07');
  });

  it('finds the newer and older neighbours of an article', () => {
    const { index } = buildArchiveIndex(articles, []);
    expect(index.neighbours('jan-2023')).toEqual({ newer: index.article('aug-2023-b'), older: index.article('nov-2022') });
    expect(index.neighbours('aug-2023-a').newer).toBeUndefined();
    expect(index.neighbours('aug-2023-a').older?.slug).toBe('aug-2023-b');
    expect(index.neighbours('mar-2021').older).toBeUndefined();
    expect(index.neighbours('mar-2021').newer?.slug).toBe('nov-2022');
    expect(index.neighbours('missing')).toEqual({});
  });

  it('looks articles up by slug', () => {
    const { index } = buildArchiveIndex(articles, []);
    expect(index.article('nov-2022')?.date.date).toBe('2022-11-21');
    expect(index.article('nope')).toBeUndefined();
  });

  it('has no years for an empty archive', () => {
    const { index, diagnostics } = buildArchiveIndex([], []);
    expect(index.articles).toEqual([]);
    expect(index.years).toEqual([]);
    expect(diagnostics).toEqual([]);
  });
});
