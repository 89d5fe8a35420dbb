// Fact times as intervals: ISO-like values of any precision ("2011", "2011-05", "2022-07-31", "201"
// for the 2010s, "19" for the 1900s) turned into inclusive day bounds, as sortable strings.
import type { FactTime } from '../model/types.js';

const VALUE = /^(\d{2,4})(?:-(\d{2})(?:-(\d{2}))?)?/;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The first and last day a value covers, or null when it is not a calendar value. */
export function dayBounds(value: string | null | undefined): [string, string] | null {
  if (!value) return null;
  const m = VALUE.exec(value);
  if (!m) return null;
  const digits = m[1]!;
  if (digits.length < 4) {
    // A decade ("201" = 2010s) or a century ("20" = 2000s), as TIMEX3 writes them.
    const span = 10 ** (4 - digits.length);
    const lo = Number(digits) * span;
    return [`${pad(lo, 4)}-01-01`, `${pad(lo + span - 1, 4)}-12-31`];
  }
  const y = Number(digits);
  if (!m[2]) return [`${pad(y, 4)}-01-01`, `${pad(y, 4)}-12-31`];
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return [`${pad(y, 4)}-01-01`, `${pad(y, 4)}-12-31`];
  if (!m[3]) return [`${pad(y, 4)}-${pad(mo)}-01`, `${pad(y, 4)}-${pad(mo)}-${pad(daysInMonth(y, mo))}`];
  const d = Math.min(Number(m[3]), daysInMonth(y, mo));
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return [day, day];
}

/** The calendar prefix of a value ("2022-07-31T10:00" → "2022-07-31"), or null. */
export function calendarValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = VALUE.exec(value);
  return m ? m[0] : null;
}

/** Two values that may name the same time: one is a prefix of the other, or either is missing. */
export function valuesCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = calendarValue(a);
  const y = calendarValue(b);
  if (!x || !y) return true;
  return x.startsWith(y) || y.startsWith(x);
}

export function timesCompatible(a: FactTime | null | undefined, b: FactTime | null | undefined): boolean {
  const pa = a ?? {};
  const pb = b ?? {};
  // A point time is compared with the other's point or start: "at 2014" and "from 2014" agree.
  const pointA = pa.at ?? null;
  const pointB = pb.at ?? null;
  return (
    valuesCompatible(pointA ?? pa.start, pointB ?? pb.start) &&
    valuesCompatible(pa.start, pb.start) &&
    valuesCompatible(pa.end, pb.end) &&
    valuesCompatible(pointA, pointB)
  );
}

/** The more precise of two compatible values. */
export function morePrecise(a: string | undefined, b: string | undefined): string | undefined {
  const x = calendarValue(a);
  const y = calendarValue(b);
  if (!x) return y ?? undefined;
  if (!y) return x;
  return y.length > x.length ? y : x;
}

/** Merges compatible times, keeping the most precise value of each part. */
export function mergeTimes(times: Array<FactTime | null | undefined>): FactTime | null {
  const out: FactTime = {};
  let textLen = -1;
  for (const t of times) {
    if (!t) continue;
    for (const k of ['at', 'start', 'end'] as const) {
      const v = morePrecise(out[k], t[k]);
      if (v) out[k] = v;
    }
    const precision = (calendarValue(t.at ?? t.start ?? t.end) ?? '').length;
    if (t.text && precision > textLen) { out.text = t.text; textLen = precision; }
  }
  return out.at || out.start || out.end ? out : null;
}

export type FactShape = 'event' | 'point' | 'durable';

/**
 * The days over which a fact holds: events happen within their `at`; point relations (founded,
 * split_from) hold from their `at` on; durable relations from `start` to `end` (open ends stay
 * null, and a lone `at` bounds both). Undated: both null, which queries read as "holds".
 */
export function validity(shape: FactShape, time: FactTime | null): { from: string | null; to: string | null } {
  if (!time) return { from: null, to: null };
  if (shape === 'event') {
    const b = dayBounds(time.at ?? time.start);
    return b ? { from: b[0], to: b[1] } : { from: null, to: null };
  }
  if (shape === 'point') {
    const b = dayBounds(time.at ?? time.start);
    return { from: b ? b[0] : null, to: null };
  }
  if (!time.start && !time.end && time.at) {
    const b = dayBounds(time.at);
    return b ? { from: b[0], to: b[1] } : { from: null, to: null };
  }
  return { from: dayBounds(time.start)?.[0] ?? null, to: dayBounds(time.end)?.[1] ?? null };
}

/** The sort key of a fact on a timeline: its first dated bound, or null. */
export function dateKey(time: FactTime | null): string | null {
  if (!time) return null;
  return dayBounds(time.at ?? time.start ?? time.end)?.[0] ?? null;
}
