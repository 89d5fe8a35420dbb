// An organization named in a sentence that names one country and no other is most likely of that
// country ("Sanctuary Records released it in the United States"; "the Indian Academy of
// Sciences ... India"). A weak, cue-less inference, switched and weighted in
// data/facts/inference.json (orgInCountry); the country may be named or said by a nationality.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Fact } from '../model/types.js';
import { span } from '../model/spans.js';
import { countryCode } from './nationality.js';
import { mentionAt, type DocView, type MentionRef } from './view.js';

interface Settings {
  enabled: boolean;
  confidence: number;
  /** For an organization named nowhere near a country in a document that names one: 0 is off. */
  documentConfidence?: number;
}

let settings: Settings | null = null;
function load(): Settings {
  settings ??= (JSON.parse(readFileSync(dataPath('facts', 'inference.json'), 'utf8')).orgInCountry as Settings | undefined) ?? { enabled: false, confidence: 0 };
  return settings;
}

/**
 * Organizations of no one country: international bodies; and armed groups and movements, which
 * act in countries more often than they belong to one (news of a war names both all the time).
 */
const INTERNATIONAL = /^(intergovernmental|international|armed_group|military)/i;
const MOBILE_HEADS = /\b(network|movement|group|front|militia|militias|brigade|brigades|mujahideen|organization|organisation|state|emirate|caliphate|jihad)$/i;

export function orgsInCountry(view: DocView): Fact[] {
  const cfg = load();
  if (!cfg.enabled) return [];
  const doc = view.doc;
  const codes = new Map<string, string | null>();
  const code = (m: MentionRef) => {
    if (!codes.has(m.entity.id)) codes.set(m.entity.id, countryCode(m.entity));
    return codes.get(m.entity.id)!;
  };
  const out: Fact[] = [];
  const docCountries = new Map<string, MentionRef>();
  const placed = new Set<string>();
  for (const sent of doc.sentences) {
    const orgs: MentionRef[] = [];
    const countries = new Map<string, MentionRef>();
    for (let i = sent.firstToken; i < sent.endToken; i++) {
      const m = mentionAt(view, i);
      if (!m) continue;
      i = m.endTok - 1;
      if (m.kind === 'pronoun') continue;
      if (m.entity.type === 'ORG' && !INTERNATIONAL.test(m.entity.subtype ?? '') && !MOBILE_HEADS.test(m.entity.name)) orgs.push(m);
      else if (m.entity.type === 'GPE' || m.entity.type === 'NORP') {
        const c = code(m);
        if (c && (!countries.has(c) || m.entity.type === 'GPE')) countries.set(c, m);
      }
    }
    for (const [c, m] of countries) if (!docCountries.has(c) || m.entity.type === 'GPE') docCountries.set(c, m);
    if (countries.size !== 1 || !orgs.length) continue;
    const country = [...countries.values()][0];
    for (const org of new Set(orgs.map((o) => o.entity))) {
      placed.add(org.id);
      out.push({
        id: '', kind: 'relation', type: 'located_in', subject: org.id, object: country.entity.id,
        time: null, modality: 'asserted', attribution: null, confidence: cfg.confidence,
        mode: null, place: null, role: null, mediator: null,
        evidence: [span(doc.meta.text, sent.start, sent.end)],
      });
    }
  }
  // An organization never named next to a country, in a document that names only one.
  if (docCountries.size === 1 && cfg.documentConfidence) {
    const country = [...docCountries.values()][0];
    for (const m of view.mentions) {
      const e = m.entity;
      if (e.type !== 'ORG' || placed.has(e.id) || m.kind === 'pronoun' || INTERNATIONAL.test(e.subtype ?? '') || MOBILE_HEADS.test(e.name)) continue;
      placed.add(e.id);
      const sent = doc.sentences[view.tokens[m.firstTok].sentence];
      out.push({
        id: '', kind: 'relation', type: 'located_in', subject: e.id, object: country.entity.id,
        time: null, modality: 'asserted', attribution: null, confidence: cfg.documentConfidence,
        mode: null, place: null, role: null, mediator: null,
        evidence: [span(doc.meta.text, sent.start, sent.end)],
      });
    }
  }
  return out;
}
