/**
 * Pushes boxes apart until none overlap, each by as little as it can: a pair that overlaps is
 * separated along the axis where it overlaps least, each box taking half the move (all of it
 * when the other is pinned). Pairs are found through a grid, so a pass is about linear.
 * Boxes are centred at (x, y) with half-sizes (hw, hh), which include half the gap to keep
 * between them.
 */
export interface Boxes {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly hw: Float64Array;
  readonly hh: Float64Array;
  readonly pinned: Uint8Array;
}

const MAX_PASSES = 400;

export function removeOverlaps(b: Boxes, passes = MAX_PASSES): boolean {
  const { n, x, y, hw, hh, pinned } = b;
  if (n < 2) return true;
  let cell = 0;
  for (let i = 0; i < n; i++) cell = Math.max(cell, 2 * hw[i]!, 2 * hh[i]!);
  const buckets = new Map<number, number[]>();
  for (let pass = 0; pass < passes; pass++) {
    buckets.clear();
    const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
    for (let i = 0; i < n; i++) {
      const k = key(Math.floor(x[i]! / cell), Math.floor(y[i]! / cell));
      let list = buckets.get(k);
      if (!list) buckets.set(k, (list = []));
      list.push(i);
    }
    let moved = false;
    for (let i = 0; i < n; i++) {
      const gx = Math.floor(x[i]! / cell);
      const gy = Math.floor(y[i]! / cell);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const list = buckets.get(key(gx + ox, gy + oy));
          if (!list) continue;
          for (const j of list) {
            if (j <= i || (pinned[i] && pinned[j])) continue;
            const dx = x[j]! - x[i]!;
            const dy = y[j]! - y[i]!;
            const px = hw[i]! + hw[j]! - Math.abs(dx);
            const py = hh[i]! + hh[j]! - Math.abs(dy);
            if (px <= 0 || py <= 0) continue;
            moved = true;
            const share = pinned[i] ? 0 : pinned[j] ? 1 : 0.5;
            // Push along the cheaper axis; ties (boxes on the same spot) by index, so it is repeatable.
            if (px * (hh[i]! + hh[j]!) < py * (hw[i]! + hw[j]!)) {
              const s = dx > 0 || (dx === 0 && i < j) ? 1 : -1;
              x[i] = x[i]! - (s * px * share);
              x[j] = x[j]! + s * px * (1 - share);
            } else {
              const s = dy > 0 || (dy === 0 && i < j) ? 1 : -1;
              y[i] = y[i]! - (s * py * share);
              y[j] = y[j]! + s * py * (1 - share);
            }
          }
        }
      }
    }
    if (!moved) return true;
  }
  return false;
}
