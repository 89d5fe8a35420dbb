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
  for (const f of facts) {
    for (const id of actorIds(f)) {
      if (out[id]) continue;
      const e = store.getActor(id);
      if (e) out[id] = actorRef(e);
    }
  }
  return out;
}

/**
 * Titles and sources of documents, kept between requests: getDocument reads the whole text, and
 * a document's id is the hash of its text, so what an id names never changes (a removed
 * document's evidence is gone with it, so its entry is simply never asked for again).
 */
const documentRefs = new WeakMap<Store, Map<string, DocumentRef>>();
const MAX_CACHED_DOCUMENTS = 20_000;

export function documentRef(store: Store, id: string): DocumentRef | null {
  let cache = documentRefs.get(store);
  if (!cache) documentRefs.set(store, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const d = store.getDocument(id);
  if (!d) return null;
  const ref = { id: d.id, title: d.title, source: d.source, published: d.published, url: d.url };
  if (cache.size >= MAX_CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
  cache.set(id, ref);
  return ref;
}

export function documentsOf(store: Store, facts: Array<{ evidence: Array<{ documentId: string }> }>): Record<string, DocumentRef> {
  const out: Record<string, DocumentRef> = {};
  for (const f of facts) {
    for (const ev of f.evidence) {
      if (out[ev.documentId]) continue;
      const ref = documentRef(store, ev.documentId);
      if (ref) out[ref.id] = ref;
    }
  }
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

/** Groups an actor's facts by kind, type and direction; within a group, dated facts by date. */
export function groupFacts(actorId: string, facts: StoredFact[]): FactGroup[] {
  const groups = new Map<string, FactGroup>();
  for (const f of facts) {
    const mine = f.subject === actorId;
    // Symmetric relations read the same from both ends: one group, whoever is the subject.
    const direction = mine || SYMMETRIC_TYPES.has(f.type) ? 'out' : 'in';
    const key = `${f.kind}|${f.type}|${direction}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: f.kind, type: f.type, direction, facts: [] }));
    g.facts.push({ ...f, other: mine ? f.object : f.subject });
  }
  const when = (f: StoredFact) => f.time?.at ?? f.time?.start ?? f.time?.end ?? '\uffff';
  for (const g of groups.values()) g.facts.sort((a, b) => when(a).localeCompare(when(b)) || b.sources - a.sources);
  return [...groups.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.facts.length - a.facts.length || a.type.localeCompare(b.type));
}
