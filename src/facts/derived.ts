// Events implied by another event's modality, as PLOVER codes them (data/facts/derived.json):
// an announced intention to cooperate is AGREE, a refused cooperation is REJECT.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Fact, FactType } from '../model/types.js';
import type { DocView } from './view.js';

interface Derived {
  mediation: { verbs: Set<string>; phrases: string[][] };
  intent: { type: FactType; words: Set<string>; from: Set<string>; confidence: number };
  threat: { type: FactType; from: Set<string>; conditions: Set<string>; confidence: number };
  refusal: { type: FactType; from: Set<string>; confidence: number };
  reciprocal: { types: Set<string>; words: Set<string> };
}

let cfg: Derived | null = null;
function load(): Derived {
  if (!cfg) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'derived.json'), 'utf8'));
    cfg = {
      mediation: { verbs: new Set(raw.mediation.verbs), phrases: (raw.mediation.phrases as string[]).map((p) => p.split(/\s+/)) },
      intent: { ...raw.intent, words: new Set(raw.intent.words), from: new Set(raw.intent.from) },
      threat: { ...raw.threat, from: new Set(raw.threat.from), conditions: new Set(raw.threat.conditions) },
      refusal: { ...raw.refusal, from: new Set(raw.refusal.from) },
      reciprocal: { types: new Set(raw.reciprocal.types), words: new Set(raw.reciprocal.words) },
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
  const hostile = c.threat.from.has(fact.type);
  if ((!c.intent.from.has(fact.type) && !hostile) || !fact.object) return [];
  const from = Math.max(sentenceStart, subjectEnd >= 0 && subjectEnd <= cueStart ? subjectEnd : cueStart - 6);
  let announced = false;
  if (hostile) announced = intentInVerbChain(view, cueStart, sentenceStart, c.intent.words);
  else for (let i = from; i < cueStart; i++) if (c.intent.words.has(view.norm[i])) announced = true;
  if (!announced) return [];
  // "will withdraw its troops unless X ...": an intention under a condition is a threat.
  const conditional = !hostile && conditionAfter(view, cueStart, c.threat.conditions);
  const threat = hostile || conditional;
  const type = threat ? c.threat.type : c.intent.type;
  return [{ ...fact, type, mode: null, modality: 'asserted', confidence: threat ? c.threat.confidence : c.intent.confidence }];
}

/**
 * An intention word in the verb chain right before the cue ("will impose", "vowed to attack", "is
 * prepared to impose"), not anywhere before it ("agreed to pay for the bombing").
 */
function intentInVerbChain(view: DocView, cue: number, first: number, words: Set<string>): boolean {
  for (let i = cue - 1; i >= first && i >= cue - 6; i--) {
    if (words.has(view.norm[i])) return true;
    const pos = view.tokens[i].pos;
    if (!['AUX', 'PART', 'ADV'].includes(pos) && view.norm[i] !== 'to' && view.norm[i] !== 'be') return false;
  }
  return false;
}

function conditionAfter(view: DocView, cue: number, words: Set<string>): boolean {
  for (let i = cue + 1; i < view.tokens.length && i < cue + 25; i++) {
    if (view.norm[i] === '.' || view.norm[i] === ';') return false;
    if (words.has(view.norm[i])) return true;
  }
  return false;
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

/**
 * Coordinated subjects of an object-less event act on each other only when the event is mutual
 * ("Colombia and FARC agreed", "X and Y clashed"), not when they act together ("X and Y attacked").
 */
export function isReciprocal(type: string, cueLemma: string): boolean {
  const r = load().reciprocal;
  return r.types.has(type) || r.words.has(cueLemma);
}
