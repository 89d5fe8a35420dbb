// What every rule module shares: the lexicon's alternations as pattern pieces, the readers of
// matched words (month, quantity, shift), the checks around a match, and the list rules go into.
import type { TimexType } from '../../model/types.js';
import { durationValue, type Day } from '../calendar.js';
import type { TimeContext } from '../context.js';
import { key, type Lexicon } from '../lexicon.js';

export interface Found {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  /** A month or day named without a year: a range's other end may lend it one ("March to May 2013"). */
  yearless?: boolean;
  /** Counted from the date the text last named ("the following year"), resolved by the recognizer. */
  relative?: { unit: 'Y' | 'M' | 'W' | 'D'; shift: number; onlyNearDate?: boolean; durationEnd?: number; duration?: string };
}

export interface Rule {
  name: string;
  re: RegExp;
  apply(m: RegExpExecArray, ctx: TimeContext): Found | Found[] | null;
}

export type Groups = Record<string, string | undefined>;

export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

/** The value of a period named relative to an unknown publication date, at its granularity. */
export const UNKNOWN_PERIOD: Record<string, string> = { D: 'XXXX-XX-XX', W: 'XXXX-WXX', WE: 'XXXX-WXX-WE', M: 'XXXX-XX', Q: 'XXXX-QX', Y: 'XXXX', DE: 'XXX', CE: 'XX' };

export type RuleKit = ReturnType<typeof makeKit>;

export function makeKit(lex: Lexicon) {
  const a = lex.alt;
  const fullWeekdays = Object.keys(lex.weekdays).filter((w) => !lex.ambiguousWeekdays.includes(w) && w.length > 4);
  const WD = `(?:${fullWeekdays.join('|')})`;
  const WDANY = a.weekday;
  const NUMW = `(?:${a.number}(?:[\\s-]${a.number})?)`;
  const QTY = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${NUMW}|${a.indefinite}|${a.vague})`;
  const YEAR = '[12]\\d{3}';
  const DAYN = '[0-3]?\\d(?:st|nd|rd|th)?';
  const REL_YEAR = `(?:last|this|next)\\s+year`;
  const PERIOD_UNITS = '(?:weekend|week|month|fiscal\\s+year|year|decade|century|quarter)';

  const month = (s: string | undefined) => (s ? lex.months[key(s).replace(/\.$/, '')] : undefined);
  const weekdayOf = (s: string | undefined) => (s ? lex.weekdays[key(s).replace(/\.$/, '')] : undefined);
  const unitOf = (s: string) => lex.units[key(s).replace(/^fiscal /, '')] ?? (key(s).endsWith('year') ? 'Y' : undefined);
  const shiftOf = (s: string | undefined): number | null => {
    if (!s) return null;
    const v = lex.relativeShift[key(s)];
    return typeof v === 'number' ? v : null;
  };
  const quantity = (s: string): number | null => {
    const k = key(s);
    if (/^[\d,.]+$/.test(k)) return Number(k.replace(/,/g, ''));
    if (lex.indefinites.includes(k)) return 1;
    if (k in lex.numbers) return lex.numbers[k];
    const parts = k.split(/[\s-]+/);
    if (parts.length === 2 && parts[0] in lex.numbers && parts[1] in lex.numbers) {
      const [x, y] = [lex.numbers[parts[0]], lex.numbers[parts[1]]];
      return y === 100 ? x * 100 : x + y;
    }
    return null; // vague: several, a few, many
  };
  /** Month names that are also common words ("May", "march") count only when capitalized. */
  const monthOk = (word: string) => {
    const k = key(word).replace(/\.$/, '');
    if (lex.capitalizedNames && lex.ambiguousMonths.includes(k) && !/^\p{Lu}/u.test(word)) return false;
    return true;
  };
  const yearFrom = (g: Groups, ctx: TimeContext): { y: number | null; explicit: boolean } => {
    if (g.y) return { y: +g.y, explicit: true };
    if (g.ry && ctx.anchor) return { y: ctx.anchor.y + (shiftOf(g.ry.split(/\s+/)[0]) ?? 0), explicit: true };
    return { y: null, explicit: false };
  };
  const prevWord = (ctx: TimeContext, at: number) => /([\p{L}.$€£#]+)\s*$/u.exec(ctx.text.slice(Math.max(0, at - 20), at))?.[1]?.toLowerCase();
  const nextWords = (ctx: TimeContext, at: number) => ctx.text.slice(at, at + 30).toLowerCase();
  const yearPreps = new Set(lex.yearPrepositions);
  const untilWords = new Set(lex.untilWords);
  const notYearPrecedents = new Set(lex.notYearPrecedents);
  const verbBeforeLast = new Set(lex.verbBeforeLast);
  /** "closed until Friday": a day reached by "until" lies ahead even in a past-tense sentence. */
  const tenseWithUntil = (ctx: TimeContext, at: number) => (untilWords.has(prevWord(ctx, at) ?? '') && prevWord(ctx, at) !== 'by' ? 'future' : ctx.tenseAt(at));
  const notYearFollowers = new RegExp(`^\\s*(?:%|${lex.notYearFollowers.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'u');

  const rules: Array<{ name: string; source: string; apply: Rule['apply'] }> = [];
  const add = (name: string, source: string, apply: Rule['apply']) => rules.push({ name, source, apply });
  const found = (m: RegExpExecArray, type: TimexType, value: string | null): Found | null =>
    value === null ? null : { start: m.index, end: m.index + m[0].length, type, value };

  return { lex, a, fullWeekdays, WD, WDANY, NUMW, QTY, YEAR, DAYN, REL_YEAR, PERIOD_UNITS, month, weekdayOf, unitOf, shiftOf, quantity, monthOk, yearFrom, prevWord, nextWords, yearPreps, untilWords, notYearPrecedents, verbBeforeLast, tenseWithUntil, notYearFollowers, rules, add, found };
}

/** A proposal whose extent is one named group of the match (the cue word before it left out). */
export function inGroup(m: RegExpExecArray, name: string, type: TimexType, value: string): Found | null {
  const span = (m as any).indices?.groups?.[name] as [number, number] | undefined;
  return span ? { start: span[0], end: span[1], type, value } : null;
}

export function yearless(f: Found | null, flag: boolean): Found | null {
  if (f && flag) f.yearless = true;
  return f;
}

/** Decades and centuries as years ("a decade" → P10Y), as TIMEX3 annotators mostly write them. */
export function durationInYears(q: number | null, u: string): string {
  if (u === 'DE') return q === null ? 'PXDE' : durationValue(q * 10, 'Y');
  if (u === 'CE') return q === null ? 'PXCE' : durationValue(q * 100, 'Y');
  return durationValue(q, u);
}

export function shiftDay(day: Day, offset: number): Day {
  const d = new Date(Date.UTC(day.y, day.m - 1, day.d + offset));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
