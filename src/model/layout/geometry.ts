/**
 * Straight-line geometry the layout is judged by: the canvas draws a link as a line between
 * box centres (a slight curve only for a pair of opposite links), so two links cross when
 * those lines do, and a link runs "through" a box when its line enters a box it does not end
 * at. Plain numbers, no allocation: the refinement calls these millions of times.
 */

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Segments AB and CD cross at a point inside both (touching or collinear does not count). */
export function segmentsCross(
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number,
): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0) || d1 === 0 || d2 === 0) return false;
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  return (d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0);
}

/** Segment AB passes through the open rectangle [x0, x1] × [y0, y1] (Liang–Barsky clipping). */
export function segmentHitsBox(
  ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number,
): boolean {
  if (Math.max(ax, bx) <= x0 || Math.min(ax, bx) >= x1 || Math.max(ay, by) <= y0 || Math.min(ay, by) >= y1) return false;
  // Clip the segment against each side in turn (inlined: this runs millions of times).
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  if (dx === 0) {
    if (ax <= x0 || ax >= x1) return false;
  } else {
    const ta = (x0 - ax) / dx;
    const tb = (x1 - ax) / dx;
    const lo = ta < tb ? ta : tb;
    const hi = ta < tb ? tb : ta;
    if (lo > t0) t0 = lo;
    if (hi < t1) t1 = hi;
  }
  if (dy === 0) {
    if (ay <= y0 || ay >= y1) return false;
  } else {
    const ta = (y0 - ay) / dy;
    const tb = (y1 - ay) / dy;
    const lo = ta < tb ? ta : tb;
    const hi = ta < tb ? tb : ta;
    if (lo > t0) t0 = lo;
    if (hi < t1) t1 = hi;
  }
  return t1 - t0 > 1e-9;
}
