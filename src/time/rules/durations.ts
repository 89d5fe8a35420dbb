// Durations: "three years", "the past two years", "for years", "between two and three years".
import { durationValue } from '../calendar.js';
import { key } from '../lexicon.js';
import { E, inGroup, durationInYears, type Groups, type RuleKit } from './kit.js';

export function addDurationRules(kit: RuleKit): void {
  const { a, QTY, unitOf, quantity, prevWord, nextWords, verbBeforeLast, add, found } = kit;
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

}
