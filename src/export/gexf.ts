// GEXF 1.3 for Gephi, as a dynamic graph: each edge carries the spell (interval) its fact
// holds or happened in, so Gephi's timeline slider shows the network as of a date. Partial
// dates widen to their calendar bounds (`2011` → 2011-01-01..2011-12-31); open ends stay open.
import type { GraphSnapshot } from '../store/types.js';
import { edgeFacts, factInterval, isSymmetric, xmlEscape, type ExportFile, type ExportOptions } from './common.js';

const NODE_ATTRS = [['type', 'string'], ['subtype', 'string'], ['aliases', 'string'], ['mentions', 'integer'], ['documents', 'integer']] as const;
const EDGE_ATTRS = [['type', 'string'], ['kind', 'string'], ['mode', 'string'], ['modality', 'string'], ['speaker', 'string'], ['confidence', 'double'], ['sources', 'integer'], ['evidence', 'string'], ['document', 'string']] as const;

function attvalues(values: Array<[string, string | number | null | undefined]>): string {
  const present = values.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (present.length === 0) return '';
  return `<attvalues>${present.map(([k, v]) => `<attvalue for="${k}" value="${xmlEscape(String(v))}"/>`).join('')}</attvalues>`;
}

export function toGexf(snapshot: GraphSnapshot, options: ExportOptions = {}): ExportFile {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${today}"><creator>actorgraph</creator><description>Actors and the relations and events between them, with the time they hold</description></meta>`,
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
    '    <attributes class="node">',
    ...NODE_ATTRS.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRS.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const e of snapshot.entities) {
    out.push(`      <node id="${xmlEscape(e.id)}" label="${xmlEscape(e.name)}">${attvalues([['type', e.type], ['subtype', e.subtype], ['aliases', e.aliases.join('|')], ['mentions', e.mentionCount], ['documents', e.documentCount]])}</node>`);
  }
  out.push('    </nodes>', '    <edges>');
  for (const f of edgeFacts(snapshot)) {
    const { start, end } = factInterval(f);
    const spell = start || end ? `<spells><spell${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}/></spells>` : '';
    const type = isSymmetric(f.type) ? 'undirected' : 'directed';
    const ev = f.evidence[0];
    const atts = attvalues([['type', f.type], ['kind', f.kind], ['mode', f.mode], ['modality', f.modality], ['speaker', f.attribution?.speaker], ['confidence', f.confidence], ['sources', f.sources], ['evidence', ev?.text], ['document', ev?.documentId]]);
    out.push(`      <edge id="${xmlEscape(f.id)}" source="${xmlEscape(f.subject)}" target="${xmlEscape(f.object!)}" type="${type}" kind="${xmlEscape(f.type)}" label="${xmlEscape(f.type)}" weight="${f.confidence}">${atts}${spell}</edge>`);
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return { name: 'graph.gexf', text: out.join('\n') };
}
