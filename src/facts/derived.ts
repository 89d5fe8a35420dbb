// Events implied by another event's modality, as PLOVER codes them (data/facts/derived.json):
// an announced intention to cooperate is AGREE, a refused cooperation is REJECT.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Fact, FactType } from '../model/types.js';
import type { DocView } from './view.js';

interface Derived {
  mediation: { verbs: Set<string>; phrases: string[][] };
  intent: { type: FactType; words: Set<string>; from: Set<string>; confidence: number };
  refusal: { type: FactType; from: Set<string>; confidence: number };
}

let cfg: Derived | null = null;
function load(): Derived {
  if (!cfg) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'derived.json'), 'utf8'));
    cfg = {
      mediation: { verbs: new Set(raw.mediation.verbs), phrases: (raw.mediation.phrases as string[]).map((p) => p.split(/\s+/)) },
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

/** "talks hosted by Egypt": the cue is a mediation word, so its passive is no event of its own. */
export function isMediationCue(view: DocView, cueStart: number): boolean {
  return load().mediation.verbs.has(view.norm[cueStart]) && view.norm[cueStart + 1] === 'by';
}

/** The entity named as mediator in a sentence ("brokered by X", "under the auspices of X"), or null. */
export function mediatorIn(view: DocView, first: number, end: number): string | null {
  for (const phrase of load().mediation.phrases) {
    for (let i = first; i + phrase.length < end; i++) {
      if (!phrase.every((w, k) => view.norm[i + k] === w)) continue;
      let j = i + phrase.length;
      while (j < end && view.tokMention[j] < 0 && ['DET', 'ADJ', 'PROPN', 'NOUN'].includes(view.tokens[j].pos) && j < i + phrase.length + 4) j++;
      const m = view.tokMention[j];
      if (m >= 0) return view.mentions[m].entity.id;
    }
  }
  return null;
}
