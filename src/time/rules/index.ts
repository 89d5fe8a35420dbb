// The rule set: each rule is a regular expression built from the language's lexicon (data/time)
// and a function that turns a match into TIMEX3 type and value. Rules only propose; the
// recognizer keeps the longest non-overlapping proposals, and among equals the rule added first,
// so the order of the families below matters.
import type { Lexicon } from '../lexicon.js';
import { addDateRules } from './dates.js';
import { addDayRules } from './days.js';
import { addDurationRules } from './durations.js';
import { B, E, makeKit, type Rule } from './kit.js';
import { addPeriodRules } from './periods.js';
import { addSetRules } from './sets.js';

export type { Found, Rule } from './kit.js';

const cache = new WeakMap<Lexicon, Rule[]>();

export function rulesFor(lex: Lexicon): Rule[] {
  let rules = cache.get(lex);
  if (!rules) cache.set(lex, (rules = buildRules(lex)));
  return rules;
}

function buildRules(lex: Lexicon): Rule[] {
  const kit = makeKit(lex);
  addDateRules(kit);
  addPeriodRules(kit);
  addDurationRules(kit);
  addDayRules(kit);
  addSetRules(kit);
  return kit.rules.map((r) => ({ name: r.name, re: new RegExp(`${B}(?:${r.source})${E}`, 'giud'), apply: r.apply }));
}
