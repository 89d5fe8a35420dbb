// Weak, document-level inference for what texts leave implicit: a town named shortly before
// the one country of a sentence is most likely in that country ("Kandy ... Sri Lanka"). Such facts get a
// low confidence; the settings live in data/facts/inference.json (an analyst can switch them off).
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Fact } from '../model/types.js';
import { span } from '../model/spans.js';
import { isCountry } from './context.js';
import { mentionAt, type DocView, type MentionRef } from './view.js';

interface InferenceSettings {
  placeInCountry: { enabled: boolean; confidence: number; maxGap: number };
  namedAfterPlace: { enabled: boolean; confidence: number };
  nationalityBeforePerson: { enabled: boolean; confidence: number };
}

let settings: InferenceSettings | null = null;
function load(): InferenceSettings {
  settings ??= JSON.parse(readFileSync(dataPath('facts', 'inference.json'), 'utf8'));
  return settings!;
}

export function inferredFacts(view: DocView): Fact[] {
  const cfg = load();
  const out: Fact[] = [];
  if (cfg.namedAfterPlace.enabled) out.push(...namedAfterPlace(view, cfg.namedAfterPlace.confidence));
  if (cfg.nationalityBeforePerson.enabled) out.push(...nationalityBeforePerson(view, cfg.nationalityBeforePerson.confidence));
  if (!cfg.placeInCountry.enabled) return out;
  const doc = view.doc;
  for (const sent of doc.sentences) {
    const places: MentionRef[] = [];
    const countries: MentionRef[] = [];
    for (let i = sent.firstToken; i < sent.endToken; i++) {
      const m = mentionAt(view, i);
      if (!m) continue;
      i = m.endTok - 1;
      if (m.entity.type !== 'GPE' && m.entity.type !== 'LOC' && m.entity.type !== 'FAC') continue;
      (isCountry(m) ? countries : places).push(m);
    }
    if (!countries.length) continue;
    // Only when the sentence names one country: with several, which holds the town is a guess.
    const distinct = new Set(countries.map((c) => c.entity.id));
    if (distinct.size !== 1) continue;
    const country = countries[0];
    for (const p of places) {
      if (p.entity.id === country.entity.id) continue;
      if (p.endTok > country.firstTok || country.firstTok - p.endTok > cfg.placeInCountry.maxGap) continue;
      // Only place words in between ("Sylhet in northern Bangladesh", "Gorazde, eastern Bosnia"):
      // a verb or a common noun means the two are in different phrases.
      let between = true;
      for (let k = p.endTok; k < country.firstTok; k++) if (!['DET', 'ADJ', 'ADP', 'PUNCT', 'PROPN', 'CCONJ'].includes(view.tokens[k].pos)) between = false;
      if (!between) continue;
      out.push({
        id: '', kind: 'relation', type: 'part_of', subject: p.entity.id, object: country.entity.id,
        time: null, modality: 'asserted', attribution: null, confidence: cfg.placeInCountry.confidence,
        mode: null, place: null, role: null, mediator: null,
        evidence: [span(doc.meta.text, sent.start, sent.end)],
      });
    }
  }
  return out;
}

const PLACE_TYPES = new Set(['GPE', 'LOC', 'NORP']);

/**
 * An organization named after a place the document also names on its own is located there:
 * "Italian State Railways" and "Italy"/"Italian", "University of Trieste" and "Trieste".
 */
function namedAfterPlace(view: DocView, confidence: number): Fact[] {
  const doc = view.doc;
  const placeByText = new Map<string, string>();
  for (const e of doc.entities) {
    if (!PLACE_TYPES.has(e.type)) continue;
    for (const t of [e.name, ...e.aliases, ...e.mentions.filter((m) => m.kind !== 'pronoun' && m.kind !== 'nominal').map((m) => m.text)]) {
      const key = t.toLowerCase().replace(/^the\s+/, '');
      if (key.length > 2 && !placeByText.has(key)) placeByText.set(key, e.id);
    }
  }
  const out: Fact[] = [];
  for (const e of doc.entities) {
    if (e.type !== 'ORG' && e.type !== 'FAC') continue;
    const first = e.mentions.find((m) => m.kind !== 'pronoun' && m.kind !== 'nominal');
    if (!first) continue;
    const words = e.name.split(/[\s-]+/);
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length && j <= i + 3; j++) {
        if (i === 0 && j === words.length) continue;
        const place = placeByText.get(words.slice(i, j).join(' ').toLowerCase());
        if (!place || place === e.id || seen.has(place)) continue;
        seen.add(place);
        const s = doc.sentences.find((x) => x.start <= first.start && first.end <= x.end);
        if (!s) continue;
        out.push({
          id: '', kind: 'relation', type: 'located_in', subject: e.id, object: place,
          time: null, modality: 'asserted', attribution: null, confidence,
          mode: null, place: null, role: null, mediator: null,
          evidence: [span(doc.meta.text, s.start, s.end)],
        });
      }
    }
  }
  return out;
}

/** "the Japanese Kenji Sato": a nationality word right before a person's name. */
function nationalityBeforePerson(view: DocView, confidence: number): Fact[] {
  const doc = view.doc;
  const out: Fact[] = [];
  for (const m of view.mentions) {
    if (m.entity.type !== 'NORP' || m.kind === 'pronoun') continue;
    const next = mentionAt(view, m.endTok);
    if (!next || next.firstTok !== m.endTok || next.entity.type !== 'PERSON' || next.kind === 'pronoun') continue;
    const s = doc.sentences[view.tokens[m.firstTok].sentence];
    out.push({
      id: '', kind: 'relation', type: 'citizen_of', subject: next.entity.id, object: m.entity.id,
      time: null, modality: 'asserted', attribution: null, confidence,
      mode: null, place: null, role: null, mediator: null,
      evidence: [span(doc.meta.text, s.start, s.end)],
    });
  }
  return out;
}
