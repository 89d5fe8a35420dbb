// Sets ("every week", "twice a year", "annually") and general references ("now", "the past").
import { durationValue } from '../calendar.js';
import { key } from '../lexicon.js';
import { E, type Groups, type RuleKit } from './kit.js';

export function addSetRules(kit: RuleKit): void {
  const { lex, a, WD, QTY, unitOf, quantity, add, found } = kit;
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
}
