// Resolving calendar names against the anchor date: which Friday, which June, which year.
import { addDays, formatDay, formatMonth, isValidDay, weekday, type Day } from './calendar.js';
import type { Tense } from './context.js';

/**
 * The weekday `wd` (1 Monday … 7 Sunday) nearest the anchor in the direction the words give:
 * shift -1 ("last Friday") the one strictly before, +1 ("next Friday") strictly after, 0 ("this
 * Friday") in the anchor's week; no shift: by the sentence's tense, the anchor day itself included.
 */
export function resolveWeekday(anchor: Day, wd: number, shift: number | null, tense: Tense): Day {
  const today = weekday(anchor);
  if (shift === 0) return addDays(anchor, wd - today);
  const back = (today - wd + 7) % 7;
  const ahead = (wd - today + 7) % 7;
  if (shift === -1) return addDays(anchor, -(back || 7));
  if (shift === 1) return addDays(anchor, ahead || 7);
  // "The envoy arrives on Friday": the present tense of a schedule points ahead.
  if (tense === 'future' || tense === 'present') return addDays(anchor, ahead);
  return addDays(anchor, -back);
}

/** The year of a month (and day) named without one, by the words' shift or the sentence's tense. */
export function resolveYear(anchor: Day, m: number, d: number | null, shift: number | null, tense: Tense): number {
  const cmp = m !== anchor.m ? m - anchor.m : d === null ? 0 : d - anchor.d;
  if (shift === 0) return anchor.y;
  if (shift === -1) return cmp < 0 ? anchor.y : anchor.y - 1;
  if (shift === 1) return cmp > 0 ? anchor.y : anchor.y + 1;
  if (cmp === 0) return anchor.y;
  if (tense === 'future') return cmp > 0 ? anchor.y : anchor.y + 1;
  if (tense === 'past') return cmp < 0 ? anchor.y : anchor.y - 1;
  // No clue: the nearer of the two candidates (news mostly speaks of the recent past).
  const monthsAway = (m - anchor.m + 12) % 12;
  return cmp > 0 && monthsAway <= 3 ? anchor.y : cmp < 0 ? anchor.y : anchor.y - 1;
}

/** A month-and-day value, or null for an impossible date ("February 30"). */
export function dayValue(y: number | null, m: number, d: number): string | null {
  if (y === null) return isValidDay(2000, m, d) ? `XXXX-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  return isValidDay(y, m, d) ? formatDay({ y, m, d }) : null;
}

export function monthValue(y: number | null, m: number): string {
  return y === null ? `XXXX-${String(m).padStart(2, '0')}` : formatMonth(y, m);
}

/** Two-digit years ("'98", "3/4/21"): the century that puts the year nearest the anchor, never far ahead. */
export function expandTwoDigitYear(yy: number, anchor: Day | null): number {
  const ref = anchor?.y ?? new Date().getUTCFullYear();
  let y = Math.floor(ref / 100) * 100 + yy;
  if (y > ref + 10) y -= 100;
  return y;
}
