import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { storeContract, docA } from './contract.js';
import { openSqliteStore } from './sqlite.js';
import { APPLICATION_ID, SCHEMA_VERSION, migrations } from './schema.js';

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
