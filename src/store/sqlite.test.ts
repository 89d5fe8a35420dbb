import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { storeContract, docA, docB, docC } from './contract.js';
import { openSqliteStore, type SqliteStore } from './sqlite.js';
import { APPLICATION_ID, SCHEMA_VERSION, migrations } from './schema.js';
import { rebuildContradictions } from './contradictions.js';
import { hubDoc, makeDoc } from './fixtures.js';

storeContract('SQLite', (file) => openSqliteStore(file));

describe('SQLite file handling', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ag-sqlite-'));

  it('refuses a file that is not a database and leaves it byte-identical', () => {
    const file = path.join(dir, 'notes.db');
    writeFileSync(file, 'my notes, not a database\n'.repeat(100));
    const before = readFileSync(file);
    expect(() => openSqliteStore(file)).toThrow(/notes\.db: not an actorgraph database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an SQLite database of another program and leaves it byte-identical', () => {
    const file = path.join(dir, 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada')");
    other.close();
    const before = readFileSync(file);
    expect(() => openSqliteStore(file)).toThrow(/another program/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('records its schema version and migrates an empty file', () => {
    const file = path.join(dir, 'new.db');
    writeFileSync(file, '');
    const s = openSqliteStore(file);
    s.ingest(docA);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    s.close();
  });

  it('migrates a version 1 database in place, keeping and backfilling its rows', () => {
    const file = path.join(dir, 'v1.db');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.exec(migrations[0]!.up);
    raw.pragma('user_version = 1');
    raw.prepare(`INSERT INTO documents (id, source, title, published, url, site, language, text, removed, ingested_at)
                 VALUES ('d1', 'old.txt', NULL, '2020-01-01', NULL, 'wire.example', 'en', 'Old text.', '[]', '2020-01-02')`).run();
    raw.prepare('INSERT INTO doc_facts (document_id, local_id, fact_id, confidence, data) VALUES (?, ?, NULL, 0.6, ?)')
      .run('d1', 'f1', JSON.stringify({ id: 'f1', type: 'supports', time: { start: '2019', text: 'since 2019' }, attribution: { speaker: 'e1', cue: 'said' }, evidence: [] }));
    raw.close();
    const s = openSqliteStore(file);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(s.db.prepare('SELECT time_start, time_text, cue, source_key FROM doc_facts').get()).toEqual({ time_start: '2019', time_text: 'since 2019', cue: 'said', source_key: 'site:wire.example' });
    expect(s.listDocuments().map((d) => d.source)).toEqual(['old.txt']);
    s.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = path.join(dir, 'future.db');
    openSqliteStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(/newer actorgraph/);
  });
});

/** What the triggers and the ingest keep up to date, and what recomputing from scratch gives. */
function keptAndRecomputed(s: SqliteStore) {
  const db = s.db;
  const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const kept = {
    stats: s.stats(),
    tallies: db.prepare('SELECT actor_id, direction, type, kind, n FROM actor_fact_counts ORDER BY 1, 2, 3').all(),
    contradictions: db.prepare('SELECT kind, fact_a, fact_b FROM contradictions ORDER BY 1, 2, 3').all(),
    dateTally: db.prepare('SELECT relation, from_year, to_year, n FROM fact_date_tally ORDER BY 1, 2, 3').all(),
  };
  const tallies = db.prepare(`SELECT * FROM (
      SELECT subject AS actor_id, 'out' AS direction, type, min(kind) AS kind, count(*) AS n FROM facts GROUP BY subject, type
      UNION ALL SELECT object, 'in', type, min(kind), count(*) FROM facts WHERE object IS NOT NULL GROUP BY object, type) ORDER BY 1, 2, 3`).all();
  db.exec('SAVEPOINT rebuild');
  rebuildContradictions(db);
  const contradictions = db.prepare('SELECT kind, fact_a, fact_b FROM contradictions ORDER BY 1, 2, 3').all();
  db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  const recomputed = {
    stats: { documents: count('documents'), entities: count('entities'), facts: count('facts'), evidence: count('evidence'), contradictions: contradictions.length },
    tallies,
    contradictions,
    dateTally: db.prepare(`SELECT kind = 'relation' AS relation, coalesce(substr(valid_from, 1, 4), '') AS from_year,
                             coalesce(substr(valid_to, 1, 4), '') AS to_year, count(*) AS n FROM facts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all(),
  };
  return { kept, recomputed };
}

const leadersDoc = makeDoc({
  source: 'tests/leaders.txt', published: '2000-01-01',
  text: 'Mullah Baradar led the Taliban in 2000. The Taliban did not ally with Al Qaeda in 1997.\n',
  entities: [{ id: 'e1', name: 'Mullah Baradar', type: 'PERSON' }, { id: 'e2', name: 'Taliban', type: 'ORG' }, { id: 'e3', name: 'Al Qaeda', type: 'ORG' }],
  facts: [
    { type: 'leader_of', subject: 'e1', object: 'e2', time: { at: '2000' }, evidence: 'led the Taliban' },
    { type: 'allied_with', subject: 'e2', object: 'e3', time: { at: '1997' }, modality: 'negated', evidence: 'did not ally' },
  ],
});

describe('what the SQLite store keeps at ingest', () => {
  it('counts, per-actor tallies and contradictions equal a recount after ingests, removals, merges and splits', () => {
    const s = openSqliteStore(':memory:');
    const check = (step: string) => {
      const { kept, recomputed } = keptAndRecomputed(s);
      expect(kept, step).toEqual(recomputed);
    };
    for (const doc of [docA, docB, docC, leadersDoc, hubDoc('kept', 8)]) { s.ingest(doc); check(`ingest ${doc.meta.source}`); }
    expect(s.stats().contradictions).toBeGreaterThanOrEqual(3);
    expect(new Set(s.contradictions().map((c) => c.kind))).toEqual(new Set(['allied_and_rival', 'asserted_and_negated', 'two_leaders']));
    s.mergeActors('Mullah Omar', 'Mullah Baradar');
    check('merge');
    expect(s.contradictions().map((c) => c.kind)).not.toContain('two_leaders');
    s.splitActor('Mullah Omar', 'Mullah Baradar');
    check('split');
    expect(s.contradictions().map((c) => c.kind)).toContain('two_leaders');
    s.removeDocument(docA.meta.id);
    check('remove A');
    s.removeDocument('tests/leaders.txt');
    check('remove leaders');
    s.ingest(docA);
    check('ingest A again');
    s.close();
  });
});

describe('migration from schema version 3', () => {
  it('opens a version 3 database with data, and fills counts, tallies and contradictions', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ag-v3-'));
    const file = path.join(dir, 'v3.db');
    const s = openSqliteStore(file);
    for (const doc of [docA, docB, docC, leadersDoc]) s.ingest(doc);
    const expected = { stats: s.stats(), contradictions: s.contradictions(), groups: s.factGroups(s.getActor('Taliban')!.id, { top: 5 }), documents: s.listDocuments({ limit: 2 }) };
    s.close();
    // Back to what version 3 wrote: the tables, triggers and indexes of versions 4 to 7 did not exist.
    const raw = new Database(file);
    const v4 = raw.prepare(`SELECT type, name FROM sqlite_master WHERE name IN ('counts', 'actor_fact_counts', 'contradictions')
                              OR (type = 'trigger' AND name LIKE '%_count_%') OR name IN ('facts_subject_type', 'facts_object_type', 'facts_leaders', 'documents_order')
                              OR name IN ('facts_kind_from', 'facts_kind_to', 'facts_kind_date')
                              OR name = 'fact_date_tally' OR (type = 'trigger' AND name LIKE 'facts_tally_%') OR name = 'facts_type_rank'`).all() as Array<{ type: string; name: string }>;
    expect(v4.length).toBe(25);
    for (const o of v4.filter((x) => x.type === 'trigger')) raw.exec(`DROP TRIGGER ${o.name}`);
    for (const o of v4.filter((x) => x.type === 'index')) raw.exec(`DROP INDEX IF EXISTS ${o.name}`);
    for (const o of v4.filter((x) => x.type === 'table')) raw.exec(`DROP TABLE ${o.name}`);
    raw.pragma('user_version = 3');
    raw.close();
    // Read-only cannot upgrade it: one clear error, the file untouched.
    expect(() => openSqliteStore(file, { readonly: true })).toThrow(/older actorgraph \(schema 3/);
    const again = openSqliteStore(file);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect({ stats: again.stats(), contradictions: again.contradictions(), groups: again.factGroups(again.getActor('Taliban')!.id, { top: 5 }), documents: again.listDocuments({ limit: 2 }) }).toEqual(expected);
    expect(expected.stats.contradictions).toBeGreaterThan(0);
    const { kept, recomputed } = keptAndRecomputed(again);
    expect(kept).toEqual(recomputed);
    again.close();
    const readonly = openSqliteStore(file, { readonly: true });
    expect(readonly.stats()).toEqual(expected.stats);
    readonly.close();
  });
});

describe('actor search on a store with more actors than it looks among first', () => {
  it('gives the same best matches as ranking every match', () => {
    const s = openSqliteStore(':memory:');
    s.ingest(hubDoc('search', 700));
    s.ingest(docA);
    expect(s.stats().entities).toBeGreaterThan(700);
    for (const text of ['group', 'group 6', 'group 69', 'delta', 'roup 1', 'al qaeda', 'nothing like it']) {
      const all = s.findActors({ search: text, limit: 5000 });
      for (const limit of [1, 10, 50, 400]) expect(s.findActors({ search: text, limit }).map((a) => a.id), `${text} ${limit}`).toEqual(all.slice(0, limit).map((a) => a.id));
      expect(s.findActors({ search: text, type: 'ORG', limit: 20 }).map((a) => a.id)).toEqual(all.filter((a) => a.type === 'ORG').slice(0, 20).map((a) => a.id));
    }
    s.close();
  });
});
