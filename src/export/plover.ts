// PLOVER / POLECAT-style event records: one JSON object per event fact, shaped like the records
// of the PLOVER gold standard (id, date, event, mode, source/target actor lists, text) plus what
// actorgraph knows beyond sentence coding: place, mediator, modality, attribution, document.
import type { GraphSnapshot } from '../store/types.js';
import { entityIndex, type ExportFile } from './common.js';

export interface PloverActor { actorText: string; code: string; type: string }

export interface PloverRecord {
  id: string;
  date: string | null;
  event: string;
  mode: string | null;
  source: PloverActor[];
  target: PloverActor[];
  location: PloverActor | null;
  mediator: PloverActor | null;
  text: string;
  modality: string;
  attribution: { speaker: PloverActor | null; cue: string } | null;
  confidence: number;
  language: string | null;
  publication: string | null;
  storyDate: string | null;
  url: string | null;
  documentId: string | null;
}

export function ploverRecords(snapshot: GraphSnapshot): PloverRecord[] {
  const entities = entityIndex(snapshot);
  const documents = new Map(snapshot.documents.map((d) => [d.id, d]));
  const actor = (id: string | null | undefined): PloverActor | null => {
    const e = id ? entities.get(id) : undefined;
    return e ? { actorText: e.name, code: e.catalogId ?? e.id, type: e.type } : null;
  };
  return snapshot.facts
    .filter((f) => f.kind === 'event')
    .map((f) => {
      const doc = f.evidence[0] ? documents.get(f.evidence[0].documentId) : undefined;
      const source = actor(f.subject);
      const target = actor(f.object);
      return {
        id: f.id,
        date: f.time?.at ?? f.time?.start ?? null,
        event: f.type,
        mode: f.mode,
        source: source ? [source] : [],
        target: target ? [target] : [],
        location: actor(f.place),
        mediator: actor(f.mediator),
        text: f.evidence.map((e) => e.text).join(' '),
        modality: f.modality,
        attribution: f.attribution ? { speaker: actor(f.attribution.speaker), cue: f.attribution.cue } : null,
        confidence: f.confidence,
        language: doc?.language ?? null,
        publication: doc ? doc.title ?? doc.source : null,
        storyDate: doc?.published ?? null,
        url: doc?.url ?? null,
        documentId: doc?.id ?? null,
      };
    });
}

export function toPlover(snapshot: GraphSnapshot): ExportFile {
  return { name: 'events.plover.json', text: JSON.stringify(ploverRecords(snapshot), null, 2) + '\n' };
}
