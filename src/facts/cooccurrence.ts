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
}

let settings: InferenceSettings | null = null;
function load(): InferenceSettings {
  settings ??= JSON.parse(readFileSync(dataPath('facts', 'inference.json'), 'utf8'));
  return settings!;
}

export function inferredFacts(view: DocView): Fact[] {
  const cfg = load();
  const out: Fact[] = [];
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
