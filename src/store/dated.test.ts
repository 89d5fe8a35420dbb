import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticStore } from './synthetic.js';
import { openSqliteStore, type SqliteStore } from './sqlite.js';
import { chooseDatedPlan, estimateSpan, type DateTallyRow } from './dated.js';
import { dayBounds } from './time.js';

interface FactRow { id: string; kind: string; valid_from: string | null; valid_to: string | null; sources: number; confidence: number }

/** The answer by definition: every fact, filtered by its validity in plain code, sorted by rank. */
function plainFilter(s: SqliteStore, spans: Array<[string, string]>, offset: number, limit?: number, type?: string): string[] {
  const rows = (s.db.prepare('SELECT id, type, kind, valid_from, valid_to, sources, confidence FROM facts').all() as Array<FactRow & { type: string }>)
    .filter((r) => type === undefined || r.type === type);
  const holds = (r: FactRow, [lo, hi]: [string, string]) => r.kind === 'relation'
    ? (r.valid_from === null || r.valid_from <= hi) && (r.valid_to === null || r.valid_to >= lo)
    : r.valid_from !== null && r.valid_to !== null && r.valid_from <= hi && r.valid_to >= lo;
  return rows.filter((r) => spans.every((sp) => holds(r, sp)))
    .sort((x, y) => y.sources - x.sources || y.confidence - x.confidence || (x.id < y.id ? -1 : 1))
    .slice(offset, limit === undefined ? undefined : offset + limit)
    .map((r) => r.id);
}

/** A synthetic store with varied support, where most facts are dated: early and late dates hold few facts. */
function mostlyDatedStore(): SqliteStore {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ag-dated-')), 'a.db');
  generateSyntheticStore(file, { actors: 300, facts: 4000, seed: 11 });
  const s = openSqliteStore(file);
  // Keep a few undated relations (they hold at every date), drop the rest; vary the support so
  // the rank order is not the confidence order alone.
  s.db.exec(`DELETE FROM facts WHERE valid_from IS NULL AND unicode(substr(id, 2, 1)) % 8 != 0;
             UPDATE facts SET sources = 1 + unicode(substr(id, 3, 1)) % 3`);
  return s;
}

describe('whole-store facts over dates', () => {
  it('gives the plain filter\'s answer by every walk and by the chosen one, page by page', () => {
    const s = mostlyDatedStore();
    const queries = [
      { asOf: '1950' }, { asOf: '1984-03-02' }, { asOf: '2003-06-15' }, { asOf: '2024-12' }, { asOf: '2040-01-01' },
      { from: '1999-01-01', to: '1999-03-31' }, { from: '2030' }, { to: '1985' }, { from: '1960', to: '1970' },
      { asOf: '2001', from: '2000', to: '2010' },
    ];
    let nonEmpty = 0;
    for (const q of queries) {
      const spans: Array<[string, string]> = [];
      if (q.asOf) spans.push(dayBounds(q.asOf)!);
      if (q.from || q.to) spans.push([dayBounds(q.from)?.[0] ?? '0000-01-01', dayBounds(q.to)?.[1] ?? '9999-12-31']);
      for (const [offset, limit] of [[0, 1], [0, 25], [37, 25], [0, undefined]] as Array<[number, number | undefined]>) {
        const expected = plainFilter(s, spans, offset, limit);
        if (expected.length) nonEmpty++;
        const label = `${JSON.stringify(q)} offset ${offset} limit ${limit}`;
        expect(s.facts({ ...q, offset, limit }).map((f) => f.id), label).toEqual(expected);
        for (const plan of ['rank', 'from', 'to'] as const) {
          expect(s.datedFactsBy(plan, { ...q, offset, limit }).map((f) => f.id), `${plan} ${label}`).toEqual(expected);
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
    s.close();
  });

  it('gives the plain filter\'s answer for one type across the store, with and without dates', () => {
    const s = mostlyDatedStore();
    const types = (s.db.prepare('SELECT DISTINCT type FROM facts ORDER BY type').all() as Array<{ type: string }>).map((r) => r.type);
    expect(types.length).toBeGreaterThan(10);
    for (const type of types.slice(0, 12)) {
      for (const [q, spans] of [[{}, []], [{ asOf: '1995-07' }, [dayBounds('1995-07')!]], [{ from: '2010', to: '2012' }, [['2010-01-01', '2012-12-31']]]] as Array<[object, Array<[string, string]>]>) {
        for (const [offset, limit] of [[0, 5], [6, 5], [0, undefined]] as Array<[number, number | undefined]>) {
          expect(s.facts({ ...q, type, offset, limit }).map((f) => f.id), `${type} ${JSON.stringify(q)} ${offset} ${limit}`)
            .toEqual(plainFilter(s, spans, offset, limit, type));
        }
      }
    }
    s.close();
  });

  it('walks a validity index for a date few facts hold, the rank index when many do', () => {
    const s = mostlyDatedStore();
    const tally = s.db.prepare('SELECT relation, from_year, to_year, n FROM fact_date_tally').all() as DateTallyRow[];
    const total = (s.db.prepare('SELECT count(*) AS n FROM facts').get() as { n: number }).n;
    expect(tally.reduce((n, r) => n + r.n, 0)).toBe(total);
    // Before every start: only the undated relations hold, and the walk from valid_from reads none else.
    expect(chooseDatedPlan(tally, [['1950-01-01', '1950-12-31']], 200).plan).toBe('from');
    expect(estimateSpan(tally, ['1950-01-01', '1950-12-31']).fromSide).toBeLessThan(total / 10);
    // Long after every end, the relations with an open end still hold, and there are many of them.
    expect(chooseDatedPlan(tally, [['2090-01-01', '2090-12-31']], 200).plan).toBe('rank');
    // Unless every fact has ended by then: the walk from valid_to reads none.
    s.db.exec("DELETE FROM facts WHERE kind = 'relation' AND valid_to IS NULL");
    const ended = s.db.prepare('SELECT relation, from_year, to_year, n FROM fact_date_tally').all() as DateTallyRow[];
    expect(chooseDatedPlan(ended, [['2090-01-01', '2090-12-31']], 200).plan).toBe('to');
    expect(s.facts({ asOf: '2090', limit: 10 })).toEqual([]);
    expect(s.facts({ asOf: '2001-05', limit: 10 }).map((f) => f.id)).toEqual(plainFilter(s, [dayBounds('2001-05')!], 0, 10));
    // Mid-range most open-ended relations hold: a few rank-ordered rows give the first page.
    expect(chooseDatedPlan(tally, [['2010-06-15', '2010-06-15']], 20).plan).toBe('rank');
    s.close();
  });
});
