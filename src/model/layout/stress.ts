import { bfs, type LayoutGraph } from './graph';
import type { Rng } from './rng';

/**
 * Stress majorization (Gansner, Koren & North, 2004): place the factors of one connected
 * component so that the distance between any two is as close as possible to the number of
 * links between them. It is what Graphviz's neato does, and it suits causal maps: a loop comes
 * out as a ring, a hub sits among its neighbours, and it has no favourite direction that would
 * turn feedback into long back-links. The start is PivotMDS (Brandes & Pich, 2006), so the
 * result depends on nothing but the map. Components up to FULL_STRESS_MAX factors weigh every
 * pair; larger ones weigh the 2-hop neighbourhood and a set of pivots (sparse stress, Ortmann
 * et al., 2016), which keeps 5,000 factors to a few seconds.
 */
export const FULL_STRESS_MAX = 1400;
const PIVOTS_MDS = 40;
const PIVOTS_SPARSE = 80;
const MAX_ITERATIONS = 200;
/** Past this many factors a full iteration costs n² pair terms: fewer of them, from a good start. */
const BIG = 300;
const MAX_ITERATIONS_BIG = 50;
const TOLERANCE = 1e-4;

export interface StressInput {
  readonly graph: LayoutGraph;
  /** The component's vertices (global numbers). */
  readonly members: readonly number[];
  /** Ideal length of one link, in layout units. */
  readonly edgeLength: number;
  /** Vertices whose position is given and must not move, with that position (layout units). */
  readonly fixed?: ReadonlyMap<number, { x: number; y: number }>;
  /** A start for some vertices (layout units), e.g. where they are now. */
  readonly start?: ReadonlyMap<number, { x: number; y: number }>;
  readonly rng: Rng;
}

/** Positions in layout units, in the order of `members`. */
export function stressLayout(input: StressInput): { x: Float64Array; y: Float64Array } {
  const { members } = input;
  const n = members.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (n === 1) return { x, y };
  const local = new Map<number, number>(members.map((v, i) => [v, i]));
  const dist = new BfsCache(input.graph, members);

  pivotMds(dist, n, input.rng, x, y);
  normalise(dist, n, x, y, input.edgeLength);
  const fixed = new Uint8Array(n);
  const seedFrom = (m: ReadonlyMap<number, { x: number; y: number }> | undefined, pin: boolean) => {
    for (const [v, p] of m ?? []) {
      const i = local.get(v);
      if (i === undefined) continue;
      x[i] = p.x;
      y[i] = p.y;
      if (pin) fixed[i] = 1;
    }
  };
  if (input.fixed && input.fixed.size > 0) alignTo(input.fixed, local, x, y);
  seedFrom(input.start, false);
  seedFrom(input.fixed, true);

  if (n <= FULL_STRESS_MAX) fullStress(dist.all(), n, x, y, fixed, input.edgeLength);
  else sparseStress(dist, input.graph, members, local, x, y, fixed, input.edgeLength);
  return { x, y };
}

/** Hop counts within one component, computed on demand and kept. */
class BfsCache {
  private readonly global: Int32Array;
  private readonly queue: Int32Array;
  private readonly rows = new Map<number, Uint16Array>();

  constructor(
    private readonly graph: LayoutGraph,
    private readonly members: readonly number[],
  ) {
    this.global = new Int32Array(graph.n);
    this.queue = new Int32Array(graph.n);
  }

  row(i: number): Uint16Array {
    let r = this.rows.get(i);
    if (r) return r;
    bfs(this.graph, this.members[i]!, this.global, this.queue);
    r = new Uint16Array(this.members.length);
    for (let j = 0; j < this.members.length; j++) r[j] = Math.min(65535, Math.max(0, this.global[this.members[j]!]!));
    this.rows.set(i, r);
    return r;
  }

  /** The whole matrix, row by row (only for components small enough to afford it). */
  all(): Uint16Array {
    const n = this.members.length;
    const m = new Uint16Array(n * n);
    for (let i = 0; i < n; i++) m.set(this.row(i), i * n);
    this.rows.clear();
    return m;
  }
}

/** Pivots spread over the component: each the vertex farthest from those already chosen. */
function maxMinPivots(dist: BfsCache, n: number, k: number, first: number): number[] {
  const pivots = [first];
  const nearest = new Float64Array(n).fill(Infinity);
  while (pivots.length < Math.min(k, n)) {
    const row = dist.row(pivots[pivots.length - 1]!);
    let best = -1;
    let bestD = -1;
    for (let j = 0; j < n; j++) {
      nearest[j] = Math.min(nearest[j]!, row[j]!);
      if (nearest[j]! > bestD) {
        bestD = nearest[j]!;
        best = j;
      }
    }
    if (bestD <= 0) break;
    pivots.push(best);
  }
  return pivots;
}

function pivotMds(dist: BfsCache, n: number, rng: Rng, x: Float64Array, y: Float64Array): void {
  const pivots = maxMinPivots(dist, n, PIVOTS_MDS, 0);
  const k = pivots.length;
  // C: n × k double-centred squared distances.
  const c = new Float64Array(n * k);
  const colMean = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    const row = dist.row(pivots[p]!);
    for (let i = 0; i < n; i++) {
      const d2 = row[i]! * row[i]!;
      c[i * k + p] = d2;
      colMean[p] = colMean[p]! + d2 / n;
    }
  }
  let grand = 0;
  for (let p = 0; p < k; p++) grand += colMean[p]! / k;
  for (let i = 0; i < n; i++) {
    let rowMean = 0;
    for (let p = 0; p < k; p++) rowMean += c[i * k + p]! / k;
    for (let p = 0; p < k; p++) c[i * k + p] = -0.5 * (c[i * k + p]! - rowMean - colMean[p]! + grand);
  }
  // Top two eigenvectors of CᵀC by power iteration, the second kept orthogonal to the first.
  const ctc = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const cp = c[i * k + p]!;
      for (let q = 0; q < k; q++) ctc[p * k + q] = ctc[p * k + q]! + cp * c[i * k + q]!;
    }
  }
  const vectors: Float64Array[] = [];
  for (let axis = 0; axis < 2; axis++) {
    let v = Float64Array.from({ length: k }, () => rng() - 0.5);
    let next = new Float64Array(k);
    for (let it = 0; it < 100; it++) {
      next.fill(0);
      for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) next[p] = next[p]! + ctc[p * k + q]! * v[q]!;
      for (const u of vectors) {
        let dot = 0;
        for (let p = 0; p < k; p++) dot += next[p]! * u[p]!;
        for (let p = 0; p < k; p++) next[p] = next[p]! - (dot * u[p]!);
      }
      let sq = 0;
      for (let p = 0; p < k; p++) sq += next[p]! * next[p]!;
      const norm = Math.sqrt(sq) || 1;
      for (let p = 0; p < k; p++) next[p] = next[p]! / norm;
      [v, next] = [next, v];
    }
    vectors.push(v);
  }
  for (let i = 0; i < n; i++) {
    let px = 0;
    let py = 0;
    for (let p = 0; p < k; p++) {
      px += c[i * k + p]! * vectors[0]![p]!;
      py += c[i * k + p]! * vectors[1]![p]!;
    }
    // Vertices MDS cannot tell apart (a star's leaves) get a nudge, or stress cannot separate them.
    x[i] = px + (rng() - 0.5) * 1e-3;
    y[i] = py + (rng() - 0.5) * 1e-3;
  }
}

/** Scales the start so that links are, on average, edgeLength long. */
function normalise(dist: BfsCache, n: number, x: Float64Array, y: Float64Array, edgeLength: number): void {
  let sum = 0;
  let count = 0;
  const row = dist.row(0);
  for (let j = 1; j < n; j++) {
    sum += Math.hypot(x[j]! - x[0]!, y[j]! - y[0]!) / Math.max(1, row[j]!);
    count++;
  }
  const s = count && sum > 0 ? (edgeLength * count) / sum : 1;
  for (let i = 0; i < n; i++) {
    x[i] = x[i]! * s;
    y[i] = y[i]! * s;
  }
}

/**
 * Moves, rotates (or mirrors) the start so its fixed vertices land as near as they can to
 * where they are fixed (Procrustes), so the free ones start on the right side of them.
 */
function alignTo(fixed: ReadonlyMap<number, { x: number; y: number }>, local: ReadonlyMap<number, number>, x: Float64Array, y: Float64Array): void {
  const pts = [...fixed].flatMap(([v, p]) => (local.has(v) ? [{ i: local.get(v)!, p }] : []));
  if (pts.length === 0) return;
  const mx = pts.reduce((s, q) => s + x[q.i]!, 0) / pts.length;
  const my = pts.reduce((s, q) => s + y[q.i]!, 0) / pts.length;
  const tx = pts.reduce((s, q) => s + q.p.x, 0) / pts.length;
  const ty = pts.reduce((s, q) => s + q.p.y, 0) / pts.length;
  let best = { cos: 1, sin: 0, flip: 1, err: Infinity };
  for (const flip of [1, -1]) {
    let a = 0;
    let b = 0;
    for (const q of pts) {
      const ux = x[q.i]! - mx;
      const uy = (y[q.i]! - my) * flip;
      const vx = q.p.x - tx;
      const vy = q.p.y - ty;
      a += ux * vx + uy * vy;
      b += ux * vy - uy * vx;
    }
    const norm = Math.hypot(a, b) || 1;
    const cos = pts.length > 1 ? a / norm : 1;
    const sin = pts.length > 1 ? b / norm : 0;
    let err = 0;
    for (const q of pts) {
      const ux = x[q.i]! - mx;
      const uy = (y[q.i]! - my) * flip;
      err += (ux * cos - uy * sin - (q.p.x - tx)) ** 2 + (ux * sin + uy * cos - (q.p.y - ty)) ** 2;
    }
    if (err < best.err) best = { cos, sin, flip, err };
  }
  for (let i = 0; i < x.length; i++) {
    const ux = x[i]! - mx;
    const uy = (y[i]! - my) * best.flip;
    x[i] = tx + ux * best.cos - uy * best.sin;
    y[i] = ty + ux * best.sin + uy * best.cos;
  }
}

/**
 * Localised majorization: each free vertex moves to where its pair terms pull it, in turn.
 * Weights are 1 / hops² (the 1 / edgeLength² they share cancels out), looked up per hop count,
 * and each row's sum of weights is the same every iteration: the inner loop is one square
 * root and a few multiplications per pair, which is what keeps 1,000 factors quick.
 */
function fullStress(d: Uint16Array, n: number, x: Float64Array, y: Float64Array, fixed: Uint8Array, edgeLength: number): void {
  let maxHops = 1;
  for (let k = 0; k < d.length; k++) if (d[k]! > maxHops) maxHops = d[k]!;
  const w = new Float64Array(maxHops + 1);
  const pull = new Float64Array(maxHops + 1);
  const invLen = new Float64Array(maxHops + 1);
  for (let h = 1; h <= maxHops; h++) {
    w[h] = 1 / (h * h);
    pull[h] = edgeLength / h;
    invLen[h] = 1 / (h * edgeLength);
  }
  const rowWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sw = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) if (j !== i) sw += w[d[row + j]!]!;
    rowWeight[i] = sw;
  }
  let prev = Infinity;
  const iterations = n > BIG ? MAX_ITERATIONS_BIG : MAX_ITERATIONS;
  for (let it = 0; it < iterations; it++) {
    let stress = 0;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      let sx = 0;
      let sy = 0;
      const xi = x[i]!;
      const yi = y[i]!;
      const row = i * n;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const h = d[row + j]!;
        const xj = x[j]!;
        const yj = y[j]!;
        const dx = xi - xj;
        const dy = yi - yj;
        const len = Math.sqrt(dx * dx + dy * dy);
        const wij = w[h]!;
        const k = len > 1e-9 ? pull[h]! / len : 0;
        sx += wij * xj + k * dx;
        sy += wij * yj + k * dy;
        const r = len * invLen[h]! - 1;
        stress += r * r;
      }
      x[i] = sx / rowWeight[i]!;
      y[i] = sy / rowWeight[i]!;
    }
    if (Math.abs(prev - stress) / (stress || 1) < TOLERANCE) break;
    prev = stress;
  }
}

/** For big components: exact terms within two hops, and pivots standing in for the rest. */
function sparseStress(
  dist: BfsCache, g: LayoutGraph, members: readonly number[], local: ReadonlyMap<number, number>,
  x: Float64Array, y: Float64Array, fixed: Uint8Array, edgeLength: number,
): void {
  const n = members.length;
  const pivots = maxMinPivots(dist, n, PIVOTS_SPARSE, 0);
  const pivotRows = pivots.map((p) => dist.row(p));
  // regionCounts[p][d]: vertices of pivot p's region within d hops of it.
  const regionHist = pivots.map(() => [] as number[]);
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let pi = 1; pi < pivots.length; pi++) if (pivotRows[pi]![j]! < pivotRows[best]![j]!) best = pi;
    const d = pivotRows[best]![j]!;
    const h = regionHist[best]!;
    while (h.length <= d) h.push(0);
    h[d] = h[d]! + 1;
  }
  const regionCounts = regionHist.map((h) => {
    const c = Float64Array.from(h);
    for (let d = 1; d < c.length; d++) c[d] = c[d]! + c[d - 1]!;
    return c.length > 0 ? c : Float64Array.of(1);
  });
  // Each vertex's partners (local index) and target distances.
  const partners: Int32Array[] = [];
  const targets: Float32Array[] = [];
  const weights: Float32Array[] = [];
  const mark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const ps: number[] = [];
    const ds: number[] = [];
    const ws: number[] = [];
    mark[i] = i;
    const v = members[i]!;
    for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
      const a = local.get(g.adj[k]!)!;
      if (mark[a] !== i) {
        mark[a] = i;
        ps.push(a);
        ds.push(1);
        ws.push(1);
      }
    }
    const first = ps.length;
    for (let f = 0; f < first; f++) {
      const u = members[ps[f]!]!;
      for (let k = g.start[u]!; k < g.start[u + 1]!; k++) {
        const b = local.get(g.adj[k]!)!;
        if (mark[b] !== i) {
          mark[b] = i;
          ps.push(b);
          ds.push(2);
          ws.push(1 / 4);
        }
      }
    }
    // A pivot stands for the vertices of its region (those nearer to it than to any other
    // pivot) that are at most half as far from it as i is (Ortmann, Klimenta & Brandes).
    pivots.forEach((p, pi) => {
      if (mark[p] === i) return;
      const h = Math.max(1, pivotRows[pi]![i]!);
      const counts = regionCounts[pi]!;
      const share = counts[Math.min(counts.length - 1, Math.floor(h / 2))]!;
      ps.push(p);
      ds.push(h);
      ws.push(share / (h * h));
    });
    partners.push(Int32Array.from(ps));
    targets.push(Float32Array.from(ds));
    weights.push(Float32Array.from(ws));
  }
  let prev = Infinity;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    let stress = 0;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      const ps = partners[i]!;
      const ds = targets[i]!;
      const ws = weights[i]!;
      let sx = 0;
      let sy = 0;
      let sw = 0;
      for (let k = 0; k < ps.length; k++) {
        const j = ps[k]!;
        const dij = ds[k]! * edgeLength;
        const w = ws[k]! / (edgeLength * edgeLength);
        const dx = x[i]! - x[j]!;
        const dy = y[i]! - y[j]!;
        const len = Math.sqrt(dx * dx + dy * dy) || 1e-9;
        sx += w * (x[j]! + (dij * dx) / len);
        sy += w * (y[j]! + (dij * dy) / len);
        sw += w;
        stress += w * (len - dij) ** 2;
      }
      if (sw > 0) {
        x[i] = sx / sw;
        y[i] = sy / sw;
      }
    }
    if (Math.abs(prev - stress) / (stress || 1) < TOLERANCE) break;
    prev = stress;
  }
}
