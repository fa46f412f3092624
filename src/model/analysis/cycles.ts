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
 * networkx implements it in simple_cycles(length_bound): each vertex holds a lock (it may be
 * entered only from a shorter path prefix), raised when a cycle is found through it. Two
 * additions: locks start from distances back to the start, and the bound may shrink.
 */

import { ENTER, SimplePathWalk, SKIP, STOP, type Adjacency, type PathVisitor } from './walk';

export type { Adjacency } from './walk';

/**
 * Johnson's outer loop: cycles whose least vertex is s lie in the strongly connected part of
 * the vertices >= s that contains s, i.e. the vertices >= s that s reaches and that reach s.
 * With a length bound, only the vertices whose distance from s plus distance back to s is
 * within it. Arrays are reused: mark[v] === s + 1 means v is in the part, back[v] is then the
 * number of links from v back to s, and members lists the part, s first.
 */
export class StartComponents {
  private readonly fwd: Int32Array;
  private readonly ahead: Int32Array;
  private readonly queue: Int32Array;
  readonly mark: Int32Array;
  readonly back: Int32Array;
  readonly members: Int32Array;

  constructor(private readonly out: Adjacency, private readonly into: Adjacency) {
    const n = out.length;
    this.fwd = new Int32Array(n);
    this.ahead = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.back = new Int32Array(n);
    this.members = new Int32Array(n);
  }

  /** Marks the part for s and returns its size (1 when s is on no cycle within the bound). */
  of(s: number, maxLength = Infinity): number {
    const stamp = s + 1;
    const { fwd, ahead, queue, mark, back, members } = this;
    let tail = 0;
    queue[tail++] = s;
    fwd[s] = stamp;
    ahead[s] = 0;
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      // A vertex maxLength links ahead cannot get back to s in time.
      if ((ahead[v] as number) + 1 >= maxLength) continue;
      const targets = this.out[v] as readonly number[];
      for (let j = 0; j < targets.length; j++) {
        const w = targets[j] as number;
        if (w > s && fwd[w] !== stamp) {
          fwd[w] = stamp;
          ahead[w] = (ahead[v] as number) + 1;
          queue[tail++] = w;
        }
      }
    }
    // Breadth-first backwards from s over what s reaches: distances come with membership.
    let size = 0;
    members[size++] = s;
    mark[s] = stamp;
    back[s] = 0;
    for (let head = 0; head < size; head++) {
      const v = members[head] as number;
      const sources = this.into[v] as readonly number[];
      for (let j = 0; j < sources.length; j++) {
        const u = sources[j] as number;
        if (u <= s || fwd[u] !== stamp || mark[u] === stamp) continue;
        const d = (back[v] as number) + 1;
        if ((ahead[u] as number) + d > maxLength) continue;
        mark[u] = stamp;
        back[u] = d;
        members[size++] = u;
      }
    }
    return size;
  }
}

/**
 * Called with a cycle's vertices, least first (an array reused: copy it). Returns the length
 * bound from then on, which may only shrink; below 2 stops the search.
 */
export type OnCycle = (cycle: readonly number[]) => number;

/**
 * Calls onCycle for every elementary cycle within the length bound, each once, starting from
 * its least vertex. Returns false when onCycle stopped it.
 *
 * The bound may shrink as the search goes (to keep only the shortest cycles): every lock set
 * under a larger bound is only more permissive than the smaller bound needs, so no cycle
 * within the final bound is missed; the explicit checks keep longer ones out.
 */
export function boundedCycles(out: Adjacency, into: Adjacency, maxLength: number, onCycle: OnCycle): boolean {
  const n = out.length;
  let L = maxLength;
  if (L < 2) return true;
  const comps = new StartComponents(out, into);
  const walk = new SimplePathWalk(out);
  const onPath = walk.onPath;
  const lock = new Int32Array(n);
  // blocked[w]: vertices that failed while w was locked, relaxed when w is. Entries are never
  // removed during one start, so a vertex registers with its targets once (registered[v]).
  const blocked: number[][] = Array.from({ length: n }, () => []);
  const blockedStamp = new Int32Array(n);
  const registered = new Int32Array(n);
  // blen[k]: how far a cycle closes ahead of path[k] (L while none has), a stack beside the path.
  const blen: number[] = [];
  const relax: number[] = [];
  let s = 0;
  let stamp = 0;
  const inComp = comps.mark;
  const back = comps.back;

  const search: PathVisitor = {
    step(w, path) {
      if (inComp[w] !== stamp) return SKIP;
      if (w === s) {
        blen[path.length - 1] = 1;
        if (path.length > L) return SKIP;
        L = Math.min(L, onCycle(path));
        return L < 2 ? STOP : SKIP;
      }
      if (path.length < (lock[w] as number) && path.length + (back[w] as number) <= L) {
        lock[w] = path.length;
        blen.push(L);
        return ENTER;
      }
      return SKIP;
    },
    leave(v) {
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
            if (blockedStamp[u] !== stamp) continue;
            const waiting = blocked[u] as number[];
            for (let j = 0; j < waiting.length; j++) {
              const w = waiting[j] as number;
              if (!onPath[w]) relax.push(d + 1, w);
            }
          }
        }
      } else if (registered[v] !== stamp) {
        registered[v] = stamp;
        for (const w of out[v] ?? []) {
          if (inComp[w] !== stamp) continue;
          const waiting = blocked[w] as number[];
          if (blockedStamp[w] !== stamp) {
            blockedStamp[w] = stamp;
            waiting.length = 0;
          }
          waiting.push(v);
        }
      }
    },
  };

  for (s = 0; s < n; s++) {
    const size = comps.of(s, L);
    if (size < 2) continue;
    stamp = s + 1;
    // A vertex d links away from s can close a cycle only from a prefix of at most L - d
    // vertices: its lock starts there, which spares walking away from s and back.
    for (let k = 0; k < size; k++) {
      const v = comps.members[k] as number;
      lock[v] = L - (back[v] as number) + 1;
    }
    lock[s] = 0;
    blen.push(L);
    if (!walk.walk(s, search)) {
      blen.length = 0;
      return false;
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
  const walk = new SimplePathWalk(out);
  const onPath = walk.onPath;
  const inComp = comps.mark;
  let steps = 0;
  let s = 0;
  let stamp = 0;
  let answer: boolean | 'maybe' = false;
  const search: PathVisitor = {
    step(w, path) {
      if (++steps > budget) {
        answer = 'maybe';
        return STOP;
      }
      if (inComp[w] !== stamp) return SKIP;
      if (w === s) {
        if (path.length <= maxLength) return SKIP;
        answer = true;
        return STOP;
      }
      return onPath[w] ? SKIP : ENTER;
    },
    leave: () => undefined,
  };
  for (s = 0; s < n; s++) {
    const size = comps.of(s);
    if (size <= maxLength) continue;
    stamp = s + 1;
    if (!walk.walk(s, search)) return answer;
  }
  return false;
}
