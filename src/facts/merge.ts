// One fact per (kind, type, subject, object, polarity; a predicted or hypothetical event apart):
// evidence from every sentence that says it, the most precise time, the first place, and a
// confidence that grows with each sentence.
import { SYMMETRIC_TYPES, type Fact, type FactTime } from '../model/types.js';

/** Events that did not (yet) happen: "Kenya will attack X" is not the attack Kenya made in 2019. */
const IRREALIS = new Set(['predicted', 'hypothetical']);

function key(f: Fact): string {
  let [a, b] = [f.subject, f.object ?? '-'];
  if (SYMMETRIC_TYPES.has(f.type) && b < a) [a, b] = [b, a];
  const polarity = f.modality === 'negated' ? 'neg' : f.kind === 'event' && IRREALIS.has(f.modality) ? 'irrealis' : 'pos';
  return `${f.kind}|${f.type}|${a}|${b}|${polarity}`;
}

function mergeTime(a: FactTime | null | undefined, b: FactTime | null | undefined): FactTime | null {
  if (!a) return b ?? null;
  if (!b) return a;
  const out: FactTime = { ...a };
  for (const k of ['at', 'start', 'end'] as const) {
    const x = a[k];
    const y = b[k];
    if (!x) out[k] = y;
    else if (y && y.length > x.length && y.startsWith(x)) out[k] = y;
  }
  for (const k of ['at', 'start', 'end'] as const) if (out[k] === undefined) delete out[k];
  return out;
}

export function mergeFacts(facts: Fact[]): Fact[] {
  const byKey = new Map<string, Fact>();
  const order: Fact[] = [];
  for (const f of facts) {
    const k = key(f);
    const prev = byKey.get(k);
    if (!prev) {
      const copy = { ...f, evidence: [...f.evidence] };
      byKey.set(k, copy);
      order.push(copy);
      continue;
    }
    for (const e of f.evidence) if (!prev.evidence.some((x) => x.start === e.start && x.end === e.end)) prev.evidence.push(e);
    prev.time = mergeTime(prev.time, f.time);
    prev.place ??= f.place;
    prev.role ??= f.role;
    prev.mode ??= f.mode;
    prev.mediator ??= f.mediator;
    // The article's own statement outweighs a quoted claim of the same fact.
    if (!f.attribution) prev.attribution = null;
    if (prev.modality !== f.modality && f.modality === 'asserted') prev.modality = 'asserted';
    prev.confidence = Math.round((1 - (1 - prev.confidence) * (1 - f.confidence * 0.5)) * 1000) / 1000;
  }
  order.forEach((f, i) => (f.id = `f${i + 1}`));
  for (const f of order) f.evidence.sort((a, b) => a.start - b.start);
  return order;
}
