// What the API returns beyond the store's rows: the actors and documents a list of facts refers
// to (so a page can print names and link sources without one request per id), and the actor
// profile with its facts grouped by type and direction.
import type { Store, StoredDocument, StoredEntity, StoredFact } from '../store/types.js';
import { SYMMETRIC_TYPES } from '../model/types.js';

export type ActorRef = Pick<StoredEntity, 'id' | 'name' | 'type' | 'subtype'>;
export type DocumentRef = Pick<StoredDocument, 'id' | 'title' | 'source' | 'published' | 'url'>;

const actorRef = (e: StoredEntity): ActorRef => ({ id: e.id, name: e.name, type: e.type, subtype: e.subtype });

/** Every actor id a fact mentions: subject, object, place, mediator, speaker. */
function actorIds(f: StoredFact): string[] {
  return [f.subject, f.object, f.place, f.mediator, f.attribution?.speaker].filter((v): v is string => !!v);
}

export function actorsOf(store: Store, facts: StoredFact[], known: StoredEntity[] = []): Record<string, ActorRef> {
  const out: Record<string, ActorRef> = {};
  for (const e of known) out[e.id] = actorRef(e);
  const wanted = new Set<string>();
  for (const f of facts) for (const id of actorIds(f)) if (!out[id]) wanted.add(id);
  for (const e of store.getActors([...wanted])) out[e.id] = actorRef(e);
  return out;
}

/** Titles and sources of the documents some facts' evidence comes from, in one store lookup. */
export function documentsOf(store: Store, facts: Array<{ evidence: Array<{ documentId: string }> }>): Record<string, DocumentRef> {
  const ids = new Set<string>();
  for (const f of facts) for (const ev of f.evidence) ids.add(ev.documentId);
  const out: Record<string, DocumentRef> = {};
  for (const d of store.getDocuments([...ids])) out[d.id] = { id: d.id, title: d.title, source: d.source, published: d.published, url: d.url };
  return out;
}

export interface FactGroup {
  kind: StoredFact['kind'];
  type: string;
  /** `out`: the actor is the subject; `in`: the object; symmetric types are always `out`. */
  direction: 'out' | 'in';
  facts: Array<StoredFact & { other: string | null }>;
}

const KIND_ORDER = { relation: 0, event: 1, life: 2 } as const;

/** A fact's first moment, for time order; undated facts sort last. */
const when = (f: StoredFact) => f.time?.at ?? f.time?.start ?? f.time?.end ?? '\uffff';

export interface ProfileGroup extends FactGroup {
  /** All the actor's facts in this group; `facts` holds the strongest of them. */
  count: number;
  /** The API route that lists the group from where `facts` stops, or null when it is all there. */
  next: string | null;
}

/** Facts a profile group shows at least and at most. */
const GROUP_MIN = 3;
const GROUP_MAX = 20;
const GROUP_PAGE = 50;

/**
 * An actor's profile: every group of its facts (kind, type, direction) with its count, and the
 * strongest few facts of each, about `budget` facts in all. Counts come from the store's per-actor
 * tallies, facts from one index walk per group, so a hub costs what an ordinary actor does.
 */
export function profileGroups(store: Store, actorId: string, budget: number): ProfileGroup[] {
  const tallies = store.factGroups(actorId);
  const each = Math.max(GROUP_MIN, Math.min(GROUP_MAX, Math.floor(budget / Math.max(1, tallies.length))));
  const merged = new Map<string, { kind: StoredFact['kind']; type: string; direction: 'out' | 'in'; count: number; facts: StoredFact[] }>();
  for (const g of store.factGroups(actorId, { top: each })) {
    // Symmetric relations read the same from both ends: one group, whoever is the subject.
    const direction = SYMMETRIC_TYPES.has(g.type) ? 'out' : g.direction;
    const key = `${g.type}|${direction}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...g, direction, facts: [...g.facts] });
    else {
      seen.count += g.count;
      // Both ends' strongest, then the best of them (the store's rank: sources, confidence, id).
      seen.facts = [...seen.facts, ...g.facts].sort((a, b) => b.sources - a.sources || b.confidence - a.confidence || (a.id < b.id ? -1 : 1)).slice(0, each);
    }
  }
  const order = [...merged.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.count - a.count || a.type.localeCompare(b.type));
  return order.map((g) => {
    const side = SYMMETRIC_TYPES.has(g.type) ? undefined : g.direction === 'out' ? 'subject' as const : 'object' as const;
    const facts = g.facts
      .map((f) => ({ ...f, other: f.subject === actorId ? f.object : f.subject }))
      .sort((a, b) => when(a).localeCompare(when(b)) || b.sources - a.sources);
    const params = new URLSearchParams({ actor: actorId, type: g.type, ...(side ? { side } : {}), offset: String(facts.length), limit: String(GROUP_PAGE) });
    return { ...g, facts, next: g.count > facts.length ? `/api/facts?${params}` : null };
  });
}
