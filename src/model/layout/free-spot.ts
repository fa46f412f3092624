/**
 * Where a new factor goes (issue 12): the free spot nearest a target point (the view's centre,
 * or just right of the selected factor), never on top of another box. Spots are tried on rings
 * of growing size around the target, in steps of the new box's size plus a gap, nearest
 * first; the first one that keeps the gap from every box wins. Plain geometry, no DOM: the
 * canvas gives the boxes it measured. Imported on its own (not through ./index), so the
 * canvas does not load the layout engine.
 */
export interface Rect {
  /** Top-left corner and size, as the map stores positions and the canvas measures boxes. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const FREE_SPOT_GAP = 24;
/** Rings tried before giving up and stacking below everything (a very crowded view). */
const MAX_RINGS = 60;

function clear(boxes: readonly Rect[], x: number, y: number, w: number, h: number, gap: number): boolean {
  for (const b of boxes) {
    if (x < b.x + b.width + gap && b.x < x + w + gap && y < b.y + b.height + gap && b.y < y + h + gap) return false;
  }
  return true;
}

/**
 * The top-left corner for a box of `size` whose centre is as near `centre` as the other boxes
 * allow.
 */
export function freeSpot(
  boxes: readonly Rect[],
  size: { readonly width: number; readonly height: number },
  centre: { readonly x: number; readonly y: number },
  gap = FREE_SPOT_GAP,
): { x: number; y: number } {
  const w = size.width;
  const h = size.height;
  const x0 = centre.x - w / 2;
  const y0 = centre.y - h / 2;
  // Half-box steps: a spot can slip between two boxes a little more than a box apart.
  const stepX = (w + gap) / 2;
  const stepY = (h + gap) / 2;
  if (clear(boxes, x0, y0, w, h, gap)) return { x: Math.round(x0), y: Math.round(y0) };
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    const spots: { x: number; y: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const x = x0 + i * stepX;
        const y = y0 + j * stepY;
        spots.push({ x, y, d: Math.hypot(i * stepX, j * stepY) });
      }
    }
    // Nearest first; ties right, then below, so the result does not depend on the loop order.
    spots.sort((a, b) => a.d - b.d || b.x - a.x || b.y - a.y);
    for (const s of spots) if (clear(boxes, s.x, s.y, w, h, gap)) return { x: Math.round(s.x), y: Math.round(s.y) };
  }
  let bottom = -Infinity;
  for (const b of boxes) bottom = Math.max(bottom, b.y + b.height);
  return { x: Math.round(x0), y: Math.round(bottom + gap) };
}
