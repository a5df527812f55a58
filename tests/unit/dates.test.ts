import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatLong,
  formatMonth,
  monthName,
  monthOf,
  parseDate,
  toInstant,
  yearMonthOf,
  yearOf,
} from '../../src/archive/dates.ts';

function ok(input: unknown) {
  const result = parseDate(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${result.message}`);
  return result.value;
}

function rejected(input: unknown): string {
  const result = parseDate(input);
  expect(result.ok, `expected ${String(input)} to be rejected`).toBe(false);
  return result.ok ? '' : result.message;
}

describe('parseDate', () => {
  it('reads a calendar date as a YYYY-MM-DD string', () => {
    expect(ok('2023-08-07')).toEqual({ date: '2023-08-07' });
    expect(ok(' 2023-08-07 ')).toEqual({ date: '2023-08-07' });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(ok('2024-02-29')).toEqual({ date: '2024-02-29' });
    expect(ok('2000-02-29')).toEqual({ date: '2000-02-29' });
    expect(rejected('2021-02-29')).toMatch(/2021-02-29/);
    expect(rejected('1900-02-29')).toMatch(/not a real calendar day/);
  });

  it('rejects impossible days and months, naming the text', () => {
    expect(rejected('2023-02-30')).toMatch(/"2023-02-30" is not a real calendar day/);
    expect(rejected('2023-13-01')).toMatch(/"2023-13-01" is not a real calendar day/);
    expect(rejected('2023-00-10')).toMatch(/not a real calendar day/);
    expect(rejected('2023-04-31')).toMatch(/not a real calendar day/);
    expect(rejected('2023-08-00')).toMatch(/not a real calendar day/);
    expect(ok('2023-12-31')).toEqual({ date: '2023-12-31' });
  });

  it('rejects text that is not a date and says how to write one', () => {
    for (const text of ['2023-8-7', '07/08/2023', 'August 7, 2023', 'yesterday', '', '2023-08-07x']) {
      expect(rejected(text)).toMatch(/2023-08-07/);
    }
  });

  it('keeps the calendar date the editor wrote for a date-time with an offset', () => {
    // 23:30 in Los Angeles is already 8 August in UTC; the article is still dated 7 August.
    expect(ok('2023-08-07T23:30:00-07:00')).toEqual({ date: '2023-08-07', dateTime: '2023-08-07T23:30:00-07:00' });
    // 01:00 in Phnom Penh is still 6 August in UTC.
    expect(ok('2023-08-07T01:00:00+07:00').date).toBe('2023-08-07');
    expect(ok('2023-08-07T10:15:00Z')).toEqual({ date: '2023-08-07', dateTime: '2023-08-07T10:15:00Z' });
    expect(ok('2023-08-07T10:15Z').date).toBe('2023-08-07');
    expect(ok('2023-08-07T10:15:00.250+07:00').date).toBe('2023-08-07');
  });

  it('keeps the instant of a date-time for ordering and feeds', () => {
    expect(toInstant(ok('2023-08-07T23:30:00-07:00')).toISOString()).toBe('2023-08-08T06:30:00.000Z');
    expect(toInstant(ok('2023-08-07')).toISOString()).toBe('2023-08-07T00:00:00.000Z');
  });

  it('rejects a date-time without an offset, and impossible times', () => {
    expect(rejected('2023-08-07T10:00:00')).toMatch(/offset/);
    expect(rejected('2023-08-07T24:00:00Z')).toMatch(/impossible time/);
    expect(rejected('2023-08-07T10:60:00Z')).toMatch(/impossible time/);
    expect(rejected('2023-02-30T10:00:00Z')).toMatch(/not a real calendar day/);
  });

  it('reads a date-time with a space before the offset (as Jekyll writes it) or says how to write it', () => {
    // DATE_TIME in dates.ts admits white space before the offset; such input must not end in
    // a bare "not a valid date-time" that tells the editor nothing about what to write.
    for (const text of ['2023-08-07 23:30:00 +0700', '2023-08-07T23:30:00 +07:00']) {
      const result = parseDate(text);
      if (result.ok) {
        expect(result.value.date).toBe('2023-08-07');
        expect(new Date(result.value.dateTime!).toISOString()).toBe('2023-08-07T16:30:00.000Z');
      } else {
        expect(result.message, text).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:?\d{2}/);
      }
    }
  });

  it('rejects values that are not strings, including Date objects', () => {
    expect(rejected(undefined)).toMatch(/got nothing/);
    expect(rejected(null)).toMatch(/got nothing/);
    expect(rejected(20230807)).toMatch(/number/);
    expect(rejected(true)).toMatch(/boolean/);
    expect(rejected(['2023-08-07'])).toMatch(/a list/);
    expect(rejected(new Date(Date.UTC(2023, 7, 7)))).toMatch(/expected a date/);
    expect(rejected({ date: '2023-08-07' })).toMatch(/expected a date/);
  });
});

describe('formatting', () => {
  it('shows a calendar date as day, month name and year', () => {
    expect(formatLong('2023-08-07')).toBe('7 August 2023');
    expect(formatLong('2024-02-29')).toBe('29 February 2024');
    expect(formatLong('2023-12-31')).toBe('31 December 2023');
    expect(formatLong('2023-01-01')).toBe('1 January 2023');
    expect(formatMonth('2023-08')).toBe('August 2023');
    expect(monthName(8)).toBe('August');
    expect(monthName(1)).toBe('January');
    expect(monthName(12)).toBe('December');
  });

  it('splits a calendar date into year and month without time zones', () => {
    expect(yearOf('2023-08-07')).toBe(2023);
    expect(monthOf('2023-08-07')).toBe(8);
    expect(monthOf('2023-12-31')).toBe(12);
    expect(yearMonthOf('2023-08-07')).toBe('2023-08');
  });
});

describe('the same calendar day in every time zone', () => {
  const datesUrl = pathToFileURL(fileURLToPath(new URL('../../src/archive/dates.ts', import.meta.url))).href;
  const frontmatterUrl = pathToFileURL(fileURLToPath(new URL('../../src/archive/frontmatter.ts', import.meta.url))).href;
  const validateUrl = pathToFileURL(fileURLToPath(new URL('../../src/archive/validate.ts', import.meta.url))).href;
  const schemaUrl = pathToFileURL(fileURLToPath(new URL('../../src/archive/schema.ts', import.meta.url))).href;
  const code = `
    import { formatLong, formatMonth, parseDate, toInstant } from ${JSON.stringify(datesUrl)};
    import { splitFrontmatter } from ${JSON.stringify(frontmatterUrl)};
    import { validateFrontmatter } from ${JSON.stringify(validateUrl)};
    import { articleSchema, KEY_SYNONYMS } from ${JSON.stringify(schemaUrl)};
    const withOffset = parseDate('2023-08-07T23:30:00-07:00');
    // Bare YAML dates through the real frontmatter reader and schema, as an article would go.
    const split = splitFrontmatter('---\\ntitle: Talks\\ndate: 2023-08-07\\nupdated: 2023-08-08\\n---\\nBody text.\\n', 'content/articles/talks.md');
    const checked = split.ok ? validateFrontmatter(split.value, articleSchema, 'content/articles/talks.md', KEY_SYNONYMS) : undefined;
    const article = checked && checked.ok ? checked.data : undefined;
    console.log(JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      offsetMinutes: new Date(2023, 7, 7).getTimezoneOffset(),
      long: formatLong('2023-08-07'),
      month: formatMonth('2023-08'),
      withOffset: withOffset.ok ? formatLong(withOffset.value.date) : withOffset.message,
      articleDate: article ? formatLong(article.date.date) : 'no article',
      articleUpdated: article && article.updated ? formatLong(article.updated.date) : 'no updated',
      articleDateType: article ? typeof article.date.date : 'no article',
      instant: toInstant({ date: '2023-08-07' }).toISOString(),
    }));
  `;
  // Real child processes: TZ is read once per process, so it cannot be changed inside this one.
  // Run in parallel; each imports date-fns afresh.
  const run = async (TZ: string) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], {
      env: { ...process.env, TZ },
      encoding: 'utf8',
    });
    return JSON.parse(stdout) as Record<string, unknown>;
  };

  const zones = ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'];
  let results: Record<string, Record<string, unknown>> = {};
  beforeAll(async () => {
    results = Object.fromEntries(await Promise.all(zones.map(async (zone) => [zone, await run(zone)] as const)));
  });

  it('really ran in three different time zones', () => {
    expect(results['America/Los_Angeles']!.offsetMinutes).toBe(420); // UTC−7 in August
    expect(results['Pacific/Kiritimati']!.offsetMinutes).toBe(-840); // UTC+14
    expect(results['UTC']!.offsetMinutes).toBe(0);
  });

  it.each(zones)('formats 2023-08-07 as 7 August 2023 with TZ=%s', (zone) => {
    const r = results[zone]!;
    expect(r.long).toBe('7 August 2023');
    expect(r.month).toBe('August 2023');
    expect(r.withOffset).toBe('7 August 2023');
    expect(r.articleDate).toBe('7 August 2023');
    expect(r.articleUpdated).toBe('8 August 2023');
    expect(r.articleDateType).toBe('string');
    expect(r.instant).toBe('2023-08-07T00:00:00.000Z');
  });

  it('gives identical output in every zone', () => {
    const strip = ({ zone: _z, offsetMinutes: _o, ...rest }: Record<string, unknown>) => rest;
    const [first, ...others] = zones.map((zone) => strip(results[zone]!));
    for (const other of others) expect(other).toEqual(first);
  });
});
