// Verbless sentences that take their predicate from the sentence before: "Both founders have
// died. The first, in March 2009 in Lagos. The second, on June 4, 2017 in Accra." Each
// fragment names one of those the predicate was about and gives its own date. Only life events
// (died, born) are read this way: they need no other party, and the fragment gives all the rest.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { span } from '../model/spans.js';
import type { Fact, LifeType } from '../model/types.js';
import { isPassive } from './match.js';
import { modalityAt, modalityLexicon, placeOf } from './qualifiers.js';
import { pointDates } from './event-time.js';
import { regionFor, speechLexicon, type Region } from './attribution.js';
import { mentionAt, type DocView } from './view.js';

let cues: Map<string, LifeType> | null = null;
export function lifeCues(): Map<string, LifeType> {
  if (!cues) {
    cues = new Map();
    const raw = JSON.parse(readFileSync(dataPath('facts', 'time.json'), 'utf8'));
    for (const [type, lemmas] of Object.entries(raw.ellipsis ?? {}) as Array<[LifeType, string[]]>) for (const l of lemmas) cues.set(l, type);
  }
  return cues;
}

const CONFIDENCE = 0.7;
const PLURAL = new Set(['both', 'two', 'three', 'four', 'were', 'are', 'have', "'ve", 'they', 'all']);

function hasVerb(view: DocView, sentence: number): boolean {
  const s = view.doc.sentences[sentence];
  for (let i = s.firstToken; i < s.endToken; i++) if (view.tokens[i].pos === 'VERB' || view.tokens[i].pos === 'AUX') return true;
  return false;
}

/** The life event a full sentence predicates of its subject: "were killed", "died". */
function lifePredicate(view: DocView, sentence: number): { type: LifeType; tok: number } | null {
  const s = view.doc.sentences[sentence];
  for (let i = s.firstToken; i < s.endToken; i++) {
    if (view.tokens[i].pos !== 'VERB') continue;
    const type = lifeCues().get(view.lemma[i]);
    if (!type) continue;
    // The dead are the subject: "X died", "X were killed"; "X killed Y" is about Y.
    if (!(view.lemma[i] === 'die' || isPassive(view, i, s.firstToken, s.endToken) || (type === 'born' && view.norm[i] === 'born'))) continue;
    // Fragments share out a predicate said of several: "both", "two", "were", "have been".
    let plural = false;
    for (let k = s.firstToken; k < i; k++) if (PLURAL.has(view.norm[k])) plural = true;
    if (plural) return { type, tok: i };
  }
  return null;
}

export function ellipticalFacts(view: DocView, regions: Region[]): Fact[] {
  const doc = view.doc;
  const out: Fact[] = [];
  let predicate: { sentence: number; type: LifeType; tok: number } | null = null;
  for (let s = 0; s < doc.sentences.length; s++) {
    if (hasVerb(view, s)) {
      const p = lifePredicate(view, s);
      predicate = p ? { sentence: s, ...p } : null;
      continue;
    }
    if (!predicate || s - predicate.sentence > 3) continue;
    const sent = doc.sentences[s];
    let first = sent.firstToken;
    while (first < sent.endToken && ['and', 'but'].includes(view.norm[first])) first++;
    const who = mentionAt(view, first);
    if (!who || who.firstTok !== first || who.entity.type !== 'PERSON') continue;
    const dates = pointDates(view, s);
    if (dates.length !== 1) continue;
    const modality = modalityAt(view, predicate.sentence, predicate.tok, predicate.tok + 1, -1);
    const attribution = regionFor(regions, predicate.tok)?.attribution ?? null;
    let confidence = CONFIDENCE * (modalityLexicon().factor[modality] ?? 1);
    if (attribution) confidence *= speechLexicon().factor;
    const p = doc.sentences[predicate.sentence];
    out.push({
      id: '',
      kind: 'life',
      type: predicate.type,
      mode: null,
      subject: who.entity.id,
      object: null,
      place: placeOf(view, s, who.endTok, who.endTok, new Set([who.entity.id])),
      time: { at: dates[0] },
      modality,
      attribution,
      confidence: Math.round(confidence * 1000) / 1000,
      role: null,
      mediator: null,
      evidence: [span(doc.meta.text, p.start, p.end), span(doc.meta.text, sent.start, sent.end)],
    });
  }
  return out;
}
