import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticStore } from './synthetic.js';
import { openSqliteStore } from './sqlite.js';

describe('synthetic store generator', () => {
  it('writes a consistent store every query works on, the same for the same seed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ag-synth-'));
    const summary = generateSyntheticStore(path.join(dir, 'a.db'), { actors: 500, facts: 5000, seed: 7 });
    expect(summary.facts).toBe(5000);
    expect(summary.documents).toBe(500);
    const s = openSqliteStore(path.join(dir, 'a.db'));
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
    s.db.exec("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')");
    const stats = s.stats();
    expect(stats).toMatchObject({ facts: 5000, evidence: 5000, documents: 500, entities: summary.actors });
    // Hubs: the first actor carries far more facts than a typical one.
    const hub = summary.sampleActors[0]!;
    expect(s.facts({ actor: hub }).length).toBeGreaterThan(5000 / 500 * 5);
    const n = s.neighbourhood(hub, { depth: 1, limit: 50 });
    expect(n.edges).toHaveLength(50);
    expect(n.nodes[0]!.id).toBe(hub);
    expect(s.facts({ asOf: '2000-06-15', limit: 20 })).toHaveLength(20);
    expect(s.searchEvidence('pact', 5).length).toBeGreaterThan(0);
    expect(s.getActor(s.getActor(hub)!.name)!.id).toBe(hub);
    // Removing a synthetic document keeps the store consistent.
    const doc = s.listDocuments()[0]!;
    expect(s.removeDocument(doc.id)).toBe(true);
    expect(s.stats().documents).toBe(499);
    expect(s.stats().evidence).toBeLessThan(5000);
    const orphans = s.db.prepare('SELECT count(*) AS n FROM facts f WHERE NOT EXISTS (SELECT 1 FROM doc_facts df WHERE df.fact_id = f.id)').get() as { n: number };
    expect(orphans.n).toBe(0);
    s.close();
    const again = generateSyntheticStore(path.join(dir, 'b.db'), { actors: 500, facts: 5000, seed: 7 });
    expect(again.actors).toBe(summary.actors);
    expect(again.sampleActors).toEqual(summary.sampleActors);
  });
});
