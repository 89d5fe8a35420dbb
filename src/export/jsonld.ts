// JSON-LD: actors typed with schema.org classes, each fact a node of its own (a reified
// statement) so it can carry time, modality, attribution and evidence; documents as
// schema:NewsArticle. Ids are URNs, so the output makes no claim about any web domain.
import type { GraphSnapshot } from '../store/types.js';
import type { ExportFile } from './common.js';

const SCHEMA_TYPE: Record<string, string> = {
  PERSON: 'schema:Person', ORG: 'schema:Organization', GPE: 'schema:AdministrativeArea', LOC: 'schema:Place',
  NORP: 'schema:Audience', EVENT: 'schema:Event', LAW: 'schema:Legislation', FAC: 'schema:Place', PRODUCT: 'schema:Product',
};

const id = (kind: string, value: string) => `urn:actorgraph:${kind}:${encodeURIComponent(value)}`;

export const JSONLD_CONTEXT = {
  schema: 'https://schema.org/',
  ag: 'urn:actorgraph:vocab#',
  name: 'schema:name',
  alternateName: 'schema:alternateName',
  headline: 'schema:headline',
  datePublished: 'schema:datePublished',
  url: { '@id': 'schema:url', '@type': '@id' },
  text: 'schema:text',
  entityType: 'ag:entityType',
  subtype: 'ag:subtype',
  factKind: 'ag:kind',
  factType: 'ag:type',
  mode: 'ag:mode',
  subject: { '@id': 'ag:subject', '@type': '@id' },
  object: { '@id': 'ag:object', '@type': '@id' },
  place: { '@id': 'ag:place', '@type': '@id' },
  mediator: { '@id': 'ag:mediator', '@type': '@id' },
  speaker: { '@id': 'ag:speaker', '@type': '@id' },
  cue: 'ag:cue',
  role: 'ag:role',
  at: 'ag:at',
  validFrom: 'ag:validFrom',
  validUntil: 'ag:validUntil',
  modality: 'ag:modality',
  confidence: 'ag:confidence',
  sources: 'ag:sources',
  evidence: { '@id': 'ag:evidence', '@container': '@list' },
  document: { '@id': 'ag:document', '@type': '@id' },
  startOffset: 'ag:startOffset',
  endOffset: 'ag:endOffset',
};

export function toJsonLd(snapshot: GraphSnapshot): ExportFile {
  const graph: object[] = [];
  for (const d of snapshot.documents) {
    graph.push({ '@id': id('document', d.id), '@type': 'schema:NewsArticle', headline: d.title ?? undefined, datePublished: d.published ?? undefined, url: d.url ?? undefined, name: d.source });
  }
  for (const e of snapshot.entities) {
    graph.push({ '@id': id('actor', e.id), '@type': SCHEMA_TYPE[e.type] ?? 'schema:Thing', name: e.name, alternateName: e.aliases.length ? e.aliases : undefined, entityType: e.type, subtype: e.subtype ?? undefined });
  }
  const ref = (v: string | null | undefined) => (v ? id('actor', v) : undefined);
  for (const f of snapshot.facts) {
    graph.push({
      '@id': id('fact', f.id), '@type': f.kind === 'relation' ? 'ag:Relation' : 'ag:Event',
      factKind: f.kind, factType: f.type, mode: f.mode ?? undefined,
      subject: ref(f.subject), object: ref(f.object), place: ref(f.place), mediator: ref(f.mediator), role: f.role ?? undefined,
      at: f.time?.at, validFrom: f.time?.start, validUntil: f.time?.end,
      modality: f.modality, speaker: ref(f.attribution?.speaker), cue: f.attribution?.cue,
      confidence: f.confidence, sources: f.sources,
      evidence: f.evidence.map((e) => ({ text: e.text, document: id('document', e.documentId), startOffset: e.start, endOffset: e.end })),
    });
  }
  // JSON.stringify drops the undefined members, so absent qualifiers leave no empty keys.
  return { name: 'graph.jsonld', text: JSON.stringify({ '@context': JSONLD_CONTEXT, '@graph': graph }, null, 2) + '\n' };
}
