/**
 * The one depth-first walk of the analysis. The bounded cycle search, the check for a cycle
 * longer than the bound and the path search all walk simple paths (no vertex twice) out of a
 * start vertex, iteratively (no recursion: a path may be as long as the map); they differ only
 * in what they do with each link out of the path's end and when a vertex leaves the path, so
 * that is all a caller writes.
 */

/** The map as integer adjacency: adjacency[v] lists the vertices v links to. */
export type Adjacency = readonly (readonly number[])[];

/** What the walk does with a link from the end of the path to w. */
export const SKIP = 0;
/** Extend the path with w (the caller checked that w is not on it). */
export const ENTER = 1;
/** End the walk at once: the path is cleared and no further leave() is called. */
export const STOP = 2;
export type Step = typeof SKIP | typeof ENTER | typeof STOP;

export interface PathVisitor {
  /**
   * Called for each link out of the path's last vertex, in adjacency order, when the walk
   * comes to it. `path` is the walk's own array (start first): read it, copy it to keep it.
   */
  step(w: number, path: readonly number[]): Step;
  /** Called when v leaves the path, every link out of it tried; `path` no longer holds v. */
  leave(v: number, path: readonly number[]): void;
}

/**
 * Holds what one walk needs, reused from start to start: the path, where each vertex of it
 * is in its links, and which vertices are on it (onPath[v] === 1), which callers read.
 */
export class SimplePathWalk {
  readonly onPath: Uint8Array;
  private readonly path: number[] = [];
  private readonly next: number[] = [];

  constructor(private readonly out: Adjacency) {
    this.onPath = new Uint8Array(out.length);
  }

  /** Walks every simple path the visitor enters from start. False when a step said STOP. */
  walk(start: number, visitor: PathVisitor): boolean {
    const { out, onPath, path, next } = this;
    path.push(start);
    next.push(0);
    onPath[start] = 1;
    while (path.length > 0) {
      const depth = path.length - 1;
      const v = path[depth] as number;
      const targets = out[v] ?? [];
      let i = next[depth] as number;
      let entered = false;
      while (i < targets.length) {
        const w = targets[i++] as number;
        const step = visitor.step(w, path);
        if (step === SKIP) continue;
        if (step === STOP) {
          for (let k = 0; k < path.length; k++) onPath[path[k] as number] = 0;
          path.length = 0;
          next.length = 0;
          return false;
        }
        next[depth] = i;
        onPath[w] = 1;
        path.push(w);
        next.push(0);
        entered = true;
        break;
      }
      if (entered) continue;
      path.pop();
      next.pop();
      onPath[v] = 0;
      visitor.leave(v, path);
    }
    return true;
  }
}
