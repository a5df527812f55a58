/**
 * Calendar dates. An article's `date` is a day on the calendar, not an instant: `2023-08-07`
 * must read 7 August 2023 in every time zone. Dates travel through the engine as `YYYY-MM-DD`
 * strings (they sort and serialise as they are) and become `Date` objects only here, built from
 * local year/month/day so that date-fns formats the same day whatever `TZ` is.
 *
 * The YAML parser is set up to leave timestamps as strings (see frontmatter.ts), so this is the
 * one place where date text is interpreted.
 */
// Single-function entry points: the package root loads all of date-fns, which scripts feel.
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';

/** `YYYY-MM-DD`. */
export type CalendarDate = string;

export interface ParsedDate {
  /** The calendar day the editor meant: for a date-time, the day in its own offset. */
  date: CalendarDate;
  /** Full ISO 8601 date-time with offset when one was given, for ordering within a day and for feeds. */
  dateTime?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;

/** Counted, not asked of Date: `Date.UTC` reads years 0–99 as 1900–1999, so 0000-02-29 would fail. */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

export type DateResult = { ok: true; value: ParsedDate } | { ok: false; message: string };

/** Reads a frontmatter date: `YYYY-MM-DD`, or an ISO date-time with an explicit offset. */
export function parseDate(input: unknown): DateResult {
  if (typeof input !== 'string') {
    return { ok: false, message: `expected a date like 2023-08-07, got ${describe(input)}` };
  }
  const text = input.trim();
  const day = DATE.exec(text);
  const dateTime = day ? null : DATE_TIME.exec(text);
  const parts = day ?? dateTime;
  if (!parts) {
    return {
      ok: false,
      message: `"${text}" is not a date; write YYYY-MM-DD (2023-08-07) or a date-time with offset (2023-08-07T14:30:00+07:00)`,
    };
  }
  const [year, month, dayOfMonth] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (!isRealDay(year, month, dayOfMonth)) {
    return { ok: false, message: `"${text}" is not a real calendar day` };
  }
  const date = `${parts[1]}-${parts[2]}-${parts[3]}`;
  if (!dateTime) return { ok: true, value: { date } };
  const [hours, minutes, seconds] = [Number(parts[4]), Number(parts[5]), Number(parts[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return { ok: false, message: `"${text}" has an impossible time of day` };
  }
  // One spelling for every accepted form: `2023-08-07 23:30:00 +0700` → `2023-08-07T23:30:00+07:00`.
  const offset = parts[7]!.toUpperCase() === 'Z' ? 'Z' : parts[7]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const iso = `${date}T${parts[4]!.padStart(2, '0')}:${parts[5]}:${parts[6] ?? '00'}${offset}`;
  if (!isValid(new Date(iso))) return { ok: false, message: `"${text}" is not a valid date-time; write it like 2023-08-07T14:30:00+07:00` };
  return { ok: true, value: { date, dateTime: iso } };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function toLocalDate(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  const local = new Date(2000, m! - 1, d!);
  // setFullYear, because the Date constructor reads years 0–99 as 1900–1999.
  local.setFullYear(y!);
  return local;
}

/** 7 August 2023 */
export function formatLong(date: CalendarDate): string {
  // Every list on every page shows dates, and an archive has far fewer days than mentions of them.
  let text = longDates.get(date);
  if (text === undefined) {
    // uuuu, the proleptic year: yyyy is a year of an era, in which 0000 would read as 0001 (1 BC).
    text = format(toLocalDate(date), 'd MMMM uuuu');
    longDates.set(date, text);
  }
  return text;
}
const longDates = new Map<CalendarDate, string>();

/** August 2023, for a `YYYY-MM` month key. */
export function formatMonth(yearMonth: string): string {
  return format(toLocalDate(`${yearMonth}-01`), 'MMMM uuuu');
}

/** August, for a month number 1–12. */
export function monthName(month: number): string {
  return format(new Date(2000, month - 1, 1), 'MMMM');
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: CalendarDate): number {
  return Number(date.slice(5, 7));
}

/** `YYYY-MM`, for grouping. */
export function yearMonthOf(date: CalendarDate): string {
  return date.slice(0, 7);
}

/** The instant an article was published, for feeds and sitemaps: midnight UTC for a bare day. */
export function toInstant(value: ParsedDate): Date {
  return value.dateTime ? new Date(value.dateTime) : new Date(`${value.date}T00:00:00Z`);
}
