import { segmentHitsBox, segmentsCross } from './geometry';
import type { LayoutGraph } from './graph';
import type { Boxes } from './overlap';
import { SpatialIndex } from './spatial';

/**
 * After stress and overlap removal, a local search moves one factor at a time (or swaps two)
 * wherever that lowers the cost: one per pair of crossing links, THROUGH_COST per link that
 * runs through a box it does not end at, and a little per unit of link length, so that among
 * equal drawings the tighter one wins. A move that makes boxes overlap is never taken.
 * Candidate spots for a factor: the middle of its neighbours, steps of its own size in eight
 * directions, places either side of a link that crosses it, and the spots of nearby factors
 * (a swap). The search stops when a whole round finds nothing better, or when it has spent its
 * budget of segment tests: counted work, not time, so the result is the same on every machine.
 */
export const THROUGH_COST = 8;
const LENGTH_COST = 0.02;
const STEPS = [0.5, 1, 2];
const DIRECTIONS: readonly [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]];
const SWAP_NEIGHBOURS = 6;
const MAX_ROUNDS = 30;
/** A move must gain at least this much: shortening links by a few pixels is not worth a round. */
const MIN_GAIN = 0.05;

export interface RefineInput {
  readonly boxes: Boxes;
  /** Half-sizes of the boxes as drawn (without the gap), for "through a box". */
  readonly drawnHw: Float64Array;
  readonly drawnHh: Float64Array;
  readonly graph: LayoutGraph;
  /** A length unit for LENGTH_COST (a typical link). */
  readonly unit: number;
  /** Segment tests allowed, in all. */
  readonly budget: number;
  /**
   * A screen-shaped frame the map should fit in: a box outside it costs OUTSIDE_COST per unit
   * of distance, so outlying factors (a chain dangling off the map) are drawn in when that
   * costs no crossing, which is what lets the fitted map show larger labels.
   */
  readonly frame?: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

const OUTSIDE_COST = 0.6;
const PULL_STEPS = [0.5, 1, 2, 4];

export function refine(input: RefineInput): void {
  if (input.graph.edgeA.length === 0) return;
  new Refiner(input).run();
}

class Refiner {
  private readonly b: Boxes;
  private readonly g: LayoutGraph;
  private readonly index: SpatialIndex;
  private work = 0;
  /** Scratch: edges of the factors being moved. */
  private readonly inSet: Uint8Array;
  private readonly inMoved: Uint8Array;
  /** Scratch: the links of the factors being moved (mineCount of them). */
  private readonly mine: Int32Array;
  /** Scratch: candidate spots (x, y pairs) and the factors being moved. */
  private cand = new Float64Array(256);
  private candCount = 0;
  private readonly one = [0];
  private readonly two = [0, 0];

  constructor(private readonly input: RefineInput) {
    this.b = input.boxes;
    this.g = input.graph;
    this.inSet = new Uint8Array(input.graph.edgeA.length);
    this.mine = new Int32Array(input.graph.edgeA.length);
    this.inMoved = new Uint8Array(this.b.n);
    let cell = 0;
    for (let i = 0; i < this.b.n; i++) cell = Math.max(cell, this.b.hw[i]!, this.b.hh[i]!);
    this.index = new SpatialIndex(Math.max(2 * cell, input.unit), this.b.x, this.b.y, input.graph.edgeA, input.graph.edgeB);
  }

  run(): void {
    const { n, pinned } = this.b;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let improved = false;
      for (let v = 0; v < n; v++) {
        if (pinned[v] || this.g.start[v + 1] === this.g.start[v]) continue;
        if (this.work > this.input.budget) return;
        if (this.improve(v)) improved = true;
      }
      if (!improved) return;
    }
  }

  private overlaps(v: number, cx: number, cy: number, skip: number): boolean {
    const { x, y, hw, hh } = this.b;
    const found = this.index.boxesNear(cx - hw[v]!, cy - hh[v]!, cx + hw[v]!, cy + hh[v]!);
    const near = this.index.boxHits;
    this.work += found;
    for (let k = 0; k < found; k++) {
      const j = near[k]!;
      if (j === v || j === skip) continue;
      if (Math.abs(x[j]! - cx) < hw[v]! + hw[j]! && Math.abs(y[j]! - cy) < hh[v]! + hh[j]!) return true;
    }
    // The swap partner, at the spot it would take.
    return false;
  }

  private improve(v: number): boolean {
    const { x, y } = this.b;
    const ox = x[v]!;
    const oy = y[v]!;
    const one = this.one;
    const two = this.two;
    one[0] = v;
    const base = this.cost(one);
    let best = base - MIN_GAIN;
    let bestX = ox;
    let bestY = oy;
    let bestSwap = -1;
    this.candidates(v);
    const cand = this.cand;
    for (let k = 0; k < this.candCount; k++) {
      const cx = cand[2 * k]!;
      const cy = cand[2 * k + 1]!;
      if (this.overlaps(v, cx, cy, -1)) continue;
      x[v] = cx;
      y[v] = cy;
      const c = this.cost(one, best);
      x[v] = ox;
      y[v] = oy;
      if (c < best) {
        best = c;
        bestX = cx;
        bestY = cy;
      }
    }
    for (const u of this.nearest(v)) {
      if (this.b.pinned[u]) continue;
      const ux = x[u]!;
      const uy = y[u]!;
      if (this.overlaps(v, ux, uy, u) || this.overlaps(u, ox, oy, v)) continue;
      two[0] = v;
      two[1] = u;
      const before = this.cost(two);
      x[v] = ux;
      y[v] = uy;
      x[u] = ox;
      y[u] = oy;
      // Each box checked against the other's old place only: they trade places.
      const after = this.cost(two, best - base + before);
      x[v] = ox;
      y[v] = oy;
      x[u] = ux;
      y[u] = uy;
      if (after - before + base < best) {
        best = after - before + base;
        bestSwap = u;
      }
    }
    if (bestSwap >= 0) {
      const u = bestSwap;
      x[v] = x[u]!;
      y[v] = y[u]!;
      x[u] = ox;
      y[u] = oy;
      this.index.moved(v, this.g.adjEdge.subarray(this.g.start[v]!, this.g.start[v + 1]!));
      this.index.moved(u, this.g.adjEdge.subarray(this.g.start[u]!, this.g.start[u + 1]!));
      return true;
    }
    if (bestX !== ox || bestY !== oy) {
      x[v] = bestX;
      y[v] = bestY;
      this.index.moved(v, this.g.adjEdge.subarray(this.g.start[v]!, this.g.start[v + 1]!));
      return true;
    }
    return false;
  }

  private push(cx: number, cy: number): void {
    if (2 * this.candCount + 2 > this.cand.length) {
      const grown = new Float64Array(this.cand.length * 2);
      grown.set(this.cand);
      this.cand = grown;
    }
    this.cand[2 * this.candCount] = cx;
    this.cand[2 * this.candCount + 1] = cy;
    this.candCount++;
  }

  /** Fills `cand` with the spots worth trying for v. */
  private candidates(v: number): void {
    const { x, y, hw, hh } = this.b;
    const g = this.g;
    this.candCount = 0;
    let mx = 0;
    let my = 0;
    const deg = g.start[v + 1]! - g.start[v]!;
    for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
      mx += x[g.adj[k]!]!;
      my += y[g.adj[k]!]!;
    }
    this.push(mx / deg, my / deg);
    const f = this.input.frame;
    if (f) {
      // Towards the frame's centre, and to the nearest spot inside the frame.
      const fx = (f.x0 + f.x1) / 2;
      const fy = (f.y0 + f.y1) / 2;
      const d = Math.hypot(fx - x[v]!, fy - y[v]!);
      if (d > 0) {
        for (const s of PULL_STEPS) {
          const t = Math.min(1, (s * this.input.unit) / d);
          this.push(x[v]! + (fx - x[v]!) * t, y[v]! + (fy - y[v]!) * t);
        }
      }
      const cx = Math.min(f.x1 - hw[v]!, Math.max(f.x0 + hw[v]!, x[v]!));
      const cy = Math.min(f.y1 - hh[v]!, Math.max(f.y0 + hh[v]!, y[v]!));
      if (cx !== x[v] || cy !== y[v]) this.push(cx, cy);
    }
    for (const s of STEPS) for (const [dx, dy] of DIRECTIONS) this.push(x[v]! + dx * s * 2 * hw[v]!, y[v]! + dy * s * 2 * hh[v]!);
    // Out of the way of each link that runs through this box: just past its line, either side.
    const rw = this.input.drawnHw[v]!;
    const rh = this.input.drawnHh[v]!;
    const x0 = x[v]! - rw;
    const y0 = y[v]! - rh;
    const x1 = x[v]! + rw;
    const y1 = y[v]! + rh;
    const found = this.index.edgesNear(x0, y0, x1, y1);
    const near = this.index.edgeHits;
    for (let k = 0; k < found; k++) {
      const e = near[k]!;
      const a = g.edgeA[e]!;
      const c = g.edgeB[e]!;
      if (a === v || c === v) continue;
      this.work++;
      if (!segmentHitsBox(x[a]!, y[a]!, x[c]!, y[c]!, x0, y0, x1, y1)) continue;
      const dx = x[c]! - x[a]!;
      const dy = y[c]! - y[a]!;
      const len = Math.hypot(dx, dy) || 1;
      const nx = -dy / len;
      const ny = dx / len;
      // Signed distance of the centre from the line, and the half-extent of the box across it.
      const off = (x[v]! - x[a]!) * nx + (y[v]! - y[a]!) * ny;
      const reach = Math.abs(nx) * hw[v]! + Math.abs(ny) * hh[v]!;
      for (let side = 1; side >= -1; side -= 2) {
        const shift = side * reach - off + side * 2;
        this.push(x[v]! + nx * shift, y[v]! + ny * shift);
      }
    }
  }

  /** The nearest few factors, for swaps. */
  private nearest(v: number): number[] {
    const { x, y, hw, hh } = this.b;
    const r = this.index.cell;
    const found = this.index.boxesNear(x[v]! - r, y[v]! - r, x[v]! + r, y[v]! + r);
    const near = this.index.boxHits;
    this.work += found;
    const dist = (u: number) => ((x[u]! - x[v]!) / hw[v]!) ** 2 + ((y[u]! - y[v]!) / hh[v]!) ** 2;
    const best: number[] = [];
    for (let k = 0; k < found; k++) {
      const u = near[k]!;
      if (u === v) continue;
      const d = dist(u);
      let at = best.length;
      while (at > 0 && (dist(best[at - 1]!) > d || (dist(best[at - 1]!) === d && best[at - 1]! > u))) at--;
      if (at < SWAP_NEIGHBOURS) {
        best.splice(at, 0, u);
        if (best.length > SWAP_NEIGHBOURS) best.pop();
      }
    }
    return best;
  }

  /**
   * The part of the cost that depends on where the factors in `set` are. Past `limit` the
   * answer only has to say "no better": the count stops there (most candidate spots are worse
   * than where the factor is, and this is what the search spends its time on).
   */
  private cost(set: readonly number[], limit = Infinity): number {
    const { x, y } = this.b;
    const g = this.g;
    const { edgeA, edgeB } = g;
    const inSet = this.inSet;
    const inMoved = this.inMoved;
    const { drawnHw: rw, drawnHh: rh } = this.input;
    const mine = this.mine;
    let mineCount = 0;
    let work = 0;
    for (const v of set) {
      inMoved[v] = 1;
      for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
        const e = g.adjEdge[k]!;
        if (!inSet[e]) {
          inSet[e] = 1;
          mine[mineCount++] = e;
        }
      }
    }
    let length = 0;
    for (let k = 0; k < mineCount; k++) {
      const e = mine[k]!;
      length += Math.hypot(x[edgeB[e]!]! - x[edgeA[e]!]!, y[edgeB[e]!]! - y[edgeA[e]!]!);
    }
    let outside = 0;
    const f = this.input.frame;
    if (f) {
      const { hw, hh } = this.b;
      for (const v of set) {
        const ox = Math.max(0, f.x0 - (x[v]! - hw[v]!), x[v]! + hw[v]! - f.x1);
        const oy = Math.max(0, f.y0 - (y[v]! - hh[v]!), y[v]! + hh[v]! - f.y1);
        outside += ox + oy;
      }
    }
    const fixedPart = (LENGTH_COST * length + OUTSIDE_COST * outside) / this.input.unit;
    let crossings = 0;
    let through = 0;
    let stopped = false;
    // The moved links, wherever their ends are now, against the others where they are filed.
    const near = this.index.edgeHits;
    const nearBoxes = this.index.boxHits;
    for (let m = 0; m < mineCount; m++) {
      const e = mine[m]!;
      const a = edgeA[e]!;
      const c = edgeB[e]!;
      const ax = x[a]!;
      const ay = y[a]!;
      const cx = x[c]!;
      const cy = y[c]!;
      const minX = Math.min(ax, cx);
      const maxX = Math.max(ax, cx);
      const minY = Math.min(ay, cy);
      const maxY = Math.max(ay, cy);
      const found = this.index.edgesNear(minX, minY, maxX, maxY);
      work += found;
      for (let k = 0; k < found; k++) {
        const f = near[k]!;
        if (inSet[f]) continue;
        const p = edgeA[f]!;
        const q = edgeB[f]!;
        if (p === a || p === c || q === a || q === c) continue;
        const px = x[p]!;
        const py = y[p]!;
        const qx = x[q]!;
        const qy = y[q]!;
        if (Math.max(px, qx) <= minX || Math.min(px, qx) >= maxX || Math.max(py, qy) <= minY || Math.min(py, qy) >= maxY) continue;
        if (segmentsCross(ax, ay, cx, cy, px, py, qx, qy)) crossings++;
      }
      for (let k = m + 1; k < mineCount; k++) {
        const f = mine[k]!;
        const p = edgeA[f]!;
        const q = edgeB[f]!;
        if (p === a || p === c || q === a || q === c) continue;
        if (segmentsCross(ax, ay, cx, cy, x[p]!, y[p]!, x[q]!, y[q]!)) crossings++;
      }
      const boxes = this.index.boxesNear(minX, minY, maxX, maxY);
      work += boxes;
      for (let k = 0; k < boxes; k++) {
        const w = nearBoxes[k]!;
        if (w === a || w === c || inMoved[w]) continue;
        const wx = x[w]!;
        const wy = y[w]!;
        if (wx + rw[w]! <= minX || wx - rw[w]! >= maxX || wy + rh[w]! <= minY || wy - rh[w]! >= maxY) continue;
        if (segmentHitsBox(ax, ay, cx, cy, wx - rw[w]!, wy - rh[w]!, wx + rw[w]!, wy + rh[w]!)) through++;
      }
      for (const w of set) {
        if (w === a || w === c) continue;
        if (segmentHitsBox(ax, ay, cx, cy, x[w]! - rw[w]!, y[w]! - rh[w]!, x[w]! + rw[w]!, y[w]! + rh[w]!)) through++;
      }
      if (fixedPart + crossings + THROUGH_COST * through >= limit) {
        stopped = true;
        break;
      }
    }
    // Other links through the moved boxes.
    for (let k = 0; !stopped && k < set.length; k++) {
      const v = set[k]!;
      const x0 = x[v]! - rw[v]!;
      const x1 = x[v]! + rw[v]!;
      const y0 = y[v]! - rh[v]!;
      const y1 = y[v]! + rh[v]!;
      const found = this.index.edgesNear(x0, y0, x1, y1);
      work += found;
      for (let k2 = 0; k2 < found; k2++) {
        const f = near[k2]!;
        if (inSet[f]) continue;
        if (segmentHitsBox(x[edgeA[f]!]!, y[edgeA[f]!]!, x[edgeB[f]!]!, y[edgeB[f]!]!, x0, y0, x1, y1)) through++;
      }
    }
    for (let k = 0; k < mineCount; k++) inSet[mine[k]!] = 0;
    for (const v of set) inMoved[v] = 0;
    this.work += work + mineCount;
    return stopped ? Infinity : crossings + THROUGH_COST * through + fixedPart;
  }
}
