// Clustering scores for entity resolution: B-cubed (Bagga & Baldwin 1998) and pairwise
// precision/recall. Items carry a gold cluster and a system cluster label. A ratio whose
// denominator is zero is 0, as the project's scorers report it.
export interface ClusteredItem {
  gold: string;
  system: string;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function countBy(items: ClusteredItem[], key: (i: ClusteredItem) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

/** B-cubed: per item, the share of its system cluster in its gold cluster (P) and vice versa (R). */
export function bcubed(items: ClusteredItem[]): PRF {
  if (items.length === 0) return { p: 0, r: 0, f1: 0 };
  const gold = countBy(items, (i) => i.gold);
  const sys = countBy(items, (i) => i.system);
  const both = countBy(items, (i) => `${i.gold}\u0000${i.system}`);
  let p = 0;
  let r = 0;
  for (const i of items) {
    const overlap = both.get(`${i.gold}\u0000${i.system}`)!;
    p += overlap / sys.get(i.system)!;
    r += overlap / gold.get(i.gold)!;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f1: f1(p, r) };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise: of the item pairs the system puts together, how many gold puts together, and back. */
export function pairwise(items: ClusteredItem[]): PRF & { systemPairs: number; goldPairs: number } {
  let tp = 0, sysPairs = 0, goldPairs = 0;
  for (const n of countBy(items, (i) => `${i.gold}\u0000${i.system}`).values()) tp += pairs(n);
  for (const n of countBy(items, (i) => i.system).values()) sysPairs += pairs(n);
  for (const n of countBy(items, (i) => i.gold).values()) goldPairs += pairs(n);
  const p = sysPairs ? tp / sysPairs : 0;
  const r = goldPairs ? tp / goldPairs : 0;
  return { p, r, f1: f1(p, r), systemPairs: sysPairs, goldPairs };
}
