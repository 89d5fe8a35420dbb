// Events implied by another event's modality, as PLOVER codes them (data/facts/derived.json):
// an announced intention to cooperate is AGREE, a refused cooperation is REJECT.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Fact, FactType } from '../model/types.js';
import type { DocView } from './view.js';

interface Derived {
  intent: { type: FactType; words: Set<string>; from: Set<string>; confidence: number };
  refusal: { type: FactType; from: Set<string>; confidence: number };
}

let cfg: Derived | null = null;
function load(): Derived {
  if (!cfg) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'derived.json'), 'utf8'));
    cfg = {
      intent: { ...raw.intent, words: new Set(raw.intent.words), from: new Set(raw.intent.from) },
      refusal: { ...raw.refusal, from: new Set(raw.refusal.from) },
    };
  }
  return cfg!;
}

/** The implied events of `fact`, whose cue starts at token `cueStart` with the subject ending at `subjectEnd`. */
export function derivedEvents(view: DocView, fact: Fact, cueStart: number, subjectEnd: number, sentenceStart: number): Fact[] {
  if (fact.kind !== 'event') return [];
  const c = load();
  if (fact.modality === 'negated' && c.refusal.from.has(fact.type)) {
    return [{ ...fact, type: c.refusal.type, mode: null, modality: 'asserted', confidence: c.refusal.confidence }];
  }
  if (!c.intent.from.has(fact.type) || !fact.object) return [];
  const from = Math.max(sentenceStart, subjectEnd >= 0 && subjectEnd <= cueStart ? subjectEnd : cueStart - 6);
  for (let i = from; i < cueStart; i++) {
    if (c.intent.words.has(view.norm[i])) return [{ ...fact, type: c.intent.type, mode: null, modality: 'asserted', confidence: c.intent.confidence }];
  }
  return [];
}
