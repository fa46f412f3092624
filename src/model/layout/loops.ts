import { compact, countThrough, extent } from './compact';
import { segmentsCross } from './geometry';
import { buildGraph, components, type LayoutGraph } from './graph';
import { removeOverlaps, type Boxes } from './overlap';
import { refine, THROUGH_COST } from './refine';
import { seededRng } from './rng';
import { stressLayout } from './stress';

/**
 * The layout for causal maps, which are full of loops: stress majorization shows a loop as a
 * ring and a hub among its neighbours; overlap removal then gives every box its room; a local
 * search takes crossings and links through boxes out; finally the map is squeezed to the
 * screen's shape. Each connected component is laid out on its own and the pieces are packed
 * into a screen-shaped block; factors no link touches fill a grid beside them.
 *
 * Pinned factors ("tidy around what I placed") stay exactly where they are: the others are
 * laid out around them, in the pinned factors' coordinates, and nothing is squeezed.
 */
export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LoopLayoutInput {
  readonly ids: readonly string[];
  readonly sizes: readonly Size[];
  readonly links: readonly { source: string; target: string }[];
  /** Space kept free around a box, between it and the next one. */
  readonly gap: number;
  /** Width over height the whole map should have (a 16:9 screen). */
  readonly aspect: number;
  /** Centres of the factors that must not move. */
  readonly pinned?: ReadonlyMap<string, Point>;
  readonly seed: number;
}

/** Layout units: x is divided by this, so that wide boxes are as far apart as tall ones. */
const X_STRETCH = 1.9;
/** A link is this many (typical, stretched) box diagonals long in the stress layout. */
const EDGE_LENGTHS = [1.2, 1.6, 2.1];
/**
 * Segment and box tests the refinement may spend on one component: a few tenths of a second
 * for a workshop map (shared by the edge lengths and squeezes tried); less for a big map,
 * where the search only takes the worst tangles out and 1,000 factors must stay within seconds.
 */
const REFINE_BUDGET = 2e7;
const REFINE_BUDGET_BIG = 6e6;
/** How many times a small component is squeezed, and by how much each time. */
const SQUEEZES = 6;
const SQUEEZE = 0.88;
const ZOOM_COST = 4;
/**
 * Below this fitted zoom on a 1,080-px-tall screen a 15-px label shows smaller than 10.5 px,
 * too small to read from a chair: each tenth below costs about SHORT_COST / 7 crossings more.
 */
const READABLE_ZOOM = 0.7;
const SHORT_COST = 150;
const FIT_PADDING = 1.1;

/** Above this many factors a component is laid out once, at the middle edge length. */
const TRY_ALL_MAX = 150;

interface Piece {
  readonly members: number[];
  /** Centres, component-local. */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

function boxesOf(members: readonly number[], sizes: readonly Size[], gap: number, pinned?: Uint8Array): { boxes: Boxes; rw: Float64Array; rh: Float64Array } {
  const n = members.length;
  const hw = new Float64Array(n);
  const hh = new Float64Array(n);
  const rw = new Float64Array(n);
  const rh = new Float64Array(n);
  members.forEach((v, i) => {
    rw[i] = sizes[v]!.width / 2;
    rh[i] = sizes[v]!.height / 2;
    hw[i] = rw[i]! + gap / 2;
    hh[i] = rh[i]! + gap / 2;
  });
  return { boxes: { n, x: new Float64Array(n), y: new Float64Array(n), hw, hh, pinned: pinned ?? new Uint8Array(n) }, rw, rh };
}

/** The component's own graph, renumbered 0…k-1. */
function subgraph(members: readonly number[], ids: readonly string[], links: LoopLayoutInput['links']): LayoutGraph {
  const mine = new Set(members.map((v) => ids[v]!));
  return buildGraph(members.map((v) => ids[v]!), links.filter((l) => mine.has(l.source) && mine.has(l.target)));
}

interface Scored {
  x: Float64Array;
  y: Float64Array;
  score: number;
}

/**
 * Lower is better: a crossing costs 1, a link through a box 8, and the map's size on a 16:9
 * screen (1,080 px tall) ZOOM_COST per unit of 1 / fitted zoom: a quarter more label size is
 * worth about one crossing.
 */
function score(g: LayoutGraph, b: Boxes, rw: Float64Array, rh: Float64Array, aspect: number): number {
  // The drawn boxes and React Flow's fit padding (0.1), as quality.ts measures the result.
  const e = extent({ ...b, hw: rw, hh: rh });
  const fittedZoom = Math.min((1080 * aspect) / (e.width * FIT_PADDING), 1080 / (e.height * FIT_PADDING));
  const short = Math.max(0, READABLE_ZOOM - fittedZoom) / READABLE_ZOOM;
  return countCrossings(g, b) + THROUGH_COST * countThrough(g, b.x, b.y, rw, rh) + ZOOM_COST / fittedZoom + SHORT_COST * short;
}

function countCrossings(g: LayoutGraph, b: Boxes): number {
  let c = 0;
  const m = g.edgeA.length;
  for (let e = 0; e < m; e++) {
    const a = g.edgeA[e]!;
    const d = g.edgeB[e]!;
    for (let f = e + 1; f < m; f++) {
      const p = g.edgeA[f]!;
      const q = g.edgeB[f]!;
      if (p === a || p === d || q === a || q === d) continue;
      if (crosses(b, a, d, p, q)) c++;
    }
  }
  return c;
}

function crosses(b: Boxes, a: number, d: number, p: number, q: number): boolean {
  const { x, y } = b;
  return segmentsCross(x[a]!, y[a]!, x[d]!, y[d]!, x[p]!, y[p]!, x[q]!, y[q]!);
}

function layoutComponent(input: LoopLayoutInput, members: number[], rngSeed: number): Piece {
  const sub = subgraph(members, input.ids, input.links);
  const { boxes: b, rw, rh } = boxesOf(members, input.sizes, input.gap);
  if (members.length === 1) return { members, x: b.x, y: b.y };
  const diag = median(members.map((v) => Math.hypot(input.sizes[v]!.width / X_STRETCH, input.sizes[v]!.height) + input.gap));
  const small = members.length <= TRY_ALL_MAX;
  const lengths = small ? EDGE_LENGTHS : [EDGE_LENGTHS[1]!];
  const budget = small ? REFINE_BUDGET / (lengths.length * (1 + SQUEEZES)) : REFINE_BUDGET_BIG;
  let boxArea = 0;
  for (let i = 0; i < b.n; i++) boxArea += 4 * b.hw[i]! * b.hh[i]!;
  const finish = (edgeLength: number) => {
    removeOverlaps(b);
    refine({ boxes: b, drawnHw: rw, drawnHh: rh, graph: sub, unit: edgeLength, budget, frame: frameFor(b, boxArea, input.aspect) });
    compact({ boxes: b, drawnHw: rw, drawnHh: rh, graph: sub, aspect: input.aspect, minGap: input.gap / 2, steps: small ? undefined : 8 });
    // A big component is laid out once: nothing to compare, so no score (O(links²)).
    return small ? score(sub, b, rw, rh, input.aspect) : 0;
  };
  let best: Scored | null = null;
  for (const factor of lengths) {
    const edgeLength = factor * diag;
    const { x, y } = stressLayout({ graph: sub, members: members.map((_, i) => i), edgeLength, rng: seededRng(rngSeed) });
    for (let i = 0; i < b.n; i++) {
      b.x[i] = x[i]! * X_STRETCH;
      b.y[i] = y[i]!;
    }
    spreadToDensity(b);
    let s = finish(edgeLength);
    let kept = { x: Float64Array.from(b.x), y: Float64Array.from(b.y), score: s };
    // Squeeze: shrink it all, let overlap removal and the search sort it out again, and keep
    // the result while it scores better. Compaction alone stops at the tightest pair.
    let squeeze = SQUEEZE;
    for (let k = 0; small && k < SQUEEZES; k++) {
      // The side that decides the fitted zoom is squeezed most: that also brings the shape
      // towards the screen's.
      const e = extent(b);
      const wide = e.width / e.height > input.aspect;
      const sx = wide ? squeeze : Math.sqrt(squeeze);
      const sy = wide ? Math.sqrt(squeeze) : squeeze;
      for (let i = 0; i < b.n; i++) {
        b.x[i] = e.cx + (b.x[i]! - e.cx) * sx;
        b.y[i] = e.cy + (b.y[i]! - e.cy) * sy;
      }
      s = finish(edgeLength);
      if (s < kept.score) {
        kept = { x: Float64Array.from(b.x), y: Float64Array.from(b.y), score: s };
      } else {
        // Too far: go back to the last good one and squeeze more gently.
        b.x.set(kept.x);
        b.y.set(kept.y);
        squeeze = Math.sqrt(squeeze);
      }
    }
    if (!best || kept.score < best.score) best = kept;
  }
  readForwards(sub, best!.x, best!.y, input.links);
  return { members, x: best!.x, y: best!.y };
}

/**
 * A mirror image has the same crossings and the same room, so pick the one where causes sit
 * left of (then above) their effects more than the other way round: a chain reads like a
 * sentence, as it did in the layered layout.
 */
function readForwards(g: LayoutGraph, x: Float64Array, y: Float64Array, links: LoopLayoutInput['links']): void {
  let dx = 0;
  let dy = 0;
  for (const l of links) {
    const a = g.index.get(l.source);
    const b = g.index.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    dx += Math.sign(x[b]! - x[a]!);
    dy += Math.sign(y[b]! - y[a]!);
  }
  if (dx < 0) for (let i = 0; i < x.length; i++) x[i] = -x[i]!;
  if (dy < 0) for (let i = 0; i < y.length; i++) y[i] = -y[i]!;
}

/** How much room the map may take: its boxes would cover 1 / FRAME_SPREAD of the frame. */
const FRAME_SPREAD = 3;

function frameFor(b: Boxes, boxArea: number, aspect: number): { x0: number; y0: number; x1: number; y1: number } {
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < b.n; i++) {
    cx += b.x[i]! / b.n;
    cy += b.y[i]! / b.n;
  }
  const width = Math.sqrt(boxArea * FRAME_SPREAD * aspect);
  const height = width / aspect;
  return { x0: cx - width / 2, y0: cy - height / 2, x1: cx + width / 2, y1: cy + height / 2 };
}

/**
 * A big map with short paths between any two factors (most real ones) comes out of stress
 * crowded in the middle, boxes piled on boxes, and pushing them apart one pair at a time then
 * jams. Spreading it first, evenly, until the boxes could cover at most 1 / MIN_SPREAD of its
 * area, leaves room to untangle; compaction takes the slack back at the end.
 */
const MIN_SPREAD = 2.2;

function spreadToDensity(b: Boxes): void {
  let need = 0;
  for (let i = 0; i < b.n; i++) need += 4 * b.hw[i]! * b.hh[i]! * MIN_SPREAD;
  const e = extent(b);
  const have = e.width * e.height;
  if (have >= need) return;
  const s = Math.sqrt(need / Math.max(have, 1));
  for (let i = 0; i < b.n; i++) {
    b.x[i] = e.cx + (b.x[i]! - e.cx) * s;
    b.y[i] = e.cy + (b.y[i]! - e.cy) * s;
  }
}

interface Rect {
  readonly piece: Piece;
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Shelf packing: pieces tallest first, left to right in rows no wider than a chosen width;
 * the width tried that gives the largest fitted zoom wins.
 */
function pack(pieces: Piece[], input: LoopLayoutInput): Map<number, Point> {
  const rects: Rect[] = pieces.map((p) => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    p.members.forEach((v, i) => {
      const s = input.sizes[v]!;
      x0 = Math.min(x0, p.x[i]! - s.width / 2);
      x1 = Math.max(x1, p.x[i]! + s.width / 2);
      y0 = Math.min(y0, p.y[i]! - s.height / 2);
      y1 = Math.max(y1, p.y[i]! + s.height / 2);
    });
    return { piece: p, x0, y0, width: x1 - x0 + input.gap, height: y1 - y0 + input.gap };
  });
  const order = [...rects].sort((a, b) => b.height - a.height || b.width - a.width);
  const area = rects.reduce((s, r) => s + r.width * r.height, 0);
  const widest = Math.max(...rects.map((r) => r.width));
  let best: { fit: number; at: Map<Rect, Point> } | null = null;
  for (const k of [0.7, 0.85, 1, 1.2, 1.45, 1.75, 2.1]) {
    const limit = Math.max(widest, Math.sqrt(area * input.aspect) * k);
    const at = new Map<Rect, Point>();
    let x = 0;
    let y = 0;
    let row = 0;
    let width = 0;
    for (const r of order) {
      if (x > 0 && x + r.width > limit) {
        y += row;
        x = 0;
        row = 0;
      }
      at.set(r, { x, y });
      x += r.width;
      width = Math.max(width, x);
      row = Math.max(row, r.height);
    }
    const height = y + row;
    const fit = Math.min(input.aspect / width, 1 / height);
    if (!best || fit > best.fit * 1.0001) best = { fit, at };
  }
  const out = new Map<number, Point>();
  for (const [r, p] of best!.at) {
    r.piece.members.forEach((v, i) => out.set(v, { x: p.x + r.piece.x[i]! - r.x0, y: p.y + r.piece.y[i]! - r.y0 }));
  }
  return out;
}

/** Centres of all factors, by index in `ids`. */
export function loopLayout(input: LoopLayoutInput): Point[] {
  const g = buildGraph(input.ids, input.links);
  const comps = components(g);
  if (input.pinned && input.pinned.size > 0) return aroundPinned(input, g, comps);
  const pieces = comps.map((members, k) => layoutComponent(input, members, input.seed + k));
  const at = pack(pieces, input);
  return input.ids.map((_, v) => at.get(v) ?? { x: 0, y: 0 });
}

/**
 * "Tidy around what I placed": one frame, the pinned factors' own. Components with a pinned
 * factor are laid out by stress with those factors held; the others are laid out as usual and
 * packed to the right of what is pinned. Then overlaps and crossings are dealt with, moving
 * only factors that are not pinned.
 */
function aroundPinned(input: LoopLayoutInput, g: LayoutGraph, comps: number[][]): Point[] {
  const pinnedIdx = new Map<number, Point>();
  for (const [id, p] of input.pinned!) {
    const v = g.index.get(id);
    if (v !== undefined) pinnedIdx.set(v, p);
  }
  const all = Array.from({ length: g.n }, (_, i) => i);
  const pinMask = new Uint8Array(g.n);
  for (const v of pinnedIdx.keys()) pinMask[v] = 1;
  const { boxes: b, rw, rh } = boxesOf(all, input.sizes, input.gap, pinMask);
  const diag = median(all.map((v) => Math.hypot(input.sizes[v]!.width / X_STRETCH, input.sizes[v]!.height) + input.gap));
  const edgeLength = EDGE_LENGTHS[1]! * diag;
  const loose: Piece[] = [];
  comps.forEach((members, k) => {
    const fixed = new Map<number, Point>();
    members.forEach((v, i) => {
      const p = pinnedIdx.get(v);
      if (p) fixed.set(i, { x: p.x / X_STRETCH, y: p.y });
    });
    if (fixed.size === 0) {
      loose.push(layoutComponent(input, members, input.seed + k));
      return;
    }
    const sub = subgraph(members, input.ids, input.links);
    const { x, y } = stressLayout({ graph: sub, members: members.map((_, i) => i), edgeLength, fixed, rng: seededRng(input.seed + k) });
    members.forEach((v, i) => {
      b.x[v] = x[i]! * X_STRETCH;
      b.y[v] = y[i]!;
    });
  });
  if (loose.length > 0) {
    const placed = comps.filter((m) => m.some((v) => pinMask[v])).flat();
    let right = -Infinity;
    let top = Infinity;
    for (const v of placed) {
      right = Math.max(right, b.x[v]! + rw[v]!);
      top = Math.min(top, b.y[v]! - rh[v]!);
    }
    const at = pack(loose, input);
    for (const [v, p] of at) {
      b.x[v] = right + input.gap * 2 + p.x;
      b.y[v] = top + p.y;
    }
  }
  removeOverlaps(b);
  refine({ boxes: b, drawnHw: rw, drawnHh: rh, graph: g, unit: edgeLength, budget: REFINE_BUDGET });
  for (const [v, p] of pinnedIdx) {
    b.x[v] = p.x;
    b.y[v] = p.y;
  }
  return all.map((v) => ({ x: b.x[v]!, y: b.y[v]! }));
}
