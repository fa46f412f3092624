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
/**
 * A crowd pushed apart one pair at a time can jam, each push undone by the next one (a big
 * map's dense middle after stress): after this many passes without a clear result, every free
 * box is moved GROW further from the free boxes' centre, which gives the crowd room at once.
 * Compaction takes the slack back afterwards.
 */
const JAM_PASSES = 40;
const GROW = 1.12;

/** Counting sort of the boxes into a hashed grid: typed arrays, no allocation per pass. */
class Grid {
  readonly head: Int32Array;
  readonly order: Int32Array;
  private readonly slot: Int32Array;
  private readonly at: Int32Array;
  readonly mask: number;

  constructor(n: number) {
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.mask = size - 1;
    this.head = new Int32Array(size + 1);
    this.order = new Int32Array(n);
    this.slot = new Int32Array(n);
    this.at = new Int32Array(size);
  }

  hash(cx: number, cy: number): number {
    return (Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663)) & this.mask;
  }

  fill(x: Float64Array, y: Float64Array, n: number, cell: number): void {
    const { head, order, slot } = this;
    head.fill(0);
    for (let i = 0; i < n; i++) {
      const h = this.hash(Math.floor(x[i]! / cell), Math.floor(y[i]! / cell));
      slot[i] = h;
      head[h + 1]!++;
    }
    for (let h = 0; h < this.mask + 1; h++) head[h + 1] = head[h + 1]! + head[h]!;
    const at = this.at;
    at.set(head.subarray(0, this.mask + 1));
    for (let i = 0; i < n; i++) order[at[slot[i]!]!++] = i;
  }
}

export function removeOverlaps(b: Boxes, passes = MAX_PASSES): boolean {
  const { n, x, y, hw, hh, pinned } = b;
  if (n < 2) return true;
  let cell = 0;
  for (let i = 0; i < n; i++) cell = Math.max(cell, 2 * hw[i]!, 2 * hh[i]!);
  const grid = new Grid(n);
  const { head, order } = grid;
  const seen = new Int32Array(grid.mask + 1).fill(-1);
  for (let pass = 0; pass < passes; pass++) {
    if (pass > 0 && pass % JAM_PASSES === 0) grow(b);
    grid.fill(x, y, n, cell);
    let moved = false;
    for (let i = 0; i < n; i++) {
      const gx = Math.floor(x[i]! / cell);
      const gy = Math.floor(y[i]! / cell);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const h = grid.hash(gx + ox, gy + oy);
          // Two neighbouring cells can hash to one slot: read it once.
          if (seen[h] === i) continue;
          seen[h] = i;
          for (let k = head[h]!; k < head[h + 1]!; k++) {
            const j = order[k]!;
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

/** Spreads the free boxes out from their centre (pinned boxes stay). */
function grow(b: Boxes): void {
  let cx = 0;
  let cy = 0;
  let free = 0;
  for (let i = 0; i < b.n; i++) {
    if (b.pinned[i]) continue;
    cx += b.x[i]!;
    cy += b.y[i]!;
    free++;
  }
  if (free === 0) return;
  cx /= free;
  cy /= free;
  for (let i = 0; i < b.n; i++) {
    if (b.pinned[i]) continue;
    b.x[i] = cx + (b.x[i]! - cx) * GROW;
    b.y[i] = cy + (b.y[i]! - cy) * GROW;
  }
}
