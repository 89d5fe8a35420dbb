// GraphML (yEd, Gephi, networkx, igraph): actors as nodes, facts between two actors as edges,
// with their type, time, modality and first evidence sentence as data.
import type { GraphSnapshot } from '../store/types.js';
import { edgeFacts, isSymmetric, xmlEscape, type ExportFile } from './common.js';

interface Key { id: string; for: 'node' | 'edge'; name: string; type: 'string' | 'int' | 'double' }

const KEYS: Key[] = [
  { id: 'n_name', for: 'node', name: 'name', type: 'string' },
  { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  { id: 'n_subtype', for: 'node', name: 'subtype', type: 'string' },
  { id: 'n_aliases', for: 'node', name: 'aliases', type: 'string' },
  { id: 'n_mentions', for: 'node', name: 'mentions', type: 'int' },
  { id: 'n_documents', for: 'node', name: 'documents', type: 'int' },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'e_mode', for: 'edge', name: 'mode', type: 'string' },
  { id: 'e_at', for: 'edge', name: 'at', type: 'string' },
  { id: 'e_start', for: 'edge', name: 'start', type: 'string' },
  { id: 'e_end', for: 'edge', name: 'end', type: 'string' },
  { id: 'e_modality', for: 'edge', name: 'modality', type: 'string' },
  { id: 'e_speaker', for: 'edge', name: 'speaker', type: 'string' },
  { id: 'e_confidence', for: 'edge', name: 'confidence', type: 'double' },
  { id: 'e_sources', for: 'edge', name: 'sources', type: 'int' },
  { id: 'e_evidence', for: 'edge', name: 'evidence', type: 'string' },
  { id: 'e_document', for: 'edge', name: 'document', type: 'string' },
];

function data(key: string, value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '' : `<data key="${key}">${xmlEscape(String(value))}</data>`;
}

export function toGraphml(snapshot: GraphSnapshot): ExportFile {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`),
    '  <graph id="actorgraph" edgedefault="directed">',
  ];
  for (const e of snapshot.entities) {
    out.push(`    <node id="${xmlEscape(e.id)}">${data('n_name', e.name)}${data('n_type', e.type)}${data('n_subtype', e.subtype)}${data('n_aliases', e.aliases.join('|'))}${data('n_mentions', e.mentionCount)}${data('n_documents', e.documentCount)}</node>`);
  }
  for (const f of edgeFacts(snapshot)) {
    const directed = isSymmetric(f.type) ? ' directed="false"' : '';
    const ev = f.evidence[0];
    out.push(`    <edge id="${xmlEscape(f.id)}" source="${xmlEscape(f.subject)}" target="${xmlEscape(f.object!)}"${directed}>${data('e_type', f.type)}${data('e_kind', f.kind)}${data('e_mode', f.mode)}${data('e_at', f.time?.at)}${data('e_start', f.time?.start)}${data('e_end', f.time?.end)}${data('e_modality', f.modality)}${data('e_speaker', f.attribution?.speaker)}${data('e_confidence', f.confidence)}${data('e_sources', f.sources)}${data('e_evidence', ev?.text)}${data('e_document', ev?.documentId)}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return { name: 'graph.graphml', text: out.join('\n') };
}
