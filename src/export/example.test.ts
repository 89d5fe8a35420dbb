// Every export format on the example article as the real pipeline and store give it, read back;
// and the `export` command writing files from a database.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { openSqliteStore } from '../store/index.js';
import { extractText } from '../pipeline/index.js';
import { exampleArticle, hasShared } from '../testing/shared.js';
import type { GraphSnapshot } from '../store/types.js';
import { exportSnapshot } from './index.js';
import { assertWellFormedXml, parseCsv } from './check.js';
import { exportCommand } from '../cli/commands/export.js';

describe.skipIf(!hasShared)('exports of the example article', () => {
  let snapshot: GraphSnapshot;
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'actorgraph-export-'));
    db = path.join(dir, 'graph.db');
    const store = openSqliteStore(db);
    store.ingest(extractText(readFileSync(exampleArticle, 'utf8'), { source: exampleArticle, published: '2022-08-02' }));
    snapshot = store.snapshot();
    store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const edges = () => snapshot.facts.filter((f) => f.object !== null).length;

  it('has a graph to export', () => {
    expect(snapshot.entities.length).toBeGreaterThan(5);
    expect(edges()).toBeGreaterThan(3);
  });

  it('GraphML and GEXF parse back with every actor and edge', () => {
    for (const format of ['graphml', 'gexf'] as const) {
      const text = exportSnapshot(snapshot, format)[0]!.text;
      assertWellFormedXml(text);
      const doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
      expect(doc.querySelectorAll('node').length, format).toBe(snapshot.entities.length);
      expect(doc.querySelectorAll('edge').length, format).toBe(edges());
    }
    const gexf = new DOMParser().parseFromString(exportSnapshot(snapshot, 'gexf')[0]!.text, 'text/xml') as unknown as Document;
    const dated = snapshot.facts.filter((f) => f.object && f.time && (f.time.at || f.time.start || f.time.end)).length;
    expect(gexf.querySelectorAll('spell').length).toBe(dated);
    for (const s of gexf.querySelectorAll('spell')) {
      const [start, end] = [s.getAttribute('start'), s.getAttribute('end')];
      for (const v of [start, end]) if (v) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (start && end) expect(start <= end).toBe(true);
    }
  });

  it('CSV and Neo4j CSV have consistent columns and ids', () => {
    for (const format of ['csv', 'neo4j'] as const) {
      const [nodes, rels] = exportSnapshot(snapshot, format).map((f) => parseCsv(f.text));
      for (const table of [nodes!, rels!]) for (const row of table) expect(row.length).toBe(table[0]!.length);
      expect(nodes!.length - 1).toBe(snapshot.entities.length);
      expect(rels!.length - 1).toBe(edges());
      const ids = new Set(nodes!.slice(1).map((r) => r[0]));
      for (const r of rels!.slice(1)) expect(ids.has(r[format === 'csv' ? 1 : 0]!) && ids.has(r[format === 'csv' ? 2 : 1]!)).toBe(true);
    }
  });

  it('JSON-LD, PLOVER and STIX hold together', () => {
    const ld = JSON.parse(exportSnapshot(snapshot, 'jsonld')[0]!.text);
    const ids = new Set(ld['@graph'].map((n: any) => n['@id']));
    for (const n of ld['@graph']) for (const k of ['subject', 'object', 'place', 'speaker', 'mediator']) if (n[k]) expect(ids.has(n[k])).toBe(true);
    const plover = JSON.parse(exportSnapshot(snapshot, 'plover')[0]!.text);
    expect(plover.length).toBe(snapshot.facts.filter((f) => f.kind === 'event').length);
    for (const r of plover) {
      expect(r.source.length).toBe(1);
      expect(r.text.length).toBeGreaterThan(0);
    }
    const bundle = JSON.parse(exportSnapshot(snapshot, 'stix')[0]!.text);
    const stixIds = new Set(bundle.objects.map((o: any) => o.id));
    expect(bundle.objects.some((o: any) => o.type === 'threat-actor')).toBe(true);
    for (const o of bundle.objects) {
      expect(o.spec_version).toBe('2.1');
      if (o.type === 'relationship') expect(stixIds.has(o.source_ref) && stixIds.has(o.target_ref)).toBe(true);
      if (o.type === 'report') for (const ref of o.object_refs) expect(stixIds.has(ref)).toBe(true);
    }
  });

  it('the export command writes single files, two-file formats into a folder, and refuses bad flags', async () => {
    const out = path.join(dir, 'out.graphml');
    expect(await exportCommand.run(['--format', 'graphml', '--db', db, '--out', out])).toBe(0);
    assertWellFormedXml(readFileSync(out, 'utf8'));
    const folder = path.join(dir, 'neo') + path.sep;
    await expect(exportCommand.run(['--format', 'neo4j', '--db', db, '--out', folder])).rejects.toThrow(/does not exist/);
    expect(await exportCommand.run(['--format', 'csv', '--db', db, '--out', path.join(dir, 'graph')])).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('graph-')).sort()).toEqual(['graph-edges.csv', 'graph-nodes.csv']);
    await expect(exportCommand.run(['--format', 'pdf', '--db', db])).rejects.toThrow(/--format pdf: unknown export format/);
    await expect(exportCommand.run(['--format', 'csv', '--db', db])).rejects.toThrow(/--out/);
    await expect(exportCommand.run(['--format', 'json', '--db', path.join(dir, 'missing.db')])).rejects.toThrow(/no such database/);
  });
});
