/**
 * Framing the map on a screen, as plain geometry: which zoom and offset show a set of factor
 * boxes whole, with room left for what floats over the map (the minimap, the zoom buttons, a
 * step's title band), and how much larger labels may grow before two boxes touch. React Flow's
 * own fitView knows neither: it fits the bounding box under every overlay.
 *
 * Map units are React Flow's flow coordinates; screen = map × zoom + (x, y), in CSS pixels of
 * the canvas pane.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface FitOptions {
  /** Free pixels around the boxes, on every side of the pane. */
  readonly marginPx?: number;
  /** Pane areas no box may be drawn under (overlays), in pane pixels. */
  readonly obstacles?: readonly Rect[];
  readonly minZoom?: number;
  readonly maxZoom?: number;
}

const DEFAULT_MARGIN_PX = 16;
/** Zoom steps tried when an overlay is in the way: each 3 % below the last. */
const ZOOM_STEP = 0.97;

export function boundsOf(boxes: readonly Rect[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return boxes.length === 0 ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Strict: boxes that only touch do not overlap. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function toScreen(box: Rect, vp: Viewport): Rect {
  return { x: box.x * vp.zoom + vp.x, y: box.y * vp.zoom + vp.y, width: box.width * vp.zoom, height: box.height * vp.zoom };
}

/** The box is entirely on the pane (within `marginPx` of no edge is not asked) and under no obstacle. */
export function isShown(box: Rect, vp: Viewport, pane: Size, obstacles: readonly Rect[] = []): boolean {
  const s = toScreen(box, vp);
  const inside = s.x >= -0.5 && s.y >= -0.5 && s.x + s.width <= pane.width + 0.5 && s.y + s.height <= pane.height + 0.5;
  return inside && !obstacles.some((o) => intersects(s, o));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Offsets to try at one zoom: centred first, then pushed to each side and corner of the slack. */
function placements(bounds: Rect, zoom: number, pane: Size, margin: number): Viewport[] {
  const w = bounds.width * zoom;
  const h = bounds.height * zoom;
  const left = margin - bounds.x * zoom;
  const top = margin - bounds.y * zoom;
  const slackX = Math.max(0, pane.width - 2 * margin - w);
  const slackY = Math.max(0, pane.height - 2 * margin - h);
  const xs = [slackX / 2, 0, slackX];
  const ys = [slackY / 2, 0, slackY];
  const out: Viewport[] = [];
  for (const dy of ys) for (const dx of xs) out.push({ x: left + dx, y: top + dy, zoom });
  return out;
}

/**
 * The viewport that shows every box whole, as large as `maxZoom` allows, with none under an
 * obstacle: the zoom that fits the bounds, lowered step by step while every placement of the
 * map in the pane leaves a box under an overlay. At `minZoom` the best it can do is returned.
 */
export function fitBoxes(boxes: readonly Rect[], pane: Size, options: FitOptions = {}): Viewport {
  const margin = options.marginPx ?? DEFAULT_MARGIN_PX;
  const minZoom = options.minZoom ?? 0.05;
  const maxZoom = options.maxZoom ?? 1;
  const obstacles = options.obstacles ?? [];
  const bounds = boundsOf(boxes);
  const free = { width: Math.max(1, pane.width - 2 * margin), height: Math.max(1, pane.height - 2 * margin) };
  const fitted = Math.min(free.width / Math.max(1, bounds.width), free.height / Math.max(1, bounds.height));
  let zoom = clamp(fitted, minZoom, maxZoom);
  for (;;) {
    const all = placements(bounds, zoom, pane, margin);
    const clear = all.find((vp) => boxes.every((b) => !obstacles.some((o) => intersects(toScreen(b, vp), o))));
    if (clear || zoom <= minZoom) return clear ?? all[0]!;
    zoom = Math.max(minZoom, zoom * ZOOM_STEP);
  }
}

/**
 * How much every box may grow, from its top-left corner as a box drawn with a larger font does,
 * before two boxes that are apart now touch: 1 when some already touch, at most `maxScale`.
 * Boxes already overlapping (as someone placed them) are left out: growing cannot part them.
 */
export function overlapFreeScale(boxes: readonly Rect[], maxScale: number): number {
  let k = maxScale;
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const widest = Math.max(0, ...boxes.map((b) => b.width));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      // b starts right of a's grown right edge (and of any box before it): no later box can meet a.
      if (b.x - a.x >= widest * k) break;
      if (intersects(a, b)) continue;
      // Sorted by x, so a.x <= b.x: a reaches b sideways when a.x + k·a.w > b.x.
      const kx = a.width > 0 ? (b.x - a.x) / a.width : Infinity;
      const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
      const ky = upper.height > 0 ? (lower.y - upper.y) / upper.height : Infinity;
      // They meet once they overlap on both axes; a.x == b.x overlap sideways at any size.
      const meet = Math.max(a.x === b.x ? 0 : kx, ky);
      k = Math.min(k, meet);
    }
  }
  return Math.max(1, k);
}

export function scaleBoxes(boxes: readonly Rect[], k: number): Rect[] {
  return boxes.map((b) => ({ ...b, width: b.width * k, height: b.height * k }));
}

export interface LargeLabelFit {
  /** Font scale to draw labels at, 1 = the canvas' size. */
  readonly scale: number;
  readonly viewport: Viewport;
}

/**
 * Labels as large as the room allows (projector mode): boxes grow, up to `maxScale`, as far as
 * they can without two touching — measured on screen boxes, so a little short of that, as text
 * does not scale exactly — and the grown map is then fitted whole. A map with room to spare
 * gets the full projector size; a dense one keeps the canvas' size and a lower zoom.
 */
export function fitWithLargeLabels(base: readonly Rect[], pane: Size, maxScale: number, options: FitOptions = {}): LargeLabelFit {
  const room = overlapFreeScale(base, maxScale);
  const scale = room >= maxScale ? maxScale : Math.max(1, room * SCALE_SAFETY);
  return { scale, viewport: fitBoxes(scaleBoxes(base, scale), pane, options) };
}

/** Text at a larger size is not exactly a larger copy (hinting, rounding): keep 3 % apart. */
const SCALE_SAFETY = 0.97;

/**
 * Pairs apart in `before` that `after` (the same boxes, redrawn) makes overlap, or brings
 * closer than `gap` map units.
 */
export function newOverlaps(before: readonly Rect[], drawn: readonly Rect[], gap = 0): number {
  let n = 0;
  const after = gap > 0 ? drawn.map((b) => ({ x: b.x - gap / 2, y: b.y - gap / 2, width: b.width + gap, height: b.height + gap })) : drawn;
  const order = after.map((_, i) => i).sort((i, j) => after[i]!.x - after[j]!.x);
  for (let a = 0; a < order.length; a++) {
    const i = order[a]!;
    const bi = after[i]!;
    for (let b = a + 1; b < order.length; b++) {
      const j = order[b]!;
      const bj = after[j]!;
      if (bj.x >= bi.x + bi.width) break;
      if (intersects(bi, bj) && !intersects(before[i]!, before[j]!)) n++;
    }
  }
  return n;
}
