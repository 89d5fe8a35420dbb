// Whole-store facts held at a date or during a span, best supported first: which index to walk.
//
// Walking the rank index and filtering by validity stops early when many facts hold (undated
// relations always do), but reads most of the table for a date few facts hold. Walking a validity
// index (valid_from <= hi, or valid_to >= lo) reads only the facts on one side of the span, then
// sorts them. A tally of facts by (relation?, start year, end year), kept by triggers
// (schema v6), tells which walk reads fewer rows, before reading any.

export type DatedPlan = 'rank' | 'from' | 'to';

/** One row of fact_date_tally: how many facts have this kind class and these validity years ('' = open). */
export interface DateTallyRow {
  relation: number;
  from_year: string;
  to_year: string;
  n: number;
}

/** Day bounds [lo, hi] a fact must hold over (see heldDuring in sqlite.ts). */
export type Span = [lo: string, hi: string];

/** What a span costs each walk, in facts read, from the tally. */
export interface SpanEstimate {
  /** Facts the valid_from walk reads: started by `hi`, plus relations with an open start. */
  fromSide: number;
  /** Facts the valid_to walk reads: not ended before `lo`, plus relations with an open end. */
  toSide: number;
  /** Facts that hold for certain (their years are strictly inside): a lower bound of the matches. */
  surelyHeld: number;
}

export function estimateSpan(tally: DateTallyRow[], [lo, hi]: Span): SpanEstimate {
  const ylo = lo.slice(0, 4);
  const yhi = hi.slice(0, 4);
  const out = { fromSide: 0, toSide: 0, surelyHeld: 0 };
  for (const r of tally) {
    const fromOpen = r.from_year === '';
    const toOpen = r.to_year === '';
    const relation = r.relation === 1;
    if (fromOpen ? relation : r.from_year <= yhi) out.fromSide += r.n;
    if (toOpen ? relation : r.to_year >= ylo) out.toSide += r.n;
    // An open bound holds for relations only (an undated event happened at no known time).
    const startedBefore = fromOpen ? relation : r.from_year < yhi;
    const endedAfter = toOpen ? relation : r.to_year > ylo;
    if (startedBefore && endedAfter) out.surelyHeld += r.n;
  }
  return out;
}

/**
 * The cheaper walk for the facts held over every span, when `want` rows (offset + limit) are needed.
 * The rank walk reads about total × want / held rows before it has `want` matches; a validity walk
 * reads its side of the span and sorts it (counted twice for the sort).
 */
export function chooseDatedPlan(tally: DateTallyRow[], spans: Span[], want: number): { plan: DatedPlan; span: Span } {
  const total = tally.reduce((n, r) => n + r.n, 0);
  let best: { plan: DatedPlan; span: Span; cost: number } | null = null;
  let surelyHeld = Infinity;
  for (const span of spans) {
    const e = estimateSpan(tally, span);
    // Facts held over several spans are at most those held over the narrowest.
    surelyHeld = Math.min(surelyHeld, e.surelyHeld);
    for (const [plan, read] of [['from', e.fromSide], ['to', e.toSide]] as const) {
      if (!best || 2 * read < best.cost) best = { plan, span, cost: 2 * read };
    }
  }
  const first = spans[0]!;
  if (!best) return { plan: 'rank', span: first };
  const rankCost = surelyHeld > 0 ? (total * Math.min(want, total)) / surelyHeld : Infinity;
  return rankCost <= best.cost ? { plan: 'rank', span: first } : { plan: best.plan, span: best.span };
}

/**
 * The statement of a plan over the facts matching `where` (which holds the validity conditions),
 * in rank order; its parameters are the walk's bound, then `where`'s for each branch.
 */
export function datedSql(plan: DatedPlan, where: string): { sql: string; bound: 'none' | 'hi' | 'lo'; branches: number } {
  const order = 'ORDER BY sources DESC, confidence DESC, id';
  if (plan === 'rank') return { sql: `SELECT * FROM facts INDEXED BY facts_rank WHERE ${where} ${order}`, bound: 'none', branches: 1 };
  // Two disjoint branches: facts with a known bound on the walked side, and relations with an open one.
  const [col, op] = plan === 'from' ? ['valid_from', '<='] : ['valid_to', '>='];
  return {
    sql: `SELECT * FROM facts INDEXED BY facts_${plan === 'from' ? 'from' : 'to'} WHERE ${col} ${op} ? AND ${where}
          UNION ALL SELECT * FROM facts INDEXED BY facts_kind_${plan} WHERE kind = 'relation' AND ${col} IS NULL AND ${where} ${order}`,
    bound: plan === 'from' ? 'hi' : 'lo',
    branches: 2,
  };
}
