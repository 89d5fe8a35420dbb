import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { storeContract, docA } from './contract.js';
import { openSqliteStore } from './sqlite.js';
import { SCHEMA_VERSION } from './schema.js';

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

  it('refuses a database written by a newer version', () => {
    const file = path.join(dir, 'future.db');
    openSqliteStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(/newer actorgraph/);
  });
});
