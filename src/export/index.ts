// Exports: pure functions from a GraphSnapshot to the text of each format. The CLI and the
// server decide where the text goes.
import type { GraphSnapshot } from '../store/types.js';
import { InputError } from '../model/errors.js';
import type { ExportFile, ExportOptions } from './common.js';
import { toCsv, toNeo4jCsv } from './csv.js';
import { toGraphml } from './graphml.js';
import { toGexf } from './gexf.js';
import { toJsonLd } from './jsonld.js';
import { toPlover } from './plover.js';
import { toStix } from './stix.js';

export type { ExportFile, ExportOptions } from './common.js';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'neo4j', 'jsonld', 'plover', 'stix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats that write more than one file (nodes and edges). */
export const MULTI_FILE_FORMATS: ReadonlySet<ExportFormat> = new Set(['csv', 'neo4j']);

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  json: 'application/json', graphml: 'application/graphml+xml', gexf: 'application/gexf+xml', csv: 'text/csv',
  neo4j: 'text/csv', jsonld: 'application/ld+json', plover: 'application/json', stix: 'application/stix+json;version=2.1',
};

export function parseExportFormat(value: string | undefined): ExportFormat {
  if (value && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new InputError(`--format ${value ?? ''}`.trim(), `unknown export format (one of ${EXPORT_FORMATS.join(', ')})`);
}

export function exportSnapshot(snapshot: GraphSnapshot, format: ExportFormat, options: ExportOptions = {}): ExportFile[] {
  switch (format) {
    case 'json': return [{ name: 'graph.json', text: JSON.stringify(snapshot, null, 2) + '\n' }];
    case 'graphml': return [toGraphml(snapshot)];
    case 'gexf': return [toGexf(snapshot, options)];
    case 'csv': return toCsv(snapshot);
    case 'neo4j': return toNeo4jCsv(snapshot);
    case 'jsonld': return [toJsonLd(snapshot)];
    case 'plover': return [toPlover(snapshot)];
    case 'stix': return [toStix(snapshot, options)];
  }
}
