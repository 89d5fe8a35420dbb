// A nationality word and its country name the same place: a person who is "an American
// painter" is a citizen of the United States the document also names, and an organization based
// in "France" is in the country its "French" stands for. When a document names a country both
// ways, a citizenship or location fact found for one is also a fact for the other.
import type { Entity, Fact } from '../model/types.js';
import { getLexicon, norpWord } from '../entities/lexicon.js';
import { loadCatalog } from '../catalog/index.js';
import { loadRules } from './rules.js';
import { mentionAt, sentenceAt, type DocView } from './view.js';
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';

/** Relation types whose object may be a country, and the entity types the copy may point to. */
const OBJECT_TYPES: Record<string, ReadonlySet<string>> = {
  citizen_of: new Set(['NORP', 'GPE']),
  located_in: new Set(['GPE']),
};

let countries: Set<string> | null = null;

/** True for an entity named like a country or state of data/facts/countries.json. */
function isCountryName(e: Entity): boolean {
  countries ??= new Set((JSON.parse(readFileSync(dataPath('facts', 'countries.json'), 'utf8')).countries as string[]).map((n) => n.toLowerCase()));
  return [e.name, ...e.aliases].some((n) => countries!.has(n.toLowerCase().replace(/^the\s+/, '')));
}

/** The catalog's country code of a country name or a nationality word, or null. */
export function countryCode(entity: Entity): string | null {
  const catalog = loadCatalog();
  const names = [entity.name, ...entity.aliases];
  if (entity.type === 'NORP') {
    const lex = getLexicon();
    for (const n of names) {
      const w = norpWord(lex, n.toLowerCase());
      const country = w ? lex.demonyms.get(w) : undefined;
      if (!country) continue;
      const code = catalog.lookup(country).find((e) => e.subtype === 'country')?.country;
      if (code) return code;
    }
    return null;
  }
  if (entity.type !== 'GPE') return null;
  // "Georgia" the state, "Lebanon" the town: a place the entity stage knows is no country.
  if (entity.subtype && !/country/i.test(entity.subtype)) return null;
  for (const n of names) {
    const code = catalog.lookup(n).find((e) => e.subtype === 'country')?.country;
    if (code) return code;
  }
  return null;
}

function isDemonym(e: Entity): boolean {
  const lex = getLexicon();
  return [e.name, ...e.aliases].some((n) => {
    const w = norpWord(lex, n.toLowerCase());
    return !!w && lex.demonyms.has(w);
  });
}

export function countryVariants(entities: Entity[], facts: Fact[]): Fact[] {
  const codes = new Map<string, string | null>();
  const code = (e: Entity) => {
    if (!codes.has(e.id)) codes.set(e.id, countryCode(e));
    return codes.get(e.id)!;
  };
  const byId = new Map(entities.map((e) => [e.id, e]));
  const out: Fact[] = [];
  for (const f of facts) {
    const allowed = OBJECT_TYPES[f.type];
    const obj = f.object ? byId.get(f.object) : undefined;
    if (!allowed || !obj || f.modality === 'negated') continue;
    const c = code(obj);
    if (!c) continue;
    for (const e of entities) {
      if (e.id === obj.id || e.id === f.subject || !allowed.has(e.type) || code(e) !== c) continue;
      out.push({ ...f, object: e.id, confidence: Math.round(f.confidence * 0.9 * 1000) / 1000 });
    }
  }
  return out;
}

/**
 * Citizenship needs a country: "a Republican senator" says party membership (member_of the party
 * word), "a Catholic priest" or "an African singer" no citizenship at all, and a town is not a
 * nationality ("Chicago radio host X").
 */
export function citizenshipChecked(entities: Entity[], facts: Fact[]): Fact[] {
  const lists = loadRules().lists;
  const party = new Set(lists.party_word ?? []);
  const notNational = new Set(lists.not_nationality ?? []);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const out: Fact[] = [];
  for (const f of facts) {
    const obj = (f.type === 'citizen_of' || f.type === 'located_in' || f.type === 'member_of') && f.object ? byId.get(f.object) : undefined;
    if (!obj) {
      out.push(f);
      continue;
    }
    // A membership in a nationality word is one in a party ("elected as a Republican"), or none.
    if (f.type === 'member_of') {
      if (obj.type !== 'NORP' || party.has(obj.name.toLowerCase().replace(/s$/, '')) || party.has(obj.name.toLowerCase())) out.push(f);
      continue;
    }
    // "a German network" places an organization in a country; "a Catholic network" does not.
    if (f.type === 'located_in') {
      if (obj.type !== 'NORP' || countryCode(obj) || isDemonym(obj)) out.push(f);
      continue;
    }
    const word = obj.name.toLowerCase().replace(/s$/, '');
    if (obj.type === 'NORP' && (party.has(word) || party.has(obj.name.toLowerCase()))) out.push({ ...f, type: 'member_of' });
    else if (obj.type === 'NORP' && (notNational.has(word) || notNational.has(obj.name.toLowerCase()))) continue;
    else if (obj.type === 'GPE' && !countryCode(obj) && !isCountryName(obj)) continue;
    else out.push(f);
  }
  return out;
}


/**
 * A person born in a country, or in a place the text puts in a country, is most often its
 * citizen ("X (born 1982 in Kroonstad, South Africa)"). The place is the first one named within a
 * few words after "born"; a weak guess, below a stated nationality.
 */
export function citizenshipByBirth(view: DocView, facts: Fact[]): Fact[] {
  const doc = view.doc;
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const inCountry = new Map<string, string>();
  for (const f of facts) {
    if (f.type !== 'part_of' || !f.object || f.modality !== 'asserted') continue;
    const o = byId.get(f.object);
    if (o && o.type === 'GPE' && countryCode(o) && !inCountry.has(f.subject)) inCountry.set(f.subject, o.id);
  }
  const out: Fact[] = [];
  for (const f of facts) {
    if (f.type !== 'born' || f.modality !== 'asserted' || byId.get(f.subject)?.type !== 'PERSON') continue;
    for (const ev of f.evidence) {
      const s = sentenceAt(doc, ev.start);
      if (s < 0) continue;
      const sent = doc.sentences[s];
      let born = -1;
      for (let i = sent.firstToken; i < sent.endToken; i++) if (view.norm[i] === 'born') born = born < 0 ? i : born;
      if (born < 0) continue;
      let country: string | null = null;
      for (let i = born + 1; i < sent.endToken && i <= born + 12 && !country; i++) {
        const m = mentionAt(view, i);
        if (!m || m.entity.type !== 'GPE') continue;
        country = countryCode(m.entity) ? m.entity.id : inCountry.get(m.entity.id) ?? null;
        i = m.endTok - 1;
      }
      if (!country || country === f.subject) continue;
      out.push({ ...f, kind: 'relation', type: 'citizen_of', object: country, time: null, place: null, confidence: 0.45, evidence: [ev] });
    }
  }
  return out;
}
