// CSV (RFC 4180) nodes + edges, and the same graph laid out for Neo4j's bulk importer
// (`neo4j-admin database import full --nodes=actors.csv --relationships=relationships.csv`).
import type { GraphSnapshot } from '../store/types.js';
import { edgeFacts, isSymmetric, type ExportFile } from './common.js';

type Cell = string | number | boolean | null | undefined;

/** Quotes a cell when it holds a comma, quote or line break; a leading = + - @ is defused. */
export function csvCell(value: Cell, defuse = true): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // Spreadsheets run cells that start with these as formulas; article text is untrusted.
  if (defuse && typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `defuse: false` for machine readers (Neo4j), which take cells as they are. */
export function csvTable(header: string[], rows: Cell[][], defuse = true): string {
  return [header, ...rows].map((row) => row.map((c) => csvCell(c, defuse)).join(',')).join('\r\n') + '\r\n';
}

export function toCsv(snapshot: GraphSnapshot): ExportFile[] {
  const nodes = csvTable(
    ['id', 'name', 'type', 'subtype', 'catalog_id', 'aliases', 'mentions', 'documents'],
    snapshot.entities.map((e) => [e.id, e.name, e.type, e.subtype, e.catalogId, e.aliases.join('|'), e.mentionCount, e.documentCount]),
  );
  const edges = csvTable(
    ['id', 'source', 'target', 'type', 'kind', 'mode', 'directed', 'at', 'start', 'end', 'modality', 'speaker', 'confidence', 'sources', 'evidence', 'document'],
    edgeFacts(snapshot).map((f) => [
      f.id, f.subject, f.object, f.type, f.kind, f.mode, !isSymmetric(f.type), f.time?.at, f.time?.start, f.time?.end,
      f.modality, f.attribution?.speaker, f.confidence, f.sources, f.evidence[0]?.text, f.evidence[0]?.documentId,
    ]),
  );
  return [{ name: 'nodes.csv', text: nodes }, { name: 'edges.csv', text: edges }];
}

/** Neo4j labels and relationship types: `leader_of` → LEADER_OF, `PERSON` → Person. */
const label = (type: string) => type.charAt(0) + type.slice(1).toLowerCase();
const relType = (type: string) => type.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
/** neo4j-admin's default array delimiter is `;`: keep it out of array elements. */
const arrayCell = (items: string[]) => items.map((s) => s.replace(/;/g, ',')).join(';');

export function toNeo4jCsv(snapshot: GraphSnapshot): ExportFile[] {
  const nodes = csvTable(
    ['actorId:ID', 'name', 'type', 'subtype', 'catalogId', 'aliases:string[]', 'mentionCount:int', 'documentCount:int', ':LABEL'],
    snapshot.entities.map((e) => [e.id, e.name, e.type, e.subtype, e.catalogId, arrayCell(e.aliases), e.mentionCount, e.documentCount, `Actor;${label(e.type)}`]),
    false,
  );
  const rels = csvTable(
    [':START_ID', ':END_ID', ':TYPE', 'factId', 'kind', 'mode', 'symmetric:boolean', 'at', 'start', 'end', 'modality', 'speaker', 'confidence:float', 'sources:int', 'evidence:string[]', 'documents:string[]'],
    edgeFacts(snapshot).map((f) => [
      f.subject, f.object, relType(f.type), f.id, f.kind, f.mode, isSymmetric(f.type), f.time?.at, f.time?.start, f.time?.end,
      f.modality, f.attribution?.speaker, f.confidence, f.sources,
      arrayCell(f.evidence.map((e) => e.text)), arrayCell([...new Set(f.evidence.map((e) => e.documentId))]),
    ]),
    false,
  );
  return [{ name: 'actors.csv', text: nodes }, { name: 'relationships.csv', text: rels }];
}
