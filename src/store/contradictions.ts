// Contradictions kept at ingest: pairs of merged facts that cannot both be true. Each pair depends
// only on the two facts, so recomputing every pair of a fact whenever that fact is recomputed keeps
// the table exact (a fact's last recompute sees its partners in their final state), and a query
// reads an index instead of comparing a million facts.
//   allied_and_rival      allied_with and rival_of between the same actors over overlapping time
//   asserted_and_negated  a relation both stated and denied over overlapping time
//   two_leaders           two different leaders of one organization in the same role at once
//                         (an undated statement holds over its documents' publication dates)
import type Database from 'better-sqlite3';
import { dayBounds } from './time.js';

type Row = Record<string, any>;

export const CONTRADICTION_KINDS = ['allied_and_rival', 'asserted_and_negated', 'two_leaders'] as const;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function q(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) { s = db.prepare(sql); cache.set(sql, s); }
  return s;
}

/** Validity intervals of `a` and `b` overlap (open ends open). */
const overlap = `(a.valid_from IS NULL OR b.valid_to IS NULL OR a.valid_from <= b.valid_to) AND (b.valid_from IS NULL OR a.valid_to IS NULL OR b.valid_from <= a.valid_to)`;

const alliedAndRival = `SELECT 'allied_and_rival' AS kind, a.id AS a, b.id AS b FROM facts a JOIN facts b
  ON b.type = 'rival_of' AND b.subject = a.subject AND b.object = a.object AND b.modality = 'asserted'
  WHERE a.type = 'allied_with' AND a.modality = 'asserted' AND ${overlap}`;

const assertedAndNegated = `SELECT 'asserted_and_negated' AS kind, a.id AS a, b.id AS b FROM facts a JOIN facts b
  ON b.type = a.type AND b.subject = a.subject AND b.object IS a.object AND b.modality = 'negated'
  WHERE a.modality = 'asserted' AND a.kind = 'relation' AND ${overlap}`;

/** Leader statements with what their interval needs: validity, else their documents' dates. */
const leaderColumns = `f.id, f.subject, f.object, f.role, f.valid_from, f.valid_to,
  (SELECT min(d.published) FROM doc_facts df JOIN documents d ON d.id = df.document_id WHERE df.fact_id = f.id) AS pub_lo,
  (SELECT max(d.published) FROM doc_facts df JOIN documents d ON d.id = df.document_id WHERE df.fact_id = f.id) AS pub_hi`;

function leaderInterval(r: Row): [string, string] | null {
  if (r.valid_from || r.valid_to) return [r.valid_from ?? '0000-01-01', r.valid_to ?? '9999-12-31'];
  const lo = dayBounds(r.pub_lo)?.[0];
  const hi = dayBounds(r.pub_hi)?.[1];
  return lo && hi ? [lo, hi] : null;
}

function leadersClash(a: Row, b: Row): boolean {
  if (a.subject === b.subject || (a.role ?? '') !== (b.role ?? '')) return false;
  const ia = leaderInterval(a);
  const ib = leaderInterval(b);
  return !!ia && !!ib && ia[0] <= ib[1] && ib[0] <= ia[1];
}

function insert(db: Database.Database, kind: string, a: string, b: string): void {
  q(db, 'INSERT OR IGNORE INTO contradictions (kind, fact_a, fact_b) VALUES (?, ?, ?)').run(kind, a, b);
}

/** Recomputes every contradiction one fact takes part in (none when the fact is gone). */
export function refreshContradictions(db: Database.Database, factId: string): void {
  q(db, 'DELETE FROM contradictions WHERE fact_a = ?').run(factId);
  q(db, 'DELETE FROM contradictions WHERE fact_b = ?').run(factId);
  const f = q(db, 'SELECT type, kind, modality FROM facts WHERE id = ?').get(factId) as Row | undefined;
  if (!f) return;
  const pairs: Row[] = [];
  if (f.type === 'allied_with' || f.type === 'rival_of') {
    pairs.push(...(q(db, `${alliedAndRival} AND ${f.type === 'allied_with' ? 'a' : 'b'}.id = ?`).all(factId) as Row[]));
  }
  if (f.kind === 'relation' && f.modality === 'asserted') pairs.push(...(q(db, `${assertedAndNegated} AND a.id = ?`).all(factId) as Row[]));
  if (f.modality === 'negated') pairs.push(...(q(db, `${assertedAndNegated} AND b.id = ?`).all(factId) as Row[]));
  for (const p of pairs) insert(db, p.kind, p.a, p.b);
  if (f.type === 'leader_of' && f.modality === 'asserted') {
    const me = q(db, `SELECT ${leaderColumns} FROM facts f WHERE f.id = ?`).get(factId) as Row;
    const peers = q(db, `SELECT ${leaderColumns} FROM facts f INDEXED BY facts_leaders
                         WHERE f.object = ? AND f.type = 'leader_of' AND f.modality = 'asserted' AND f.id != ?`).all(me.object, factId) as Row[];
    for (const p of peers) if (leadersClash(me, p)) insert(db, 'two_leaders', me.id < p.id ? me.id : p.id, me.id < p.id ? p.id : me.id);
  }
}

/** Recomputes the whole table (a migration, a bulk load). */
export function rebuildContradictions(db: Database.Database): void {
  db.prepare('DELETE FROM contradictions').run();
  const ins = db.prepare('INSERT OR IGNORE INTO contradictions (kind, fact_a, fact_b) VALUES (?, ?, ?)');
  for (const sql of [alliedAndRival, assertedAndNegated]) for (const p of db.prepare(sql).all() as Row[]) ins.run(p.kind, p.a, p.b);
  const leaders = db.prepare(`SELECT ${leaderColumns} FROM facts f WHERE f.type = 'leader_of' AND f.modality = 'asserted' ORDER BY f.object, f.id`).all() as Row[];
  for (let start = 0; start < leaders.length;) {
    let end = start;
    while (end < leaders.length && leaders[end]!.object === leaders[start]!.object) end++;
    for (let i = start; i < end; i++) {
      for (let j = i + 1; j < end; j++) if (leadersClash(leaders[i]!, leaders[j]!)) ins.run('two_leaders', leaders[i]!.id, leaders[j]!.id);
    }
    start = end;
  }
}
