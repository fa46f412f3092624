import { indexGraph, linkBetween, type AnalysisInput, type IndexedGraph } from './graph';
import { checkCount, ShortestFirst } from './shortest';
import { ENTER, SimplePathWalk, SKIP, STOP } from './walk';

/** A causal chain: factors in order, links[i] going from factors[i] to factors[i + 1]. */
export interface Path {
  readonly factors: readonly string[];
  readonly links: readonly string[];
}

export interface PathSearchOptions {
  /** Longest path listed, in links. */
  maxLength?: number;
  /** Most paths listed; past it, the shortest are kept. */
  maxCount?: number;
  /** Edge visits allowed to decide whether paths longer than maxLength exist. */
  longerPathBudget?: number;
}

export interface PathSearchResult {
  /** Shortest first. */
  readonly paths: Path[];
  /** True when paths were left out: more than maxCount, or longer than maxLength (or maybe). */
  readonly truncated: boolean;
}

export const DEFAULT_MAX_PATH_LENGTH = 10;
export const DEFAULT_MAX_PATHS = 1_000;
export const DEFAULT_LONGER_PATH_BUDGET = 200_000;

/** Links needed to reach `to` from each factor, ignoring every other constraint; -1: never. */
function distancesTo(g: IndexedGraph, to: number): Int32Array {
  const dist = new Int32Array(g.ids.length).fill(-1);
  dist[to] = 0;
  const queue = [to];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const u of g.into[v] ?? []) {
      if (dist[u] !== -1) continue;
      dist[u] = (dist[v] as number) + 1;
      queue.push(u);
    }
  }
  return dist;
}

class PathSearch {
  private readonly dist: Int32Array;
  private readonly walk: SimplePathWalk;
  private readonly seen: Int32Array;
  private stamp = 0;
  /** Whether a simple path longer than the bound exists: known, or 'maybe' once out of budget. */
  longer: boolean | 'maybe' = false;

  constructor(private readonly g: IndexedGraph, private readonly from: number, private readonly to: number, private budget: number) {
    this.dist = distancesTo(g, to);
    this.walk = new SimplePathWalk(g.out);
    this.seen = new Int32Array(g.ids.length);
  }

  /**
   * Depth-first over simple paths, entering a factor only if `to` is still within reach of
   * the bound. Where the bound alone stops it, checks once whether the chain could go on to
   * `to` without revisiting a factor: the first prefix of any longer path is met this way.
   */
  collect(keep: ShortestFirst<number[]>): void {
    const { to, dist } = this;
    const onPath = this.walk.onPath;
    this.walk.walk(this.from, {
      step: (w, path) => {
        if (onPath[w] || dist[w] === -1) return SKIP;
        if (w === to) {
          if (path.length > keep.bound) return SKIP;
          return keep.add([...path, to], path.length) < 1 ? STOP : SKIP;
        }
        if (path.length + (dist[w] as number) <= keep.bound) return ENTER;
        if (this.longer === false) this.longer = this.reachesAvoidingPath(w);
        return SKIP;
      },
      leave: () => undefined,
    });
  }

  private reachesAvoidingPath(start: number): boolean | 'maybe' {
    const { g, to, seen } = this;
    const onPath = this.walk.onPath;
    const stamp = ++this.stamp;
    seen[start] = stamp;
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      for (const w of g.out[queue[head] as number] ?? []) {
        if (--this.budget < 0) return 'maybe';
        if (w === to) return true;
        if (onPath[w] || seen[w] === stamp) continue;
        seen[w] = stamp;
        queue.push(w);
      }
    }
    return false;
  }
}

function compareIds(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Every simple causal chain from one factor to another, within the bounds. From a factor to
 * itself there is no path: those are its loops.
 */
export function pathsBetween(
  input: AnalysisInput | IndexedGraph, fromId: string, toId: string, opts: PathSearchOptions = {},
): PathSearchResult {
  const g = 'out' in input ? input : indexGraph(input);
  const maxLength = checkCount(opts.maxLength ?? DEFAULT_MAX_PATH_LENGTH, 'maxLength', 1);
  const maxCount = checkCount(opts.maxCount ?? DEFAULT_MAX_PATHS, 'maxCount', 1);
  const budget = checkCount(opts.longerPathBudget ?? DEFAULT_LONGER_PATH_BUDGET, 'longerPathBudget', 0);
  const from = g.indexOf.get(fromId);
  const to = g.indexOf.get(toId);
  if (from === undefined || to === undefined || from === to) return { paths: [], truncated: false };
  const search = new PathSearch(g, from, to, budget);
  const keep = new ShortestFirst<number[]>(maxLength, maxCount);
  search.collect(keep);
  const paths = keep.items()
    .map((p) => ({
      factors: p.map((v) => g.ids[v] as string),
      links: p.slice(1).map((w, i) => linkBetween(g, p[i] as number, w).id),
    }))
    .sort((a, b) => a.links.length - b.links.length || compareIds(a.factors, b.factors));
  return { paths, truncated: keep.truncated || search.longer !== false };
}
