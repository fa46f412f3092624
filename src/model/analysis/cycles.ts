/**
 * Elementary cycles of a directed graph given as integer adjacency, with a bound on length.
 *
 * Why not the elementary-circuits-directed-graph package: it cannot bound length or count (a
 * dense map would run for hours), it mutates the adjacency it is given, and it misses
 * circuits (antoinerg/elementary-circuits-directed-graph#26, still open: on
 * [[3,4,1,5],[2,5],[3,1],[2,0],[0,1],[1]] it finds 5 of the 8). Plain Johnson's blocking is
 * not correct under a length bound either: a vertex that found no cycle within the remaining
 * budget may close one when reached by a shorter path. So this is the bounded variant of
 * Gupta & Suzumura ("Finding All Bounded-Length Simple Cycles in a Directed Graph", 2021), as
 * networkx implements it in simple_cycles(length_bound): each vertex holds a lock, the
 * longest path prefix it may be entered with, raised when a cycle is found through it.
 */

export type Adjacency = readonly (readonly number[])[];

/**
 * Johnson's outer loop: cycles whose least vertex is s lie in the strongly connected part of
 * the vertices >= s that contains s, i.e. the vertices >= s that s reaches and that reach s.
 * Returns one marker array per call, reused; mark[v] === s + 1 means v is in it.
 */
export class StartComponents {
  private readonly fwd: Int32Array;
  private readonly bwd: Int32Array;
  private readonly queue: Int32Array;
  readonly mark: Int32Array;

  constructor(private readonly out: Adjacency, private readonly into: Adjacency) {
    const n = out.length;
    this.fwd = new Int32Array(n);
    this.bwd = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.mark = new Int32Array(n);
  }

  /** Marks the component of s and returns its size (1 when s is on no cycle). */
  of(s: number): number {
    const stamp = s + 1;
    this.flood(s, this.out, this.fwd, stamp);
    this.flood(s, this.into, this.bwd, stamp);
    let size = 0;
    for (let v = s; v < this.out.length; v++) {
      if (this.fwd[v] === stamp && this.bwd[v] === stamp) {
        this.mark[v] = stamp;
        size++;
      }
    }
    return size;
  }

  private flood(s: number, adj: Adjacency, seen: Int32Array, stamp: number): void {
    let head = 0;
    let tail = 0;
    this.queue[tail++] = s;
    seen[s] = stamp;
    while (head < tail) {
      const v = this.queue[head++] as number;
      for (const w of adj[v] ?? []) {
        if (w > s && seen[w] !== stamp) {
          seen[w] = stamp;
          this.queue[tail++] = w;
        }
      }
    }
  }
}

/** Called with the cycle's vertices, least first (an array reused: copy it); false stops the search. */
export type OnCycle = (cycle: readonly number[]) => boolean;

/**
 * Calls onCycle for every elementary cycle of at most maxLength vertices, each once, starting
 * from its least vertex. Returns false when onCycle stopped it.
 */
export function boundedCycles(out: Adjacency, into: Adjacency, maxLength: number, onCycle: OnCycle): boolean {
  const n = out.length;
  const L = maxLength;
  if (L < 2) return true;
  const comps = new StartComponents(out, into);
  const lock = new Int32Array(n);
  const onPath = new Uint8Array(n);
  const blocked: (Set<number> | undefined)[] = new Array(n);
  const path: number[] = [];
  const next: number[] = [];
  const blen: number[] = [];
  const relax: number[] = [];

  for (let s = 0; s < n; s++) {
    if (comps.of(s) < 2) continue;
    const stamp = s + 1;
    const inComp = comps.mark;
    for (let v = s; v < n; v++) {
      if (inComp[v] !== stamp) continue;
      lock[v] = L;
      blocked[v]?.clear();
    }
    lock[s] = 0;
    path.push(s);
    next.push(0);
    blen.push(L);
    onPath[s] = 1;

    while (path.length > 0) {
      const depth = path.length - 1;
      const v = path[depth] as number;
      const targets = out[v] ?? [];
      let i = next[depth] as number;
      let pushed = false;
      while (i < targets.length) {
        const w = targets[i++] as number;
        if (inComp[w] !== stamp) continue;
        if (w === s) {
          blen[depth] = 1;
          if (!onCycle(path)) {
            for (const u of path) onPath[u] = 0;
            path.length = next.length = blen.length = 0;
            return false;
          }
        } else if (path.length < (lock[w] as number)) {
          next[depth] = i;
          lock[w] = path.length;
          onPath[w] = 1;
          path.push(w);
          next.push(0);
          blen.push(L);
          pushed = true;
          break;
        }
      }
      if (pushed) continue;

      path.pop();
      next.pop();
      onPath[v] = 0;
      const bl = blen.pop() as number;
      if (blen.length > 0) blen[blen.length - 1] = Math.min(blen[blen.length - 1] as number, bl);
      if (bl < L) {
        // A cycle closes bl steps from v: v, and what waits on it, may be entered again with
        // any prefix short enough to close within the bound.
        relax.push(bl, v);
        while (relax.length > 0) {
          const u = relax.pop() as number;
          const d = relax.pop() as number;
          if ((lock[u] as number) < L - d + 1) {
            lock[u] = L - d + 1;
            for (const w of blocked[u] ?? []) if (!onPath[w]) relax.push(d + 1, w);
          }
        }
      } else {
        for (const w of targets) {
          if (inComp[w] !== stamp) continue;
          let b = blocked[w];
          if (!b) blocked[w] = b = new Set();
          b.add(v);
        }
      }
    }
  }
  return true;
}

/**
 * Whether some elementary cycle has more than maxLength vertices. That question is as hard
 * as finding a Hamiltonian cycle, so the depth-first search gets a budget of edge visits; when
 * it runs out the answer is 'maybe'. Depth-first goes long quickly, so on maps with long
 * loops the answer comes early; it is exhaustive only on small strongly connected parts.
 */
export function hasCycleLongerThan(
  out: Adjacency, into: Adjacency, maxLength: number, budget: number,
): boolean | 'maybe' {
  const n = out.length;
  const comps = new StartComponents(out, into);
  const onPath = new Uint8Array(n);
  let steps = 0;
  for (let s = 0; s < n; s++) {
    const size = comps.of(s);
    if (size <= maxLength) continue;
    const stamp = s + 1;
    const inComp = comps.mark;
    const path: number[] = [s];
    const next: number[] = [0];
    onPath[s] = 1;
    let found = false;
    while (path.length > 0 && !found) {
      const depth = path.length - 1;
      const v = path[depth] as number;
      const targets = out[v] ?? [];
      let i = next[depth] as number;
      let pushed = false;
      while (i < targets.length) {
        const w = targets[i++] as number;
        if (++steps > budget) {
          for (const u of path) onPath[u] = 0;
          return 'maybe';
        }
        if (inComp[w] !== stamp) continue;
        if (w === s) {
          if (path.length > maxLength) {
            found = true;
            break;
          }
        } else if (!onPath[w]) {
          next[depth] = i;
          onPath[w] = 1;
          path.push(w);
          next.push(0);
          pushed = true;
          break;
        }
      }
      if (found || pushed) continue;
      path.pop();
      next.pop();
      onPath[v] = 0;
    }
    for (const u of path) onPath[u] = 0;
    if (found) return true;
  }
  return false;
}
