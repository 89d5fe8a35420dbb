// Calendar arithmetic on plain year/month/day triples (UTC, proleptic Gregorian) and the TIMEX3
// value formats built from them. No time zones: a news date is a calendar day.

export interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `YYYY-MM-DD` → Day, or null when it is not a real calendar day. */
export function parseDay(value: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const day = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDay(day.y, day.m, day.d) ? day : null;
}

export function formatDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function formatYear(y: number): string {
  return pad(y, 4);
}

function toDate(day: Day): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d));
}

function fromDate(date: Date): Day {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + n);
  return fromDate(date);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: Day, n: number): Day {
  const index = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12 + 12) % 12 + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(day: Day): number {
  const w = toDate(day).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week of a day: the week's year may differ from the day's near New Year. */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const ordinal = Math.round((toDate(thursday).getTime() - toDate(jan1).getTime()) / 86_400_000);
  return { year: thursday.y, week: Math.floor(ordinal / 7) + 1 };
}

export function formatWeek(day: Day): string {
  const { year, week } = isoWeek(day);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The quarter (1–4) of a month. */
export const quarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;

/**
 * The value of the calendar unit that contains `day`, shifted by `n` units: the granularity a
 * TIMEX3 value of "last week" (`2013-W11`), "next month" (`2013-04`), "this year" (`2013`) has.
 */
export function unitValue(day: Day, unit: string, n: number): string | null {
  switch (unit) {
    case 'D':
      return formatDay(addDays(day, n));
    case 'W':
      return formatWeek(addDays(day, 7 * n));
    case 'WE': {
      // The weekend is the Saturday and Sunday of the week: TIMEX3 writes it `2013-W12-WE`.
      return `${formatWeek(addDays(day, 7 * n))}-WE`;
    }
    case 'M': {
      const t = addMonths({ ...day, d: 1 }, n);
      return formatMonth(t.y, t.m);
    }
    case 'Q': {
      const index = day.y * 4 + quarterOf(day.m) - 1 + n;
      return `${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`;
    }
    case 'Y':
      return formatYear(day.y + n);
    case 'DE':
      return String(Math.floor(day.y / 10) + n);
    case 'CE':
      return String(Math.floor(day.y / 100) + n).padStart(2, '0');
    default:
      return null;
  }
}

/** A point `n` units before (n < 0) or after the day, at the unit's granularity ("three years ago"). */
export function shiftedValue(day: Day, unit: string, n: number): string | null {
  switch (unit) {
    case 'D':
      return formatDay(addDays(day, n));
    case 'W':
      return formatDay(addDays(day, 7 * n));
    case 'M': {
      const t = addMonths(day, n);
      return formatMonth(t.y, t.m);
    }
    case 'Q':
      return unitValue(day, 'Q', n);
    case 'Y':
      return formatYear(day.y + n);
    case 'DE':
      return formatYear(day.y + 10 * n);
    case 'CE':
      return formatYear(day.y + 100 * n);
    default:
      return null;
  }
}

/** TIMEX3 duration value: `P3Y`, `PT24H`, `PXM` (unknown count), `P1DE`. */
export function durationValue(count: number | null, unit: string): string {
  const timeUnit = unit === 'H' || unit === 'MIN' || unit === 'S';
  const letter = unit === 'MIN' ? 'M' : unit;
  let n: string;
  if (count === null) n = 'X';
  else if (Number.isInteger(count)) n = String(count);
  else if (count === 0.5 && !timeUnit && (unit === 'Y' || unit === 'D')) return unit === 'Y' ? 'P6M' : 'PT12H';
  else n = String(count);
  return timeUnit ? `PT${n}${letter}` : `P${n}${letter}`;
}
