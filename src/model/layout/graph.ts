/**
 * The map as the layout sees it: factors numbered 0…n-1 in input order, one undirected edge per
 * pair of linked factors (a loop A→B→A is one line on the canvas; a factor linked only to
 * itself has no edge). Ids live in a Map, never as object keys, so `__proto__` or
 * `constructor` is an id like any other.
 */
export interface LayoutGraph {
  readonly n: number;
  readonly index: ReadonlyMap<string, number>;
  /** Edge e joins edgeA[e] and edgeB[e]. */
  readonly edgeA: Int32Array;
  readonly edgeB: Int32Array;
  /** Compressed adjacency: the neighbours of v are adj[start[v]] … adj[start[v + 1] - 1]. */
  readonly start: Int32Array;
  readonly adj: Int32Array;
  /** Edge ids incident to v, in the same layout as adj. */
  readonly adjEdge: Int32Array;
}

export function buildGraph(
  ids: readonly string[],
  links: readonly { source: string; target: string }[],
): LayoutGraph {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  const n = ids.length;
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  for (const l of links) {
    const s = index.get(l.source);
    const t = index.get(l.target);
    if (s === undefined || t === undefined || s === t) continue;
    const lo = Math.min(s, t);
    const hi = Math.max(s, t);
    const key = lo * n + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    a.push(lo);
    b.push(hi);
  }
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < a.length; e++) {
    degree[a[e]!]!++;
    degree[b[e]!]!++;
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + degree[v]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(2 * a.length);
  const adjEdge = new Int32Array(2 * a.length);
  for (let e = 0; e < a.length; e++) {
    const s = a[e]!;
    const t = b[e]!;
    adj[fill[s]!] = t;
    adjEdge[fill[s]!++] = e;
    adj[fill[t]!] = s;
    adjEdge[fill[t]!++] = e;
  }
  return { n, index, edgeA: Int32Array.from(a), edgeB: Int32Array.from(b), start, adj, adjEdge };
}

export function degreeOf(g: LayoutGraph, v: number): number {
  return g.start[v + 1]! - g.start[v]!;
}

/** Connected components, each a list of vertices in increasing order; largest first. */
export function components(g: LayoutGraph): number[][] {
  const comp = new Int32Array(g.n).fill(-1);
  const out: number[][] = [];
  for (let s = 0; s < g.n; s++) {
    if (comp[s] !== -1) continue;
    const members = [s];
    comp[s] = out.length;
    for (let q = 0; q < members.length; q++) {
      const v = members[q]!;
      for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
        const u = g.adj[k]!;
        if (comp[u] === -1) {
          comp[u] = out.length;
          members.push(u);
        }
      }
    }
    out.push(members.sort((x, y) => x - y));
  }
  return out.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}

/** Hop counts from `source` to every vertex (-1 where unreachable), breadth first. */
export function bfs(g: LayoutGraph, source: number, dist: Int32Array, queue: Int32Array): void {
  dist.fill(-1);
  dist[source] = 0;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = queue[head++]!;
    const d = dist[v]! + 1;
    for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
      const u = g.adj[k]!;
      if (dist[u] === -1) {
        dist[u] = d;
        queue[tail++] = u;
      }
    }
  }
}
