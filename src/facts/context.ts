// The country a title refers to when the text does not say it ("President X"): the nearest
// country-like place mentioned before, in this sentence or the few before it, else the place the
// document mentions most.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { mentionAt, type DocView, type MentionRef } from './view.js';

let countries: Set<string> | null = null;
function countryNames(): Set<string> {
  countries ??= new Set((JSON.parse(readFileSync(dataPath('facts', 'countries.json'), 'utf8')).countries as string[]).map((n) => n.toLowerCase()));
  return countries;
}

const LOOKBACK = 3;
const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'into', 'near', 'across', 'throughout', 'inside', 'on']);

/** True for a mention of a country or state (by the entity stage's subtype or data/facts/countries.json). */
export function isCountry(m: MentionRef): boolean {
  return isCountryLike(m);
}

function isCountryLike(m: MentionRef): boolean {
  if (m.entity.type !== 'GPE') return false;
  const sub = m.entity.subtype?.toLowerCase() ?? '';
  if (sub.includes('country') || sub === 'state') return true;
  const names = countryNames();
  const strip = (n: string) => n.toLowerCase().replace(/^the\s+/, '');
  return [m.entity.name, ...m.entity.aliases, ...m.entity.mentions.map((x) => x.text)].some((n) => names.has(strip(n)));
}

export function countryInContext(view: DocView, sentence: number, exclude: ReadonlySet<string>): MentionRef | null {
  const doc = view.doc;
  // Entities with a subtype that says "city" are never the country of a title.
  // The nearest country named before the title, in this sentence or the few before it, skipping
  // places where something happened ("in Pakistan"); failing that, the nearest such place.
  const first = doc.sentences[Math.max(0, sentence - LOOKBACK)].firstToken;
  const end = doc.sentences[sentence].endToken;
  let locative: MentionRef | null = null;
  for (let i = end - 1; i >= first; i--) {
    const m = mentionAt(view, i);
    if (!m) continue;
    i = m.firstTok;
    if (exclude.has(m.entity.id) || !isCountryLike(m)) continue;
    let p = m.firstTok - 1;
    while (p >= 0 && ['DET', 'ADJ'].includes(view.tokens[p].pos)) p--;
    if (p >= 0 && LOCATIVE.has(view.norm[p])) locative ??= m;
    else return m;
  }
  if (locative) return locative;
  // No country nearby: better no fact than the document's busiest country.
  return null;
}
