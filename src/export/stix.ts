// A STIX 2.1 bundle for OpenCTI and MISP: armed groups become threat-actor (cyber groups
// intrusion-set), other actors identity objects, facts between two exported actors relationship
// objects with their time, confidence and evidence, and each source document a report. Which
// subtype becomes which object is data (data/export/stix.json). Ids are UUIDv5 of our own ids,
// so exporting the same graph twice gives the same ids and importers update instead of duplicate.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { GraphSnapshot, StoredEntity, StoredFact } from '../store/types.js';
import { edgeFacts, factInterval, firstDay, type ExportFile, type ExportOptions } from './common.js';

export interface StixMapping {
  intrusionSetSubtypes: string[];
  threatActorSubtypes: Record<string, string>;
  threatActorEvents: string[];
  identityClass: Record<string, string>;
  identitySectors: Record<string, string[]>;
  relationshipTypes: Record<string, string>;
}

export function loadStixMapping(file = dataPath('export', 'stix.json')): StixMapping {
  return JSON.parse(readFileSync(file, 'utf8')) as StixMapping;
}

/** Our namespace for UUIDv5 (itself a random v4 UUID, fixed forever). */
const NAMESPACE = '6f1d1c7e-3b7a-4d55-9a0e-2d3c8b4f5a61';

export function uuidv5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

type StixObject = Record<string, unknown> & { type: string; id: string };

function classify(e: StoredEntity, violent: Set<string>, m: StixMapping): { type: string; extra: Record<string, unknown> } | null {
  const subtype = (e.subtype ?? '').toLowerCase();
  if (e.type === 'ORG') {
    if (m.intrusionSetSubtypes.some((s) => subtype.includes(s))) return { type: 'intrusion-set', extra: { aliases: e.aliases.length ? e.aliases : undefined } };
    const match = Object.entries(m.threatActorSubtypes).find(([s]) => subtype.includes(s));
    if (match || violent.has(e.id)) {
      return { type: 'threat-actor', extra: { threat_actor_types: [match?.[1] ?? 'unknown'], aliases: e.aliases.length ? e.aliases : undefined } };
    }
  }
  const identityClass = m.identityClass[e.type];
  if (!identityClass) return null;
  return { type: 'identity', extra: { identity_class: identityClass, sectors: m.identitySectors[e.type], x_actorgraph_aliases: e.aliases.length ? e.aliases : undefined } };
}

const stamp = (day: string, endOfDay: boolean) => `${day}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`;

function relationshipTimes(f: StoredFact): Record<string, string> {
  const { start, end } = factInterval(f);
  const out: Record<string, string> = {};
  if (start) out.start_time = stamp(start, false);
  if (end) out.stop_time = stamp(end, true);
  // STIX wants stop_time after start_time; a contradictory interval keeps only its start.
  if (out.start_time && out.stop_time && out.stop_time <= out.start_time) delete out.stop_time;
  return out;
}

export function toStix(snapshot: GraphSnapshot, options: ExportOptions & { mapping?: StixMapping } = {}): ExportFile {
  const m = options.mapping ?? loadStixMapping();
  const now = (options.now ?? new Date()).toISOString();
  const common = (type: string, key: string) => ({ type, spec_version: '2.1', id: `${type}--${uuidv5(`${type}:${key}`)}`, created: now, modified: now });

  // Organizations that carry out attacks or coercion are threat actors whatever their subtype.
  const violent = new Set(snapshot.facts.filter((f) => f.kind === 'event' && m.threatActorEvents.includes(f.type)).map((f) => f.subject));
  const objects: StixObject[] = [];
  const stixId = new Map<string, string>();
  for (const e of snapshot.entities) {
    const c = classify(e, violent, m);
    if (!c) continue;
    const obj: StixObject = { ...common(c.type, e.id), name: e.name, ...c.extra, x_actorgraph_id: e.id, x_actorgraph_type: e.type, x_actorgraph_subtype: e.subtype ?? undefined };
    stixId.set(e.id, obj.id);
    objects.push(obj);
  }

  const byDocument = new Map<string, Set<string>>();
  for (const f of edgeFacts(snapshot)) {
    const source = stixId.get(f.subject);
    const target = stixId.get(f.object!);
    if (!source || !target) continue;
    const rel: StixObject = {
      ...common('relationship', f.id),
      relationship_type: m.relationshipTypes[f.type] ?? f.type.toLowerCase().replace(/_/g, '-'),
      source_ref: source,
      target_ref: target,
      description: f.evidence.map((e) => e.text).join('\n\n') || undefined,
      ...relationshipTimes(f),
      confidence: Math.round(Math.max(0, Math.min(1, f.confidence)) * 100),
      x_actorgraph_fact_type: f.type,
      x_actorgraph_kind: f.kind,
      x_actorgraph_mode: f.mode ?? undefined,
      x_actorgraph_modality: f.modality,
      x_actorgraph_speaker: f.attribution ? stixId.get(f.attribution.speaker) ?? f.attribution.speaker : undefined,
    };
    objects.push(rel);
    for (const ev of f.evidence) {
      const refs = byDocument.get(ev.documentId) ?? new Set<string>();
      refs.add(rel.id).add(source).add(target);
      byDocument.set(ev.documentId, refs);
    }
  }

  for (const d of snapshot.documents) {
    const refs = byDocument.get(d.id);
    if (!refs || refs.size === 0) continue; // a report must reference at least one object
    objects.push({
      ...common('report', d.id),
      name: d.title ?? d.source,
      published: firstDay(d.published) ? stamp(firstDay(d.published)!, false) : new Date(d.ingestedAt).toISOString(),
      report_types: ['threat-report'],
      object_refs: [...refs],
      external_references: d.url ? [{ source_name: 'article', url: d.url }] : undefined,
      x_actorgraph_document: d.id,
    });
  }
  const bundle = { type: 'bundle', id: `bundle--${uuidv5(`bundle:${now}:${objects.length}`)}`, objects };
  return { name: 'bundle.stix.json', text: JSON.stringify(bundle, null, 2) + '\n' };
}
