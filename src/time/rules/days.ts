// Days and times of day: weekdays, "yesterday", clock times, seasons, quarters.
import { formatDay, formatYear, quarterOf } from '../calendar.js';
import { key } from '../lexicon.js';
import { resolveWeekday } from '../resolve.js';
import { E, shiftDay, type Groups, type RuleKit } from './kit.js';

export function addDayRules(kit: RuleKit): void {
  const { lex, a, WD, YEAR, weekdayOf, shiftOf, tenseWithUntil, add, found } = kit;
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

}
