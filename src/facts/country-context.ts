// An organization named in a sentence that names one country and no other is most likely of that
// country ("Sanctuary Records released it in the United States"; "the Indian Academy of
// Sciences ... India"). A weak, cue-less inference, switched and weighted in
// data/facts/inference.json (orgInCountry); the country may be named or said by a nationality.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Fact } from '../model/types.js';
import { span } from '../model/spans.js';
import { countryCode } from './nationality.js';
import { loadCatalog } from '../catalog/index.js';
import type { Entity } from '../model/types.js';
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

/** The opening sentences a country must be named in for the document-level guess (0-based). */
const LEAD_SENTENCES = 1;

/** The country the catalog gives an organization ("Kremlin": Russia), or null. */
function knownCountry(e: Entity): string | null {
  return e.catalogId ? loadCatalog().get(e.catalogId)?.country ?? null : null;
}

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
  const firstSentence = new Map<string, number>();
  const placed = new Set<string>();
  for (const [si, sent] of doc.sentences.entries()) {
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
    for (const [c, m] of countries) {
      if (!docCountries.has(c) || m.entity.type === 'GPE') docCountries.set(c, m);
      if (!firstSentence.has(c)) firstSentence.set(c, si);
    }
    if (countries.size !== 1 || !orgs.length) continue;
    const country = [...countries.values()][0];
    for (const orgMention of orgs) {
      const org = orgMention.entity;
      if (placed.has(org.id)) continue;
      // In one clause with the country: no verb between them ("Britain's regulator cleared the
      // deal after Microsoft offered ..." places the regulator, not Microsoft).
      const [a, b] = orgMention.firstTok < country.firstTok ? [orgMention.endTok, country.firstTok] : [country.endTok, orgMention.firstTok];
      let verb = false;
      for (let k = a; k < b && !verb; k++) verb = view.tokens[k].pos === 'VERB';
      if (verb) continue;
      placed.add(org.id);
      // The catalog knows better: the Kremlin named next to Belarus is still in Russia.
      const known = knownCountry(org);
      if (known && known !== [...countries.keys()][0]) continue;
      out.push({
        id: '', kind: 'relation', type: 'located_in', subject: org.id, object: country.entity.id,
        time: null, modality: 'asserted', attribution: null, confidence: cfg.confidence,
        mode: null, place: null, role: null, mediator: null,
        evidence: [span(doc.meta.text, sent.start, sent.end)],
      });
    }
  }
  // An organization never named next to a country, in a document that names only one.
  // Only when the text sets itself in that country from its opening ("X is a club in Y"); a
  // country first named later is more often a foreign party in the story.
  const lead = [...firstSentence.values()][0];
  if (docCountries.size === 1 && cfg.documentConfidence && lead !== undefined && lead <= LEAD_SENTENCES) {
    const country = [...docCountries.values()][0];
    for (const m of view.mentions) {
      const e = m.entity;
      if (e.type !== 'ORG' || placed.has(e.id) || m.kind === 'pronoun' || INTERNATIONAL.test(e.subtype ?? '') || MOBILE_HEADS.test(e.name)) continue;
      placed.add(e.id);
      const known = knownCountry(e);
      if (known && known !== [...docCountries.keys()][0]) continue;
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
