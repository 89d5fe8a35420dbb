// Communities by label propagation (Raghavan, Albert & Kumara 2007): every node repeatedly takes
// the label carried by the largest total edge weight among its neighbours. Deterministic here:
// nodes are visited in sorted order and ties go to the smallest label, so the same graph always
// gives the same groups.
/** Facts a community query reads at most unless told otherwise (bounded work on big stores). */
export const DEFAULT_COMMUNITY_FACTS = 20_000;

export interface WeightedEdge {
  a: string;
  b: string;
  weight: number;
}

export function labelPropagation(edges: WeightedEdge[], opts: { maxRounds?: number } = {}): Map<string, string> {
  const adj = new Map<string, Map<string, number>>();
  const add = (x: string, y: string, w: number) => {
    let m = adj.get(x);
    if (!m) adj.set(x, (m = new Map()));
    m.set(y, (m.get(y) ?? 0) + w);
  };
  for (const e of edges) {
    if (e.a === e.b) continue;
    add(e.a, e.b, e.weight);
    add(e.b, e.a, e.weight);
  }
  const nodes = [...adj.keys()].sort();
  const label = new Map(nodes.map((n) => [n, n]));
  const maxRounds = opts.maxRounds ?? 50;
  for (let round = 0; round < maxRounds; round++) {
    let changed = 0;
    for (const n of nodes) {
      const score = new Map<string, number>();
      for (const [m, w] of adj.get(n)!) {
        const l = label.get(m)!;
        score.set(l, (score.get(l) ?? 0) + w);
      }
      let best = label.get(n)!;
      let bestScore = score.get(best) ?? 0;
      for (const [l, s] of score) {
        if (s > bestScore || (s === bestScore && l < best)) { best = l; bestScore = s; }
      }
      if (best !== label.get(n)) { label.set(n, best); changed++; }
    }
    if (changed === 0) break;
  }
  return label;
}

/** Groups of two or more nodes, largest first, members sorted. */
export function communitiesOf(edges: WeightedEdge[]): Array<{ id: number; members: string[] }> {
  const label = labelPropagation(edges);
  const groups = new Map<string, string[]>();
  for (const [n, l] of label) {
    const g = groups.get(l);
    if (g) g.push(n); else groups.set(l, [n]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort())
    .sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1))
    .map((members, id) => ({ id, members }));
}
