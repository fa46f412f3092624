import { describe, expect, it } from 'vitest';
import {
  ENTER, SimplePathWalk, SKIP, STOP, type Adjacency, type PathVisitor, type Step,
} from '../../../src/model/analysis/walk';

/** Records what the walk shows its visitor; enters every vertex not on the path. */
function recorder(walk: SimplePathWalk, decide?: (w: number, path: readonly number[]) => Step) {
  const events: string[] = [];
  const visitor: PathVisitor = {
    step(w, path) {
      events.push(`step ${path.join('')}>${w}`);
      if (decide) return decide(w, path);
      return walk.onPath[w] ? SKIP : ENTER;
    },
    leave(v, path) {
      events.push(`leave ${v} [${path.join('')}]`);
    },
  };
  return { events, visitor };
}

describe('the analysis walk over simple paths', () => {
  // 0 → 1 → 2 → 0, and 0 → 2 directly.
  const triangle: Adjacency = [[1, 2], [2], [0]];

  it('tries each link of the path end in order, enters what it is told, and leaves in post-order', () => {
    const walk = new SimplePathWalk(triangle);
    const { events, visitor } = recorder(walk);
    expect(walk.walk(0, visitor)).toBe(true);
    expect(events).toEqual([
      'step 0>1', 'step 01>2', 'step 012>0', 'leave 2 [01]', 'leave 1 [0]',
      // 2 again, by the other path: a simple-path walk, not a visited set.
      'step 0>2', 'step 02>0', 'leave 2 [0]',
      'leave 0 []',
    ]);
    expect([...walk.onPath]).toEqual([0, 0, 0]);
  });

  it('marks exactly the vertices of the path as on it while the visitor looks', () => {
    const walk = new SimplePathWalk(triangle);
    const seen: string[] = [];
    walk.walk(0, {
      step(w, path) {
        const on = [0, 1, 2].filter((v) => walk.onPath[v] === 1);
        seen.push(`${path.join('')}:${on.join('')}`);
        return walk.onPath[w] ? SKIP : ENTER;
      },
      leave: () => undefined,
    });
    expect(seen).toEqual(['0:0', '01:01', '012:012', '0:0', '02:02']);
  });

  it('stops at once on STOP: false, nothing more stepped or left, the path cleared for the next walk', () => {
    const walk = new SimplePathWalk(triangle);
    const { events, visitor } = recorder(walk, (w, path) => (w === 0 && path.length === 3 ? STOP : walk.onPath[w] ? SKIP : ENTER));
    expect(walk.walk(0, visitor)).toBe(false);
    expect(events).toEqual(['step 0>1', 'step 01>2', 'step 012>0']);
    expect([...walk.onPath]).toEqual([0, 0, 0]);
    // Reused from another start, it begins from an empty path.
    const again = recorder(walk, () => SKIP);
    expect(walk.walk(1, again.visitor)).toBe(true);
    expect(again.events).toEqual(['step 1>2', 'leave 1 []']);
  });

  it('counts every simple path of a complete graph (4 vertices: 1 + 3 + 6 + 6 from one start)', () => {
    const n = 4;
    const complete: Adjacency = Array.from({ length: n }, (_, v) => Array.from({ length: n }, (_, w) => w).filter((w) => w !== v));
    const walk = new SimplePathWalk(complete);
    let paths = 0;
    walk.walk(0, {
      step: (w) => (walk.onPath[w] ? SKIP : ENTER),
      leave: () => {
        paths++;
      },
    });
    // Each vertex leaving the path ends one simple path from 0 (0 itself included).
    expect(paths).toBe(16);
  });

  it('leaves a vertex with no links at once', () => {
    const walk = new SimplePathWalk([[1], []]);
    const { events, visitor } = recorder(walk);
    expect(walk.walk(0, visitor)).toBe(true);
    expect(events).toEqual(['step 0>1', 'leave 1 [0]', 'leave 0 []']);
  });
});
