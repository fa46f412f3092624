import { segmentHitsBox, segmentsCross } from './geometry';

/**
 * How readable a laid-out map is, measured the way the issue (#12) states the targets: links as
 * straight lines between box centres, boxes as the canvas sizes them, and the zoom at which
 * "Fit view" shows the whole map on a screen. Used by the bench (ours and Graphviz's layouts
 * alike) and by the tests.
 */
export interface PlacedBox {
  readonly id: string;
  /** Top-left corner, as the map stores positions. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Screen {
  readonly width: number;
  readonly height: number;
  /** React Flow's fitView padding (its default, 0.1, is what "Fit view" uses). */
  readonly padding: number;
  /** The label's font size in map units (15 px on the canvas). */
  readonly fontPx: number;
}

export const FULL_HD: Screen = { width: 1920, height: 1080, padding: 0.1, fontPx: 15 };

export interface LayoutQuality {
  /** Pairs of links whose straight lines cross (links sharing a factor never count). */
  readonly crossings: number;
  /** (link, box) pairs where a link's line enters a box it does not end at. */
  readonly linksThroughBoxes: number;
  /** Pairs of boxes that overlap (touching edges do not). */
  readonly overlaps: number;
  readonly width: number;
  readonly height: number;
  /** The zoom at which the whole map fits the screen. */
  readonly fittedZoom: number;
  /** A label's size on screen at that zoom. */
  readonly labelPx: number;
}

/** One segment per pair of linked factors: A→B and B→A draw in the same place; self-loops draw none. */
export function distinctPairs(links: readonly { source: string; target: string }[], known: ReadonlySet<string>): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const l of links) {
    if (l.source === l.target || !known.has(l.source) || !known.has(l.target)) continue;
    const [a, b] = l.source < l.target ? [l.source, l.target] : [l.target, l.source];
    const key = JSON.stringify([a, b]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}

export function measureLayout(
  boxes: readonly PlacedBox[],
  links: readonly { source: string; target: string }[],
  screen: Screen = FULL_HD,
): LayoutQuality {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const pairs = distinctPairs(links, new Set(byId.keys()));
  const seg = pairs.map(([a, b]) => {
    const p = byId.get(a)!;
    const q = byId.get(b)!;
    return { a, b, ax: p.x + p.width / 2, ay: p.y + p.height / 2, bx: q.x + q.width / 2, by: q.y + q.height / 2 };
  });

  let crossings = 0;
  const sorted = [...seg].sort((s, t) => Math.min(s.ax, s.bx) - Math.min(t.ax, t.bx));
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    const right = Math.max(s.ax, s.bx);
    for (let j = i + 1; j < sorted.length; j++) {
      const t = sorted[j]!;
      if (Math.min(t.ax, t.bx) > right) break;
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b) continue;
      if (segmentsCross(s.ax, s.ay, s.bx, s.by, t.ax, t.ay, t.bx, t.by)) crossings++;
    }
  }

  let through = 0;
  for (const s of seg) {
    for (const b of boxes) {
      if (b.id === s.a || b.id === s.b) continue;
      if (segmentHitsBox(s.ax, s.ay, s.bx, s.by, b.x, b.y, b.x + b.width, b.y + b.height)) through++;
    }
  }

  let overlaps = 0;
  const byX = [...boxes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < byX.length; i++) {
    const a = byX[i]!;
    for (let j = i + 1; j < byX.length && byX[j]!.x < a.x + a.width; j++) {
      const b = byX[j]!;
      if (a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
    }
  }

  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const width = boxes.length ? Math.max(...boxes.map((b) => b.x + b.width)) - left : 0;
  const height = boxes.length ? Math.max(...boxes.map((b) => b.y + b.height)) - top : 0;
  const fittedZoom = boxes.length
    ? Math.min(screen.width / (width * (1 + screen.padding)), screen.height / (height * (1 + screen.padding)))
    : 1;
  return { crossings, linksThroughBoxes: through, overlaps, width, height, fittedZoom, labelPx: fittedZoom * screen.fontPx };
}
