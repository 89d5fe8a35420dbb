// Places nest: an organization in Glasgow is in Scotland when the document says Glasgow is in
// Scotland, and a town in a county in a state is in that state. Located_in and part_of between
// places chain; nothing else does (a member of a party inside a coalition is no member of the
// coalition). Chained facts carry the evidence of both links and a lower confidence.
import type { Entity, Fact } from '../model/types.js';

const PLACE = new Set(['GPE', 'LOC']);
const FACTOR = 0.8;
const MAX_DEPTH = 3;

export function placeChains(entities: Entity[], facts: Fact[]): Fact[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  // Place → the places it lies in, as the document states them.
  const up = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.type !== 'part_of' || f.modality !== 'asserted' || !f.object) continue;
    if (!PLACE.has(byId.get(f.subject)?.type ?? '') || !PLACE.has(byId.get(f.object)?.type ?? '')) continue;
    let list = up.get(f.subject);
    if (!list) up.set(f.subject, (list = []));
    list.push(f);
  }
  // Facts already stated may be chained too: merging adds the chain's evidence to them.
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const f of facts) {
    if ((f.type !== 'located_in' && f.type !== 'part_of') || f.modality !== 'asserted' || !f.object) continue;
    let frontier: Array<{ place: string; via: Fact[]; confidence: number }> = [{ place: f.object, via: [f], confidence: f.confidence }];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
      const next: typeof frontier = [];
      for (const { place, via, confidence } of frontier) {
        for (const link of up.get(place) ?? []) {
          const target = link.object!;
          const key = `${f.type}|${f.subject}|${target}`;
          if (target === f.subject || seen.has(key)) continue;
          seen.add(key);
          const c = Math.round(confidence * link.confidence * FACTOR * 1000) / 1000;
          const evidence = [...via, link].flatMap((x) => x.evidence);
          out.push({ ...f, object: target, confidence: c, time: null, evidence: evidence.filter((e, i) => evidence.findIndex((x) => x.start === e.start) === i) });
          next.push({ place: target, via: [...via, link], confidence: c });
        }
      }
      frontier = next;
    }
  }
  return out;
}
