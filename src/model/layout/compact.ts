import { segmentHitsBox } from './geometry';
import type { LayoutGraph } from './graph';
import type { Boxes } from './overlap';
import { SpatialIndex } from './spatial';

/**
 * Squeezes a finished layout towards a screen's shape. Scaling the x and y of the centres
 * never adds or removes a crossing (an affine map keeps which lines cross), so the only limits
 * are boxes touching and links starting to run through boxes; each axis is shrunk, the one
 * that decides the fitted zoom first, as far as those limits allow.
 */
const SEARCH_STEPS = 12;
const MIN_SCALE = 0.2;

export interface CompactInput {
  readonly boxes: Boxes;
  readonly drawnHw: Float64Array;
  readonly drawnHh: Float64Array;
  readonly graph: LayoutGraph;
  /** Width over height of the screen the map is fitted to. */
  readonly aspect: number;
  /** The least space left between two boxes (less than the layout's gap: squeezing is the point). */
  readonly minGap: number;
  /** Bisection steps per axis (each one a full overlap and through-box check). */
  readonly steps?: number;
}

function anyOverlap(hw: Float64Array, hh: Float64Array, x: Float64Array, y: Float64Array): boolean {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((i, j) => x[i]! - hw[i]! - (x[j]! - hw[j]!));
  for (let a = 0; a < order.length; a++) {
    const i = order[a]!;
    const right = x[i]! + hw[i]!;
    for (let c = a + 1; c < order.length; c++) {
      const j = order[c]!;
      if (x[j]! - hw[j]! >= right) break;
      if (Math.abs(x[i]! - x[j]!) < hw[i]! + hw[j]! && Math.abs(y[i]! - y[j]!) < hh[i]! + hh[j]!) return true;
    }
  }
  return false;
}

/** Links whose line runs through a box they do not end at, found through a grid. */
export function countThrough(g: LayoutGraph, x: Float64Array, y: Float64Array, rw: Float64Array, rh: Float64Array): number {
  let cell = 1;
  for (let i = 0; i < x.length; i++) cell = Math.max(cell, 2 * rw[i]!, 2 * rh[i]!);
  const index = new SpatialIndex(cell, x, y, g.edgeA.subarray(0, 0), g.edgeB.subarray(0, 0));
  let count = 0;
  for (let e = 0; e < g.edgeA.length; e++) {
    const a = g.edgeA[e]!;
    const c = g.edgeB[e]!;
    const minX = Math.min(x[a]!, x[c]!);
    const maxX = Math.max(x[a]!, x[c]!);
    const minY = Math.min(y[a]!, y[c]!);
    const maxY = Math.max(y[a]!, y[c]!);
    const found = index.boxesNear(minX, minY, maxX, maxY);
    for (let k = 0; k < found; k++) {
      const w = index.boxHits[k]!;
      if (w === a || w === c) continue;
      if (x[w]! + rw[w]! <= minX || x[w]! - rw[w]! >= maxX || y[w]! + rh[w]! <= minY || y[w]! - rh[w]! >= maxY) continue;
      if (segmentHitsBox(x[a]!, y[a]!, x[c]!, y[c]!, x[w]! - rw[w]!, y[w]! - rh[w]!, x[w]! + rw[w]!, y[w]! + rh[w]!)) count++;
    }
  }
  return count;
}

export function extent(b: Boxes, x = b.x, y = b.y): { width: number; height: number; cx: number; cy: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < b.n; i++) {
    x0 = Math.min(x0, x[i]! - b.hw[i]!);
    x1 = Math.max(x1, x[i]! + b.hw[i]!);
    y0 = Math.min(y0, y[i]! - b.hh[i]!);
    y1 = Math.max(y1, y[i]! + b.hh[i]!);
  }
  return { width: x1 - x0, height: y1 - y0, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

export function compact(input: CompactInput): void {
  const { boxes: b, graph: g } = input;
  if (b.n < 2) return;
  const allowed = countThrough(g, b.x, b.y, input.drawnHw, input.drawnHh);
  const hw = input.drawnHw.map((w) => w + input.minGap / 2);
  const hh = input.drawnHh.map((h) => h + input.minGap / 2);
  const tx = new Float64Array(b.n);
  const ty = new Float64Array(b.n);
  const fits = (sx: number, sy: number): boolean => {
    const { cx, cy } = extent(b);
    for (let i = 0; i < b.n; i++) {
      tx[i] = cx + (b.x[i]! - cx) * sx;
      ty[i] = cy + (b.y[i]! - cy) * sy;
    }
    return !anyOverlap(hw, hh, tx, ty) && countThrough(g, tx, ty, input.drawnHw, input.drawnHh) <= allowed;
  };
  for (let round = 0; round < 3; round++) {
    const e = extent(b);
    const axes: ('x' | 'y')[] = e.width / e.height > input.aspect ? ['x', 'y'] : ['y', 'x'];
    let changed = false;
    for (const axis of axes) {
      let lo = MIN_SCALE;
      let hi = 1;
      for (let s = 0; s < (input.steps ?? SEARCH_STEPS); s++) {
        const mid = (lo + hi) / 2;
        if (axis === 'x' ? fits(mid, 1) : fits(1, mid)) hi = mid;
        else lo = mid;
      }
      if (hi < 0.995) {
        const { cx, cy } = extent(b);
        for (let i = 0; i < b.n; i++) {
          if (axis === 'x') b.x[i] = cx + (b.x[i]! - cx) * hi;
          else b.y[i] = cy + (b.y[i]! - cy) * hi;
        }
        changed = true;
      }
    }
    if (!changed) return;
  }
}
