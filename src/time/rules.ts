// The rule set: each rule is a regular expression built from the language's lexicon (data/time)
// and a function that turns a match into TIMEX3 type and value. Rules only propose; the
// recognizer keeps the longest non-overlapping proposals.
import type { TimexType } from '../model/types.js';
import { durationValue, formatDay, formatYear, quarterOf, shiftedValue, unitValue, weekday, type Day } from './calendar.js';
import type { TimeContext } from './context.js';
import { isAbbreviation, key, type DataPattern, type Lexicon } from './lexicon.js';
import { dayValue, expandTwoDigitYear, monthValue, resolveWeekday, resolveYear } from './resolve.js';

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

type Groups = Record<string, string | undefined>;

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const cache = new WeakMap<Lexicon, Rule[]>();

/** The value of a period named relative to an unknown publication date, at its granularity. */
const UNKNOWN_PERIOD: Record<string, string> = { D: 'XXXX-XX-XX', W: 'XXXX-WXX', WE: 'XXXX-WXX-WE', M: 'XXXX-XX', Q: 'XXXX-QX', Y: 'XXXX', DE: 'XXX', CE: 'XX' };

export function rulesFor(lex: Lexicon): Rule[] {
  let rules = cache.get(lex);
  if (!rules) cache.set(lex, (rules = buildRules(lex)));
  return rules;
}

function buildRules(lex: Lexicon): Rule[] {
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

  // Well-known events named by their date ("9/11"); from data/time/events.json.
  lex.events.forEach((ev, i) => {
    add(`event${i}`, ev.pattern, (m) => {
      const t = (m as any).indices?.groups?.t as [number, number] | undefined;
      return t ? { start: t[0], end: t[1], type: 'DATE', value: ev.value } : found(m, 'DATE', ev.value);
    });
  });

  // Rules written as data for the language's own word orders ("15 de agosto de 2021", "hace tres años").
  lex.patterns.forEach((p, i) => {
    const source = p.pattern
      .replace(/\{MONTH\}/g, `(?<mo>${a.month})`).replace(/\{DAY\}/g, `(?<d>${DAYN})`).replace(/\{YEAR\}/g, `(?<y>${YEAR})`)
      .replace(/\{QTY\}/g, `(?<q>${QTY})`).replace(/\{UNIT\}/g, `(?<u>${a.unit})`).replace(/\{WEEKDAY\}/g, `(?<wd>${a.weekday})`)
      .replace(/\{SHIFT\}/g, `(?<sh>${a.shift})`);
    add(`pattern${i}`, source, (m, ctx) => applyDataPattern(p, m, ctx));
  });
  const applyDataPattern = (p: DataPattern, m: RegExpExecArray, ctx: TimeContext): Found | null => {
    const g = (m.groups ?? {}) as Groups;
    const shift = p.shift ?? shiftOf(g.sh);
    const u = g.u ? unitOf(g.u) : undefined;
    const q = g.q ? quantity(g.q) : null;
    switch (p.kind) {
      case 'fixed':
        return found(m, (p.type as TimexType) ?? 'DATE', p.value ?? null);
      case 'duration':
        return u ? found(m, 'DURATION', durationInYears(q, u)) : null;
      case 'ago':
        if (!u) return null;
        if (q === null || !ctx.anchor) return found(m, 'DATE', 'PAST_REF');
        return found(m, 'DATE', shiftedValue(ctx.anchor, u === 'MIN' || u === 'H' || u === 'S' ? 'D' : u, -Math.round(q)));
      case 'period':
        if (!u || shift === null) return null;
        return found(m, 'DATE', ctx.anchor ? unitValue(ctx.anchor, u, shift) : UNKNOWN_PERIOD[u] ?? null);
      case 'weekday': {
        const wd = weekdayOf(g.wd);
        if (!wd) return null;
        if (!ctx.anchor) return found(m, 'DATE', `XXXX-WXX-${wd}`);
        return found(m, 'DATE', formatDay(resolveWeekday(ctx.anchor, wd, shift, ctx.tenseAt(m.index))));
      }
      case 'date': {
        const mo = month(g.mo);
        if (!mo) return null;
        const d = g.d ? parseInt(g.d, 10) : null;
        let y: number | null = g.y ? +g.y : null;
        if (y === null && ctx.anchor) y = resolveYear(ctx.anchor, mo, d, shift, ctx.tenseAt(m.index));
        return yearless(found(m, 'DATE', d === null ? monthValue(y, mo) : dayValue(y, mo, d)), !g.y);
      }
    }
  };

  // ISO dates and times: 2013-03-22, 2013-03-22T15:00, 2013/03/22.
  add('iso', `(?<y>${YEAR})(?<sep>[-/])(?<mo>[01]\\d)\\k<sep>(?<d>[0-3]\\d)(?:[T ](?<h>[0-2]\\d):(?<mi>[0-5]\\d))?(?![\\d/-])`, (m) => {
    const g = m.groups as Groups;
    const v = dayValue(+g.y!, +g.mo!, +g.d!);
    if (!v) return null;
    return g.h ? found(m, 'TIME', `${v}T${g.h}:${g.mi}`) : found(m, 'DATE', v);
  });

  // Numeric dates: 3/22/2013, 22.03.2013 (month first unless the first number cannot be a month).
  add('numericDate', `(?<p>[0-3]?\\d)(?<sep>[/.])(?<q>[0-3]?\\d)\\k<sep>(?<y>${YEAR}|\\d{2})(?![\\d/.]\\d)`, (m, ctx) => {
    const g = m.groups as Groups;
    let [mo, d] = [+g.p!, +g.q!];
    if (mo > 12 || g.sep === '.') [mo, d] = [d, mo];
    const y = g.y!.length === 2 ? expandTwoDigitYear(+g.y!, ctx.anchor) : +g.y!;
    return found(m, 'DATE', dayValue(y, mo, d));
  });

  // Month and day, optionally a weekday before and a year after: "Friday, March 22, 2013",
  // "Feb. 28", "August 15 last year".
  add('monthDay', `(?:(?<wd>${WDANY}),?\\s+)?(?:(?<sh>${a.shift})\\s+)?(?<mo>${a.month})\\s+(?<d>${DAYN})(?![\\d:]|\\.\\d)(?:,?\\s+(?<y>${YEAR})(?!\\d)|\\s+(?<ry>${REL_YEAR}))?`, (m, ctx) => {
    const g = m.groups as Groups;
    const mo = month(g.mo)!;
    const d = parseInt(g.d!, 10);
    if (!monthOk(g.mo!) || d < 1) return null;
    if (!g.y && /^\d{3,}/.test(nextWords(ctx, m.index + m[0].length))) return null;
    let { y, explicit } = yearFrom(g, ctx);
    // "last August 15", "the past 15 August" (as translations put it): the latest one before.
    if (y === null && ctx.anchor) y = resolveYear(ctx.anchor, mo, d, shiftOf(g.sh), ctx.tenseAt(m.index));
    return yearless(found(m, 'DATE', dayValue(y, mo, d)), !explicit && !g.sh);
  });

  // Day before month: "22 March 2013", "the 15th of August".
  add('dayMonth', `(?:(?<wd>${WDANY}),?\\s+)?(?:(?:the\\s+)?(?<sh>${a.shift})\\s+)?(?<d>${DAYN})\\s+(?:of\\s+)?(?<mo>${a.month})(?:,?\\s+(?<y>${YEAR})(?!\\d)|\\s+(?<ry>${REL_YEAR}))?`, (m, ctx) => {
    const g = m.groups as Groups;
    const mo = month(g.mo)!;
    const d = parseInt(g.d!, 10);
    if (!monthOk(g.mo!) || d < 1) return null;
    let { y, explicit } = yearFrom(g, ctx);
    // "last August 15", "the past 15 August" (as translations put it): the latest one before.
    if (y === null && ctx.anchor) y = resolveYear(ctx.anchor, mo, d, shiftOf(g.sh), ctx.tenseAt(m.index));
    return yearless(found(m, 'DATE', dayValue(y, mo, d)), !explicit && !g.sh);
  });

  // Month with a year, a relative year or alone: "February 2020", "late last July", "early December".
  add('month', `(?:(?<fz>${a.fuzzy})[\\s-]+)?(?:(?<sh>${a.shift})\\s+)?(?<mo>${a.month})(?:,?\\s+(?:of\\s+)?(?<y>${YEAR})(?!\\d)|\\s+(?:of\\s+)?(?<ry>${REL_YEAR}))?`, (m, ctx) => {
    const g = m.groups as Groups;
    const word = g.mo!;
    const mo = month(word)!;
    if (!monthOk(word)) return null;
    const bare = !g.y && !g.ry && !g.sh && !g.fz;
    const k = key(word).replace(/\.$/, '');
    if (bare) {
      // A lone abbreviation or a month name that is also a word needs a preposition before it.
      const isAbbrev = isAbbreviation(k, Object.keys(lex.months));
      if (isAbbrev) return null;
      if (lex.ambiguousMonths.includes(k) && !yearPreps.has(prevWord(ctx, m.index) ?? '')) return null;
      const pos = ctx.posAt(m.index);
      if (pos === 'VERB' || pos === 'AUX') return null;
    }
    let { y, explicit } = yearFrom(g, ctx);
    if (y === null && ctx.anchor) y = resolveYear(ctx.anchor, mo, null, shiftOf(g.sh), tenseWithUntil(ctx, m.index));
    return yearless(found(m, 'DATE', monthValue(y, mo)), !explicit && !g.sh);
  });

  // Years, alone or as a dash range ("1957-58", "2001–2021"). A number is a year only where it
  // reads as one: "2,000 fighters", "$2013" and "1500 people" are not.
  add('year', `(?:(?<fz>${a.fuzzy})[\\s-]*)?(?<![\\d,.$€£#:/]|\\d-)(?<y>${YEAR})(?:(?<dash>\\s?[-–]\\s?)(?<y2>${YEAR}|\\d{2}))?(?![\\p{L}\\p{N}'’]|[,.:/]\\d)`, (m, ctx) => {
    const g = m.groups as Groups;
    const y = +g.y!;
    const yStart = m.index + m[0].indexOf(g.y!, g.fz ? g.fz.length : 0);
    const after = m.index + m[0].length;
    const prev = prevWord(ctx, g.fz ? m.index : yStart);
    if (notYearFollowers.test(ctx.text.slice(after, after + 20))) return null;
    // A number in a run of bare numbers ("12 2019 7") is a figure, not a year.
    if (!g.fz && !g.y2 && (/\d\s+$/.test(ctx.text.slice(Math.max(0, yStart - 3), yStart)) || /^\s+\d/.test(ctx.text.slice(after, after + 3)))) return null;
    // "Resolution 1973", "flight 2019", "about 2000": a label or a count, not a year.
    if (prev && notYearPrecedents.has(prev) && !g.fz) return null;
    const plausible = y >= 1900 && y <= 2100;
    if (!plausible && !(y >= 1000 && y <= 2200 && (g.fz || (prev && yearPreps.has(prev))))) return null;
    const out: Found[] = [];
    out.push({ start: m.index, end: yStart + 4, type: 'DATE', value: formatYear(y) });
    if (g.y2) {
      let y2 = +g.y2;
      if (g.y2.length === 2) y2 = Math.floor(y / 100) * 100 + y2;
      if (y2 <= y || y2 - y > 200) return out;
      const s2 = yStart + 4 + g.dash!.length;
      out.push({ start: s2, end: s2 + g.y2.length, type: 'DATE', value: formatYear(y2) });
    }
    return out;
  });

  // Holidays on a fixed day: "Christmas 2019", "on New Year's Eve".
  add('holiday', `(?<hd>${a.holiday})(?:,?\\s+(?<y>${YEAR})(?!\\d))?`, (m, ctx) => {
    const g = m.groups as Groups;
    if (!/^\p{Lu}/u.test(g.hd!) && !/^may day$/i.test(g.hd!)) return null;
    const md = lex.holidays[key(g.hd!)];
    if (!md || /^may day$/i.test(g.hd!) && !/^May Day/.test(g.hd!)) return null;
    const [mo, d] = md.split('-').map(Number);
    let y: number | null = g.y ? +g.y : null;
    // "last August 15", "the past 15 August" (as translations put it): the latest one before.
    if (y === null && ctx.anchor) y = resolveYear(ctx.anchor, mo, d, shiftOf(g.sh), ctx.tenseAt(m.index));
    return yearless(found(m, 'DATE', dayValue(y, mo, d)), !g.y);
  });

  // Decades and centuries: "the 1990s" → 199, "the early '90s", "the 20th century" → 19.
  add('decade', `(?:(?<fz>${a.fuzzy})[\\s-]+)?(?:(?<dec>1\\d|20)(?<dd>\\d)0['’]?s|['’](?<d2>\\d)0s)${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    if (g.dec) return found(m, 'DATE', `${g.dec}${g.dd}`);
    return found(m, 'DATE', String(Math.floor(expandTwoDigitYear(+g.d2! * 10, ctx.anchor) / 10)));
  });
  // The cue word is matched, not looked behind for: a lookbehind with \s+ rescans long runs of spaces.
  add('shortDecade', `(?:the|early|late|mid|and|or|to)[\\s-]+(?<x>(?<d3>[1-9]0)s)${E}`, (m, ctx) => {
    // "the 70s and 80s": after a conjunction only when a decade comes just before.
    if (/^(?:and|or|to)/i.test(m[0]) && !/\d0['’]?s\s*$/.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) return null;
    // "in his early 60s" is an age.
    if (/(?:his|her|their|its|my|your|our)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) return null;
    return inGroup(m, 'x', 'DATE', String(Math.floor(expandTwoDigitYear(+m.groups!.d3!, ctx.anchor) / 10)));
  });
  // "the summer of '82": an apostrophe year, only where a year is expected.
  add('apostropheYear', `['’](?<yy>\\d{2})(?!['’]?s|\\d)`, (m, ctx) => {
    if (!yearPreps.has(prevWord(ctx, m.index) ?? '')) return null;
    return found(m, 'DATE', formatYear(expandTwoDigitYear(+m.groups!.yy!, ctx.anchor)));
  });
  // "the nineties", "the early eighties": the latest such decade that has ended.
  add('decadeWord', `(?:the|early|late|mid)[\\s-]+(?:(?:early|late|mid)[\\s-]+)?(?<dw>${a.decadeWord})${E}`, (m, ctx) => {
    const n = lex.decadeWords[key(m.groups!.dw!)];
    const year = ctx.anchor?.y ?? new Date().getUTCFullYear();
    let start = Math.floor(year / 100) * 100 + n * 10;
    if (start + 10 > year) start -= 100;
    return found(m, 'DATE', String(start / 10));
  });
  add('century', `(?:(?<fz>${a.fuzzy})[\\s-]+)?(?:the\\s+)?(?<o>${a.ordinal}|\\d{1,2}(?:st|nd|rd|th))[\\s-]+century`, (m) => {
    const g = m.groups as Groups;
    const o = lex.ordinals[key(g.o!)] ?? parseInt(g.o!, 10);
    if (!(o >= 1 && o <= 22)) return null;
    const start = m.index + (g.fz ? 0 : m[0].search(/\S/) + (/^the\s/i.test(m[0]) ? m[0].indexOf(g.o!) : 0));
    return { start, end: m.index + m[0].length, type: 'DATE', value: String(o - 1).padStart(2, '0') };
  });

  // A period counted from the date the text last named: "the following year", "that month".
  add('anaphoricPeriod', `(?:(?<fz>${a.fuzzy})[\\s-]+)?(?:(?:the|that)\\s+(?<sh>${a.anaphoric})\\s+|(?<that>that)\\s+)(?<u>year|month)${E}(?!\\s+(?:of|ago|before|after|earlier|later))`, (m) => {
    const g = m.groups as Groups;
    const shift = g.that ? 0 : lex.anaphoricShift[key(g.sh!)];
    if (typeof shift !== 'number') return null;
    const unit = key(g.u!) === 'year' ? 'Y' : 'M';
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: unit === 'Y' ? 'XXXX' : 'XXXX-XX', relative: { unit, shift } };
  });

  // A calendar period relative to the publication date: "last week", "this fiscal year",
  // "the middle of the last decade", "earlier this month"; "the past year" is a duration.
  add('relativePeriod', `(?:(?<fz>${a.fuzzy})[\\s-]+)?(?<the>the\\s+)?(?<sh>${a.shift})\\s+(?<u>${PERIOD_UNITS})${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    const u = unitOf(g.u!)!;
    const sh = key(g.sh!);
    const n = shiftOf(g.sh);
    if (n === null) return null;
    const asDuration = !g.fz && (sh === 'past' || (g.the && /^(?:next|coming|following)$/.test(sh)));
    if (asDuration) return found(m, 'DURATION', durationInYears(1, u));
    if (!ctx.anchor) return found(m, 'DATE', UNKNOWN_PERIOD[u] ?? 'XXXX-XX-XX');
    return found(m, 'DATE', unitValue(ctx.anchor, u, n));
  });
  add('theWeekend', `the\\s+weekend${E}`, (m, ctx) => {
    if (!ctx.anchor) return found(m, 'DATE', 'XXXX-WXX-WE');
    // The weekend nearest in the sentence's direction: on a weekday, the past one is last week's.
    const onWeekend = weekday(ctx.anchor) >= 6;
    const future = ctx.tenseAt(m.index) === 'future';
    return found(m, 'DATE', unitValue(ctx.anchor, 'WE', onWeekend ? 0 : future ? 0 : -1));
  });
  // "the end of the year", "the beginning of the month": the current period.
  add('fuzzyPeriod', `(?<fz>${a.fuzzy})[\\s-]+(?:the\\s+)?(?<u>year|month|week|decade|century)${E}(?!\\s+(?:of|ago|before|after|earlier|later))`, (m, ctx) => {
    const g = m.groups as Groups;
    if (!ctx.anchor) return null;
    return found(m, 'DATE', unitValue(ctx.anchor, unitOf(g.u!)!, 0));
  });

  // "two years later", "three days earlier": counted from the date the text just named; with no
  // such date near, only the duration ("two years") is kept.
  add('later', `(?<q>${QTY})[\\s-]+(?<u>days?|weeks?|months?|years?|decades?)\\s+(?<dir>later|earlier)${E}(?!\\s+than)`, (m, ctx) => {
    const g = m.groups as Groups;
    const q = quantity(g.q!);
    const u = unitOf(g.u!)!;
    if (q === null || !Number.isInteger(q)) return null;
    const [unit, n] = u === 'DE' ? ['Y', 10 * q] : [u, q];
    const sign = key(g.dir!) === 'later' ? 1 : -1;
    const duration = durationInYears(q, u);
    const durationEnd = m.index + m[0].length - g.dir!.length;
    // "up 5% from a year earlier": a comparison with the same period, not a date after the last one.
    if (/^(?:from|than|with|over|versus|vs\.?)$/.test(prevWord(ctx, m.index) ?? '')) return { start: m.index, end: durationEnd, type: 'DURATION', value: duration };
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: duration, relative: { unit: unit as 'Y' | 'M' | 'W' | 'D', shift: sign * n, onlyNearDate: true, durationEnd, duration } };
  });

  // "three years ago", "a month ago"; "years ago" is the past in general.
  add('ago', `(?:(?<apx>${a.approximator})\\s+)?(?<q>${QTY})[\\s-]+(?<u>${a.unit})\\s+${a.ago}${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    const u = unitOf(g.u!)!;
    const q = quantity(g.q!);
    if (q === null || !ctx.anchor) return found(m, 'DATE', 'PAST_REF');
    const unit = u === 'MIN' || u === 'H' || u === 'S' ? null : u;
    if (!unit) return found(m, 'TIME', 'PAST_REF');
    return found(m, 'DATE', shiftedValue(ctx.anchor, unit, -Math.round(q)));
  });
  add('agoVague', `(?<u>years|months|weeks|days|decades|centuries)\\s+${a.ago}${E}`, (m) => found(m, 'DATE', 'PAST_REF'));

  // Durations: "three years", "almost seven years", "a mere 24 hours", "the past two years",
  // "the next few months", "four-week", "recent weeks".
  add('duration', `(?:(?<apx>${a.approximator})\\s+)?(?:the\\s+)?(?:(?<sh>${a.shift})\\s+)?(?<q>${QTY})(?:\\s+and\\s+a\\s+half)?[\\s-]+(?:${a.unitAdjective}[\\s-]+)?(?<u>${a.unit})(?:[\\s-]+(?:long|old))?${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    const u = unitOf(g.u!)!;
    const qk = key(g.q!);
    const single = qk === 'a' || qk === 'an' || qk === 'one';
    // "a second attack", "a quarter of the vote": not durations.
    if (u === 'S' && single && /^[a-z]/.test(g.u!) && !/s$/.test(g.u!)) return null;
    if ((u === 'Q' || u === 'CE') && /^\s+of\b/.test(nextWords(ctx, m.index + m[0].length))) return null;
    // A plain number before a plural unit word inside a list of figures ("3 days, 4 hours") is fine;
    // a number that is a year ("2013 years") is not a quantity anyone writes.
    let q = quantity(g.q!);
    if (q !== null && /and\s+a\s+half/.test(m[0])) q += 0.5;
    // "22-year-old" is an age, written as an adjective: not annotated as a duration.
    if (/[\s-]old$/i.test(m[0])) return null;
    // "the 30-year bond": an adjective duration leaves the determiner out.
    if (!g.sh && !g.apx && /^the\s/i.test(m[0]) && /\d-\p{L}/u.test(m[0])) {
      const start = m.index + m[0].indexOf(g.q!);
      return { start, end: m.index + m[0].length, type: 'DURATION', value: durationInYears(q, u) };
    }
    // "is to last 60 days": "last" is the verb here, outside the extent.
    if (g.sh && key(g.sh) === 'last' && verbBeforeLast.has(prevWord(ctx, m.index) ?? '')) {
      const start = m.index + m[0].indexOf(g.q!, m[0].search(/last/i) + 4);
      if (q !== null && (q > 10_000 || q < 0)) return null;
      return { start, end: m.index + m[0].length, type: 'DURATION', value: durationInYears(q, u) };
    }
    if (q !== null && (q > 10_000 || q < 0)) return null;
    return found(m, 'DURATION', durationInYears(q, u));
  });
  // A bare plural unit after a word that asks for a duration: "for years", "within days".
  add('barePlural', `(?:for|within|took|take|takes|taking|lasted|lasting|spent|spend|spends)\\s+(?<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)${E}`, (m) => {
    const u = unitOf(m.groups!.u!)!;
    return inGroup(m, 'u', 'DURATION', durationValue(null, u));
  });

  add('barePluralIn', `in\\s+(?<u>days|weeks|months|years|decades)(?=[.,;:!?)]|\\s*$)`, (m) =>
    inGroup(m, 'u', 'DURATION', durationValue(null, unitOf(m.groups!.u!)!)));
  add('barePluralBefore', `(?<u>seconds|minutes|hours|days|weeks|months|years|decades)(?=\\s+(?:before|after|later|earlier)${E})`, (m) => {
    return found(m, 'DURATION', durationValue(null, unitOf(m.groups!.u!)!));
  });
  // A range of quantities shares its unit: "between 12 and 18 months", "two or three years".
  add('quantityRange', `(?<q1>${QTY})(?<mid>\\s*(?:-|–|to|or|and)\\s*)(?<q2>${QTY})[\\s-]+(?<u>${a.unit})`, (m) => {
    const g = m.groups as Groups;
    const u = unitOf(g.u!)!;
    const [q1, q2] = [quantity(g.q1!), quantity(g.q2!)];
    if (q1 === null || q2 === null || q1 >= q2 || q2 > 10_000) return null;
    const end1 = m.index + g.q1!.length;
    const start2 = end1 + g.mid!.length;
    return [
      { start: m.index, end: end1, type: 'DURATION', value: durationInYears(q1, u) },
      { start: start2, end: m.index + m[0].length, type: 'DURATION', value: durationInYears(q2, u) },
    ];
  });

  // Weekdays, optionally with a part of the day or a shift: "Friday", "last Sunday",
  // "Friday afternoon", "Sunday night".
  add('weekday', `(?:(?<sh>${a.shift})\\s+)?(?<wd>${WD})(?<pl>s)?(?:\\s+(?<pod>morning|afternoon|evening|night))?${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    if (lex.capitalizedNames && !/^\p{Lu}/u.test(g.wd!)) return null;
    const wd = weekdayOf(g.wd)!;
    const pod = g.pod ? lex.partsOfDay[key(g.pod)] : null;
    if (g.pl) return found(m, 'SET', `XXXX-WXX-${wd}${pod ? 'T' + pod : ''}`);
    if (!ctx.anchor) return found(m, pod ? 'TIME' : 'DATE', `XXXX-WXX-${wd}${pod ? 'T' + pod : ''}`);
    const tense = tenseWithUntil(ctx, m.index);
    let shift = shiftOf(g.sh);
    // "this Sunday" said of a past event is the Sunday just gone, of a future one the next.
    if (shift === 0 && tense !== 'unknown') shift = null;
    const day = resolveWeekday(ctx.anchor, wd, shift, tense);
    return pod ? found(m, 'TIME', `${formatDay(day)}T${pod}`) : found(m, 'DATE', formatDay(day));
  });

  // Days named relative to the publication date: "today", "yesterday afternoon", "tonight".
  add('relativeDay', `(?<rd>${a.relativeDay})(?:\\s+(?<pod>morning|afternoon|evening|night))?${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    const rd = lex.relativeDays[key(g.rd!)];
    // "USA Today", "the Today show": a capitalized "Today" after a capitalized word is a name.
    if (/^\p{Lu}/u.test(g.rd!) && /\p{Lu}[\p{L}.]*\s+$/u.test(ctx.text.slice(Math.max(0, m.index - 15), m.index)) && !/[.!?:]\s*$/.test(ctx.text.slice(Math.max(0, m.index - 3), m.index))) return null;
    const podWord = g.pod ? lex.partsOfDay[key(g.pod)] : null;
    let offset = 0;
    let pod: string | null = podWord;
    if (typeof rd === 'number') offset = rd;
    else if (rd.startsWith('-')) [offset, pod] = [-1, rd.slice(1)];
    else pod = rd;
    if (!ctx.anchor) return found(m, pod ? 'TIME' : 'DATE', pod ? `XXXX-XX-XXT${pod}` : 'XXXX-XX-XX');
    const day = formatDay(shiftDay(ctx.anchor, offset));
    return pod ? found(m, 'TIME', `${day}T${pod}`) : found(m, 'DATE', day);
  });

  // Clock times, with a zone and a day if given: "8 PM", "15:00 GMT Saturday", "noon Friday".
  add('clock', `(?<![\\d][:.])(?:(?<h>[01]?\\d|2[0-3])(?::(?<mi>[0-5]\\d))?\\s*(?<ap>[ap]\\.?\\s?m${E}\\.?)|(?<h2>[01]?\\d|2[0-3]):(?<mi2>[0-5]\\d)(?!:\\d)|(?<nm>noon|midnight))(?:\\s+(?:${a.timeZone}))?(?:,?\\s+(?:on\\s+)?(?<wd>${WD}|today|yesterday|tomorrow))?`, (m, ctx) => {
    const g = m.groups as Groups;
    let h: number;
    let mi = 0;
    if (g.nm) {
      if (!g.wd) return found(m, 'TIME', g.nm.toLowerCase() === 'noon' ? 'XXXX-XX-XXT12:00' : 'XXXX-XX-XXT24:00');
      h = g.nm.toLowerCase() === 'noon' ? 12 : 24;
    } else if (g.h) {
      h = +g.h;
      mi = g.mi ? +g.mi : 0;
      const pm = /^p/i.test(g.ap!);
      if (h > 12 || h === 0) return null;
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    } else {
      h = +g.h2!;
      mi = +g.mi2!;
      // "2:1" or "3:30" in a score or a verse is not a time: a 24-hour time needs two digits.
      if (g.h2!.length < 2 && !g.wd) return null;
    }
    const time = `T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
    if (!ctx.anchor) return found(m, 'TIME', `XXXX-XX-XX${time}`);
    let day = ctx.anchor;
    if (g.wd) {
      const w = key(g.wd);
      if (w in lex.relativeDays) day = shiftDay(ctx.anchor, Number(lex.relativeDays[w]) || 0);
      else day = resolveWeekday(ctx.anchor, weekdayOf(g.wd)!, null, tenseWithUntil(ctx, m.index));
    }
    return found(m, 'TIME', `${formatDay(day)}${time}`);
  });

  add('militaryTime', `(?<hm>[01]\\d|2[0-3])(?<mm>[0-5]\\d)\\s*(?:hours\\s+)?(?:${a.timeZone})`, (m, ctx) => {
    const time = `T${m.groups!.hm}:${m.groups!.mm}`;
    return found(m, 'TIME', ctx.anchor ? `${formatDay(ctx.anchor)}${time}` : `XXXX-XX-XX${time}`);
  });

  // Seasons with a year or a shift: "summer 2012", "last summer", "the spring of 2011".
  add('season', `(?:(?<fz>${a.fuzzy})[\\s-]+)?(?:(?<sh>${a.shift})\\s+|the\\s+)?(?<s>${a.season})(?:\\s+(?:of\\s+)?(?<y>${YEAR})(?!\\d))?${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    const s = lex.seasons[key(g.s!)];
    if (g.y) return found(m, 'DATE', `${g.y}-${s}`);
    const n = shiftOf(g.sh);
    if (n === null || !ctx.anchor) return null;
    const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[s] ?? 1;
    const { y, m: mo } = ctx.anchor;
    let year = y;
    if (n === -1) year = mo >= startMonth + 3 ? y : y - 1;
    if (n === 1) year = mo < startMonth ? y : y + 1;
    return found(m, 'DATE', `${formatYear(year)}-${s}`);
  });

  // Quarters and halves: "the fourth quarter of 2012", "Q1 2013", "the first half of the year".
  add('quarter', `(?:the\\s+)?(?<o>first|second|third|fourth|final|1st|2nd|3rd|4th)[\\s-]+(?:fiscal\\s+)?(?<part>quarter|half)(?:\\s+of\\s+(?:(?<y>${YEAR})|(?:the\\s+)?(?<sh>${a.shift})?\\s*year))?${E}`, (m, ctx) => {
    const g = m.groups as Groups;
    const o = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 0 }[key(g.o!)] ?? 0;
    const half = key(g.part!) === 'half';
    const n = o === 0 ? (half ? 2 : 4) : o;
    if (half && n > 2) return null;
    let y: number | null = g.y ? +g.y : null;
    if (y === null && ctx.anchor) {
      y = ctx.anchor.y + (shiftOf(g.sh) ?? 0);
      // "the fourth quarter" said in March, in the past tense, is last year's.
      if (!g.sh && !half && n > quarterOf(ctx.anchor.m) && ctx.tenseAt(m.index) === 'past') y -= 1;
    }
    if (y === null && !/year/.test(m[0])) return null;
    return found(m, 'DATE', `${y === null ? 'XXXX' : formatYear(y)}-${half ? 'H' : 'Q'}${n}`);
  });
  add('quarterCode', `Q(?<q>[1-4])\\s*(?<y>${YEAR})${E}`, (m) => found(m, 'DATE', `${m.groups!.y}-Q${m.groups!.q}`));

  // Sets: "every week", "each morning", "twice a year", "annually" (as an adverb).
  add('every', `(?:every|each)\\s+(?:other\\s+)?(?:(?<q>${QTY})\\s+)?(?<u>${a.unit}|${WD}|${a.partOfDay}|${a.season})${E}`, (m) => {
    const g = m.groups as Groups;
    const w = key(g.u!);
    const q = g.q ? quantity(g.q) ?? 1 : 1;
    if (w in lex.weekdays) return found(m, 'SET', `XXXX-WXX-${lex.weekdays[w]}`);
    if (w in lex.seasons && !(w in lex.units)) return found(m, 'SET', `XXXX-${lex.seasons[w]}`);
    if (w in lex.partsOfDay && w !== 'night') return found(m, 'SET', `XXXX-XX-XXT${lex.partsOfDay[w].replace(/^T/, '')}`);
    const u = unitOf(g.u!)!;
    return found(m, 'SET', durationValue(/other/.test(m[0]) ? 2 * q : q, u));
  });
  add('timesPer', `(?:once|twice|thrice|(?:${QTY})\\s+times)\\s+(?:a|an|per|each|every)\\s+(?<u>${a.unit})${E}`, (m) => found(m, 'SET', durationValue(1, unitOf(m.groups!.u!)!)));
  add('adverbSet', `(?<w>${a.adjectiveUnit})${E}`, (m, ctx) => {
    if (ctx.posAt(m.index) !== 'ADV') return null;
    return found(m, 'SET', durationValue(1, lex.adjectiveUnits[key(m.groups!.w!)]));
  });

  // The present, past and future in general: "now", "currently", "the past".
  add('reference', `(?<r>${a.reference})${E}(?!\\s*[-–]\\s*\\p{L})`, (m, ctx) => {
    const w = key(m.groups!.r!);
    const pos = ctx.posAt(m.index);
    if (w === 'now' && pos && pos !== 'ADV' && pos !== 'NOUN') return null;
    return found(m, 'DATE', lex.references[w]);
  });

  return rules.map((r) => ({ name: r.name, re: new RegExp(`${B}(?:${r.source})${E}`, 'giud'), apply: r.apply }));
}

/** A proposal whose extent is one named group of the match (the cue word before it left out). */
function inGroup(m: RegExpExecArray, name: string, type: TimexType, value: string): Found | null {
  const span = (m as any).indices?.groups?.[name] as [number, number] | undefined;
  return span ? { start: span[0], end: span[1], type, value } : null;
}

function yearless(f: Found | null, flag: boolean): Found | null {
  if (f && flag) f.yearless = true;
  return f;
}

/** Decades and centuries as years ("a decade" → P10Y), as TIMEX3 annotators mostly write them. */
function durationInYears(q: number | null, u: string): string {
  if (u === 'DE') return q === null ? 'PXDE' : durationValue(q * 10, 'Y');
  if (u === 'CE') return q === null ? 'PXCE' : durationValue(q * 100, 'Y');
  return durationValue(q, u);
}

function shiftDay(day: Day, offset: number): Day {
  const d = new Date(Date.UTC(day.y, day.m - 1, day.d + offset));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
