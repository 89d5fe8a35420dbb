// Where the store lives and how to open it: --db, else ACTORGRAPH_DB, else ./actorgraph.db.
import { existsSync } from 'node:fs';
import { InputError } from '../model/errors.js';
import { openSqliteStore, type SqliteStore } from './sqlite.js';

export const DEFAULT_DB = 'actorgraph.db';

export function dbPath(flag?: string | null): string {
  return flag || process.env.ACTORGRAPH_DB || DEFAULT_DB;
}

export function openStore(flag?: string | null, opts: { readonly?: boolean } = {}): SqliteStore {
  return openSqliteStore(dbPath(flag), opts);
}

export type { Store } from './types.js';
export { SqliteStore, openSqliteStore } from './sqlite.js';

/** Opens a database that must already exist (the query commands: nothing to query otherwise). */
export function openExistingStore(flag?: string | null): SqliteStore {
  const file = dbPath(flag);
  if (!existsSync(file)) throw new InputError(file, 'no such database (store articles first: actorgraph ingest <files> --db FILE)');
  return openSqliteStore(file);
}
