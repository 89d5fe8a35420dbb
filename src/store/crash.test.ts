// An ingest killed half-way leaves the database as it was before that document. The child process
// runs the built store (`npm test` builds first) and is killed with SIGKILL while it ingests.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../model/paths.js';
import { openSqliteStore } from './sqlite.js';
import { bulkDoc } from './fixtures.js';

const SIZE = 1500;
const built = path.join(packageRoot, 'dist', 'store', 'sqlite.js');

function childScript(db: string): string {
  const dist = (f: string) => pathToFileURL(path.join(packageRoot, 'dist', 'store', f)).href;
  return `
import { openSqliteStore } from ${JSON.stringify(dist('sqlite.js'))};
import { bulkDoc } from ${JSON.stringify(dist('fixtures.js'))};
const store = openSqliteStore(${JSON.stringify(db)});
for (let i = 0; ; i++) {
  const doc = bulkDoc('d' + i, ${SIZE}, i * 700);
  process.stdout.write('begin ' + i + '\\n');
  store.ingest(doc);
  process.stdout.write('done ' + i + '\\n');
}
`;
}

/** Runs the child until it starts document `target`, waits `delayMs`, kills it; returns what it printed. */
function runAndKill(script: string, target: number, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes(`begin ${target}\n`) && !child.killed) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('crash safety', () => {
  it('a SIGKILL in the middle of an ingest leaves only whole documents', async () => {
    expect(existsSync(built), 'the store must be built first (npm run build)').toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'ag-crash-'));
    const db = path.join(dir, 'graph.db');
    const script = path.join(dir, 'child.mjs');
    writeFileSync(script, childScript(db));
    // Several kills at different moments into a document's transaction, each run adding more.
    let target = 1;
    for (const delay of [5, 40, 120]) {
      const printed = await runAndKill(script, target, delay);
      const begun = printed.split('\n').filter((l) => l.startsWith('begin ')).length;
      const store = openSqliteStore(db);
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        store.db.exec("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')");
        const docs = store.listDocuments().filter((d) => !d.source.includes('after-crash'));
        // Every stored document is whole: all its entities, facts and evidence.
        for (const d of docs) {
          const n = (sql: string) => (store.db.prepare(sql).get(d.id) as { n: number }).n;
          expect(n('SELECT count(*) AS n FROM doc_entities WHERE document_id = ?')).toBe(SIZE + 1);
          expect(n('SELECT count(*) AS n FROM doc_facts WHERE document_id = ? AND fact_id IS NOT NULL')).toBe(SIZE);
          expect(n('SELECT count(*) AS n FROM evidence WHERE document_id = ?')).toBe(SIZE);
          expect(n('SELECT count(*) AS n FROM mentions WHERE document_id = ?')).toBe(2 * SIZE);
        }
        // The killed document is absent or whole, never partial; the ones before it are all there.
        expect(docs.length === begun || docs.length === begun - 1).toBe(true);
        // Nothing derived points at something missing.
        const orphans = store.db.prepare(`SELECT count(*) AS n FROM facts f WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = f.subject)
                                           OR NOT EXISTS (SELECT 1 FROM doc_facts df WHERE df.fact_id = f.id)`).get() as { n: number };
        expect(orphans.n).toBe(0);
        // The store still works after the crash: the next document goes in.
        const next = store.ingest(bulkDoc('after-crash-' + delay, 10, 1_000_000));
        expect(next.added).toBe(true);
        target = docs.length + 2;
      } finally {
        store.close();
      }
    }
  });
});
