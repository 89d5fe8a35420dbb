// TIMEX3 values as the calendar prefixes a fact's time takes (ONTOLOGY.md: `2011`, `2011-05`,
// `2022-07-31`, decade `201`): for the facts stage, which attaches timexes to facts.
import { addDays, formatDay, parseDay } from './calendar.js';

/**
 * The calendar value of a DATE or TIME timex value, or null when it has none (durations, sets,
 * PAST_REF, values with unknown digits). `PRESENT_REF` becomes the publication date; a week
 * (`2022-W31`) becomes the month of its Thursday; a season, quarter or half its year; a time its day.
 */
export function calendarValue(value: string, published: string | null = null): string | null {
  if (value === 'PRESENT_REF') return published && parseDay(published) ? published : null;
  if (/X|^P|_REF$/.test(value)) return null;
  const time = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  if (time) return time[1];
  const week = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (week) {
    // ISO week n contains 4 January + 7(n-1) days; its Thursday fixes its month.
    const jan4 = { y: +week[1], m: 1, d: 4 };
    const jan4Weekday = (new Date(Date.UTC(jan4.y, 0, 4)).getUTCDay() + 6) % 7; // Monday 0
    const thursday = addDays(jan4, 7 * (+week[2] - 1) - jan4Weekday + 3);
    return formatDay(thursday).slice(0, 7);
  }
  const part = /^(\d{4})-(?:SP|SU|FA|WI|Q[1-4]|H[12])$/.exec(value);
  if (part) return part[1];
  if (/^\d{2,4}(?:-\d{2}(?:-\d{2})?)?$/.test(value)) return value;
  return null;
}
