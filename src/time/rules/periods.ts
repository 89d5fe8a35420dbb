// Periods counted from the publication date or the last date named: "last week", "the following year", "two years later", "three years ago".
import { shiftedValue, unitValue, weekday } from '../calendar.js';
import { key } from '../lexicon.js';
import { E, UNKNOWN_PERIOD, durationInYears, type Groups, type RuleKit } from './kit.js';

export function addPeriodRules(kit: RuleKit): void {
  const { lex, a, QTY, PERIOD_UNITS, unitOf, shiftOf, quantity, prevWord, add, found } = kit;
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

}
