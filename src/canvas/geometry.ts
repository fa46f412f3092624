/** Pure geometry for links drawn between factor boxes (no handles: any edge of a box). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export function centre(b: Box): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Where the segment from the centre of b towards p leaves the box b. */
export function borderPoint(b: Box, toward: Point): Point {
  const c = centre(b);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const hw = b.width / 2;
  const hh = b.height / 2;
  const scale = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

export interface LinkCurve {
  start: Point;
  control: Point;
  end: Point;
  /** Middle of the curve: where the polarity marker sits. */
  mid: Point;
  /** Unit tangent at the middle, for the delay bars. */
  tangent: Point;
}

export interface LinkPath extends LinkCurve {
  path: string;
}

/**
 * A quadratic curve from box a to box b. `bend` pushes the curve sideways so that A→B and
 * B→A do not draw on top of each other. Plain numbers, for the SVG path and the overview's
 * 2D canvas alike.
 */
export function linkCurve(a: Box, b: Box, bend: number, gap = 4): LinkCurve {
  const ca = centre(a);
  const cb = centre(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  const control = { x: (ca.x + cb.x) / 2 + nx * bend, y: (ca.y + cb.y) / 2 + ny * bend };
  const start = borderPoint(a, control);
  const rawEnd = borderPoint(b, control);
  // Stop short of the box so the arrowhead is not hidden under the factor.
  const ex = rawEnd.x - control.x;
  const ey = rawEnd.y - control.y;
  const el = Math.hypot(ex, ey) || 1;
  const end = { x: rawEnd.x - (ex / el) * gap, y: rawEnd.y - (ey / el) * gap };
  const mid = {
    x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
    y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
  };
  const tx = end.x - start.x;
  const ty = end.y - start.y;
  const tl = Math.hypot(tx, ty) || 1;
  return { start, control, end, mid, tangent: { x: tx / tl, y: ty / tl } };
}

export function linkPath(a: Box, b: Box, bend: number, gap = 4): LinkPath {
  const c = linkCurve(a, b, bend, gap);
  return { ...c, path: `M ${c.start.x} ${c.start.y} Q ${c.control.x} ${c.control.y} ${c.end.x} ${c.end.y}` };
}

/** Distance from p to the curve, sampled: for picking a link on the overview canvas. */
export function distanceToCurve(p: Point, c: LinkCurve, samples = 12): number {
  let best = Infinity;
  let prev = c.start;
  for (let i = 1; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    const q = {
      x: u * u * c.start.x + 2 * u * t * c.control.x + t * t * c.end.x,
      y: u * u * c.start.y + 2 * u * t * c.control.y + t * t * c.end.y,
    };
    best = Math.min(best, distanceToSegment(p, prev, q));
    prev = q;
  }
  return best;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
