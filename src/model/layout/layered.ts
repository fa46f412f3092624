/**
 * A quick layered layout for maps too big for dagre. Dagre routes every long link through a
 * dummy node per layer it crosses and then minimises crossings over all of them: on a
 * 300-factor map with loops that takes 5–10 s, and a 1,000-link import would freeze the tab.
 * This does the same steps coarsely in about linear time: break loops (depth-first),
 * layer by longest path, order each layer by the mean position of its neighbours for a few
 * sweeps, then stack each layer so no two boxes overlap. Causes stay left of their effects.
 */
export interface Box {
  readonly width: number;
  readonly height: number;
}

interface Edge {
  readonly source: string;
  readonly target: string;
}

const SWEEPS = 6;

/** Edges that close a loop, found by depth-first search, are turned around. */
function acyclic(ids: readonly string[], edges: readonly Edge[]): Map<string, string[]> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) out.get(e.source)!.push(e.target);
  const state = new Map<string, 1 | 2>();
  const dag = new Map<string, string[]>(ids.map((id) => [id, []]));
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const e of edges) indegree.set(e.target, indegree.get(e.target)! + 1);
  const roots = [...ids.filter((id) => indegree.get(id) === 0), ...ids];
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      const next = out.get(v)![i];
      if (next === undefined) {
        state.set(v, 2);
        stack.pop();
        continue;
      }
      top[1]++;
      const s = state.get(next);
      if (s === 1) dag.get(next)!.push(v);
      else dag.get(v)!.push(next);
      if (s === undefined) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  return dag;
}

function ranks(ids: readonly string[], dag: ReadonlyMap<string, string[]>): Map<string, number> {
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const targets of dag.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const rank = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const t of dag.get(v)!) {
      rank.set(t, Math.max(rank.get(t)!, rank.get(v)! + 1));
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) queue.push(t);
    }
  }
  // A cause with nothing before it sits just left of its nearest effect, not in the first column.
  for (const id of ids) {
    const targets = dag.get(id)!;
    if (targets.length > 0 && rank.get(id) === 0) {
      rank.set(id, Math.max(0, Math.min(...targets.map((t) => rank.get(t)!)) - 1));
    }
  }
  return rank;
}

/** Top-left corners of the boxes, left to right, starting at (0, 0). */
export function layeredLayout(
  ids: readonly string[],
  edges: readonly Edge[],
  size: (id: string) => Box,
  gaps: { node: number; layer: number },
): Map<string, { x: number; y: number }> {
  const dag = acyclic(ids, edges);
  const rank = ranks(ids, dag);
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [s, targets] of dag) {
    for (const t of targets) {
      neighbours.get(s)!.push(t);
      neighbours.get(t)!.push(s);
    }
  }
  const layers: string[][] = [];
  for (const id of ids) (layers[rank.get(id)!] ??= []).push(id);
  const filled = layers.filter((l) => l !== undefined);
  const place = new Map<string, number>();
  const measure = () => filled.forEach((l) => l.forEach((id, i) => place.set(id, (i + 0.5) / l.length)));
  measure();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const forward = sweep % 2 === 0;
    const order = forward ? filled : [...filled].reverse();
    for (const layer of order) {
      const r = rank.get(layer[0]!)!;
      const key = new Map(layer.map((id) => {
        const side = neighbours.get(id)!.filter((n) => (forward ? rank.get(n)! < r : rank.get(n)! > r));
        const mean = side.length === 0 ? place.get(id)! : side.reduce((sum, n) => sum + place.get(n)!, 0) / side.length;
        return [id, mean];
      }));
      layer.sort((a, b) => key.get(a)! - key.get(b)!);
      layer.forEach((id, i) => place.set(id, (i + 0.5) / layer.length));
    }
  }

  const out = new Map<string, { x: number; y: number }>();
  const heights = filled.map((l) => l.reduce((h, id) => h + size(id).height, 0) + gaps.node * (l.length - 1));
  const tallest = Math.max(...heights);
  let x = 0;
  filled.forEach((layer, i) => {
    let y = (tallest - heights[i]!) / 2;
    for (const id of layer) {
      out.set(id, { x, y });
      y += size(id).height + gaps.node;
    }
    x += Math.max(...layer.map((id) => size(id).width)) + gaps.layer;
  });
  return out;
}
