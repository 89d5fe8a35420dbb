// Dates named on the calendar: event names, data patterns, ISO and numeric dates, month/day/year,
// years, holidays, decades, centuries.
import type { TimexType } from '../../model/types.js';
import { formatDay, formatYear, shiftedValue, unitValue } from '../calendar.js';
import type { TimeContext } from '../context.js';
import { isAbbreviation, key, type DataPattern } from '../lexicon.js';
import { dayValue, expandTwoDigitYear, monthValue, resolveWeekday, resolveYear } from '../resolve.js';
import { E, UNKNOWN_PERIOD, inGroup, yearless, durationInYears, type Groups, type Found, type RuleKit } from './kit.js';

export function addDateRules(kit: RuleKit): void {
  const { lex, a, WDANY, QTY, YEAR, DAYN, REL_YEAR, month, weekdayOf, unitOf, shiftOf, quantity, monthOk, yearFrom, prevWord, nextWords, yearPreps, notYearPrecedents, tenseWithUntil, notYearFollowers, add, found } = kit;
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
      // A lone abbreviation counts only with its period after a preposition ("in Aug.").
      const isAbbrev = isAbbreviation(k, Object.keys(lex.months));
      if (isAbbrev && !(word.endsWith('.') && yearPreps.has(prevWord(ctx, m.index) ?? ''))) return null;
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

}
