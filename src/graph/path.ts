// Shortest chain of edges between two nodes, by breadth-first search from both ends. The graph is
// given as a neighbour function, so it works over any store without loading the whole graph.
export interface Step<E> {
  node: string;
  edge: E;
}

export interface PathOptions {
  maxDepth?: number;
  /** Stop (and answer null) after visiting this many nodes: hubs can make a search explode. */
  maxVisited?: number;
}

export function shortestPath<E>(from: string, to: string, neighbours: (node: string) => Step<E>[], opts: PathOptions = {}): E[] | null {
  if (from === to) return [];
  const maxDepth = opts.maxDepth ?? 4;
  const maxVisited = opts.maxVisited ?? 50_000;
  // parent maps: node → [previous node, edge] on the side that reached it.
  const fromSide = new Map<string, [string, E] | null>([[from, null]]);
  const toSide = new Map<string, [string, E] | null>([[to, null]]);
  let frontA = [from];
  let frontB = [to];
  let depth = 0;
  while (frontA.length && frontB.length && depth < maxDepth) {
    // Expand the smaller frontier: fewer neighbour lookups.
    const expandA = frontA.length <= frontB.length;
    const [front, seen, other] = expandA ? [frontA, fromSide, toSide] : [frontB, toSide, fromSide];
    const next: string[] = [];
    for (const node of front) {
      for (const { node: n, edge } of neighbours(node)) {
        if (seen.has(n)) continue;
        seen.set(n, [node, edge]);
        if (other.has(n)) return join(n, fromSide, toSide);
        next.push(n);
        if (fromSide.size + toSide.size > maxVisited) return null;
      }
    }
    if (expandA) frontA = next; else frontB = next;
    depth++;
  }
  return null;
}

function join<E>(meet: string, fromSide: Map<string, [string, E] | null>, toSide: Map<string, [string, E] | null>): E[] {
  const left: E[] = [];
  for (let cur = fromSide.get(meet); cur; cur = fromSide.get(cur[0])) left.unshift(cur[1]);
  const right: E[] = [];
  for (let cur = toSide.get(meet); cur; cur = toSide.get(cur[0])) right.push(cur[1]);
  return [...left, ...right];
}
