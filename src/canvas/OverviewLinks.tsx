import { ViewportPortal, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { useOverlay } from '../session';
import { POLARITY_COLOUR, strokeWidth } from '../ui/polarity';
import { linkCurve, type Box } from './geometry';
import { shownBounds, viewOf, type FlowState, type Rect } from './flowBounds';
import { nodeBox } from './lod';
import { NO_LOOKS, readLooks, type Looks } from './overviewLooks';
import type { FactorNodeType, LinkEdgeType } from './types';

type State = FlowState;

/** Browsers and memory: a canvas side past this is drawn at a lower resolution instead. */
const MAX_CANVAS_PX = 4096;
const DIMMED_ALPHA = 0.18;

const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.w, b.x + b.w) - x;
  const h = Math.min(a.y + a.h, b.y + b.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : null;
}

/** The shown factors' bounds, with room for the bend of two-way links. */
function boundsOf(s: State): Rect | null {
  const b = shownBounds(s);
  const pad = 40;
  return b ? { x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad } : null;
}

const overlaps = (r: Rect, a: Box, b: Box) =>
  Math.max(a.x + a.width, b.x + b.width) >= r.x && Math.min(a.x, b.x) <= r.x + r.w &&
  Math.max(a.y + a.height, b.y + b.height) >= r.y && Math.min(a.y, b.y) <= r.y + r.h;

interface Drawn {
  rect: Rect;
  /** The map's bounds when drawn: the part of the view that needs links. */
  bounds: Rect;
  zoom: number;
  nodes: unknown;
  /** The factors being dragged when drawn, as one key. */
  moving: string;
}

function clear(canvas: HTMLCanvasElement) {
  canvas.width = 0;
  canvas.height = 0;
}

/** A marked factor's ring, this many screen pixels wide outside its box: seen at any zoom. */
const RING_PX = 4;
/** A link's glow (a drop-shadow in its style) is drawn this opaque, under the line. */
const HALO_ALPHA = 0.5;

/**
 * Strokes links on a canvas covering `rect` (map units) at the current zoom: one path per
 * colour, width, dashes and opacity, stroked once, no markers. A link or factor an overlay
 * marks is drawn as its styles would draw it (overviewLooks.ts): the link in its colour, width
 * and dashes, with its glow under it; a ring around each factor of `rings`. Returns how many
 * links had both factors (drawn, or out of the rect).
 */
function stroke(
  canvas: HTMLCanvasElement, s: State, links: Iterable<LinkEdgeType>, rect: Rect, looks: Looks = NO_LOOKS,
  rings: readonly string[] = [],
): number {
  const zoom = s.transform[2];
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const scale = Math.min(zoom * (window.devicePixelRatio || 1), MAX_CANVAS_PX / rect.w, MAX_CANVAS_PX / rect.h);
  canvas.width = Math.max(1, Math.ceil(rect.w * scale));
  canvas.height = Math.max(1, Math.ceil(rect.h * scale));
  Object.assign(canvas.style, { left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.w}px`, height: `${rect.h}px` });
  ctx.setTransform(scale, 0, 0, scale, -rect.x * scale, -rect.y * scale);
  ctx.lineCap = 'round';
  type Group = { colour: string; width: number; alpha: number; dash: readonly number[]; path: Path2D };
  // Glows first, then lines, then rings: each layer over the one before.
  const layers = [new Map<string, Group>(), new Map<string, Group>(), new Map<string, Group>()];
  const group = (layer: number, colour: string, width: number, alpha: number, dash: readonly number[] = []) => {
    const key = `${colour} ${width} ${alpha} ${dash.join(',')}`;
    const groups = layers[layer]!;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { colour, width, alpha, dash, path: new Path2D() }));
    return g.path;
  };
  // At least one screen pixel wide, or a thin link vanishes at overview zoom.
  const minWidth = 1 / zoom;
  let count = 0;
  for (const e of links) {
    if (e.hidden || !e.data) continue;
    const a = s.nodeLookup.get(e.source);
    const b = s.nodeLookup.get(e.target);
    if (!a || !b || a.hidden || b.hidden) continue;
    const ba = nodeBox(a);
    const bb = nodeBox(b);
    count++;
    if (!overlaps(rect, ba, bb)) continue;
    const { link, bend } = e.data;
    const look = looks.links.get(e.id);
    const width = Math.max(look?.width ?? strokeWidth(link.strength), minWidth);
    const alpha = (e.className?.includes('dimmed') ? DIMMED_ALPHA : 1) * (look?.alpha ?? 1);
    const c = linkCurve(ba, bb, bend);
    const paths = [group(1, look?.colour ?? POLARITY_COLOUR[link.polarity], width, alpha, look?.dash)];
    if (look?.halo) paths.push(group(0, look.halo.colour, width + Math.max(2 * look.halo.blur, 3 / zoom), alpha * HALO_ALPHA));
    for (const path of paths) {
      path.moveTo(c.start.x, c.start.y);
      path.quadraticCurveTo(c.control.x, c.control.y, c.end.x, c.end.y);
    }
  }
  const ring = RING_PX / zoom;
  for (const id of rings) {
    const look = looks.factors.get(id);
    const n = s.nodeLookup.get(id);
    if (!look || !n || n.hidden) continue;
    const b = nodeBox(n);
    if (!overlaps(rect, b, b)) continue;
    const dimmed = n.className?.includes('dimmed');
    group(2, look.colour, ring, dimmed ? DIMMED_ALPHA : 1, look.dashed ? [3 * ring, 2 * ring] : [])
      .rect(b.x - ring / 2, b.y - ring / 2, b.width + ring, b.height + ring);
  }
  for (const groups of layers) {
    for (const g of groups.values()) {
      ctx.globalAlpha = g.alpha;
      ctx.strokeStyle = g.colour;
      ctx.lineWidth = g.width;
      ctx.setLineDash(g.dash);
      ctx.stroke(g.path);
    }
  }
  return count;
}

/** Bounding rect of some factors and of the boxes at both ends of some links, with room for bends. */
function extentOf(s: State, links: readonly LinkEdgeType[], factors: Iterable<string> = []): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ids of [[...factors], ...links.map((e) => [e.source, e.target])]) {
    for (const id of ids) {
      const n = s.nodeLookup.get(id);
      if (!n) continue;
      const b = nodeBox(n);
      x0 = Math.min(x0, b.x);
      y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.width);
      y1 = Math.max(y1, b.y + b.height);
    }
  }
  const pad = 40;
  return x0 === Infinity ? null : { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
}

/** The factors being dragged, as one key ('' when none). */
function movingKey(s: State): string {
  let key = '';
  for (const n of s.nodeLookup.values()) if (n.dragging) key += `${n.id}\u0000`;
  return key;
}

/**
 * The links of the overview on two 2D canvases in map coordinates, so panning moves them with
 * the factors and draws nothing. The base canvas covers the view and half a view around it
 * and is drawn again when the zoom changes, a pan leaves it, or factors move; while factors
 * are dragged it keeps every other link and a small canvas over the dragged factors' links is
 * the only one drawn each frame (the browser then repaints that corner, not the whole map).
 */
function OverviewLinksView({ links }: { links: readonly LinkEdgeType[] }) {
  const store = useStoreApi<FactorNodeType, LinkEdgeType>();
  const factorClasses = useOverlay((o) => o.factorClasses);
  const factorBadges = useOverlay((o) => o.factorBadges);
  const linkBadges = useOverlay((o) => o.linkBadges);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const movingRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const base = baseRef.current;
    const moving = movingRef.current;
    if (!base || !moving) return;
    const touching = new Map<string, LinkEdgeType[]>();
    for (const e of links) {
      for (const id of [e.source, e.target]) {
        const list = touching.get(id);
        if (list) list.push(e);
        else touching.set(id, [e]);
      }
    }
    const looks = readLooks(base.parentElement, links, { factorClasses, factorBadges, linkBadges });
    const rings = [...looks.factors.keys()];
    let frame = 0;
    let drawn: Drawn | null = null;
    let movingNodes: unknown = null;

    const baseStale = (s: State, key: string) => {
      if (!drawn || drawn.zoom !== s.transform[2] || drawn.moving !== key) return true;
      // While a drag goes on, only the dragged factors move: the moving canvas follows them.
      if (drawn.nodes !== s.nodes && key === '') return true;
      const needed = intersect(viewOf(s), drawn.bounds);
      return !!needed && !contains(drawn.rect, needed);
    };

    const drawBase = (s: State, key: string) => {
      const bounds = boundsOf(s);
      const view = viewOf(s);
      const around = { x: view.x - view.w / 2, y: view.y - view.h / 2, w: view.w * 2, h: view.h * 2 };
      const rect = bounds && intersect(around, bounds);
      if (!bounds || !rect) {
        clear(base);
        base.dataset.drawn = '0';
        drawn = null;
        return;
      }
      const dragged = new Set(key.split('\u0000'));
      const still = key === '' ? links : links.filter((e) => !dragged.has(e.source) && !dragged.has(e.target));
      const count = stroke(base, s, still, rect, looks, key === '' ? rings : rings.filter((id) => !dragged.has(id)));
      // Links with both factors (in view or not): the bench and the tests read it.
      base.dataset.drawn = String(count + (links.length - still.length));
      drawn = { rect, bounds, zoom: s.transform[2], nodes: s.nodes, moving: key };
    };

    const drawMoving = (s: State, key: string) => {
      if (key === '') {
        if (moving.width) clear(moving);
        movingNodes = null;
        return;
      }
      if (movingNodes === s.nodes) return;
      movingNodes = s.nodes;
      const mine = new Set<LinkEdgeType>();
      const dragged = key.split('\u0000').filter((id) => id !== '');
      for (const id of dragged) for (const e of touching.get(id) ?? []) mine.add(e);
      const list = [...mine];
      const ringed = rings.filter((id) => dragged.includes(id));
      const rect = extentOf(s, list, ringed);
      if (rect) stroke(moving, s, list, rect, looks, ringed);
      else clear(moving);
    };

    const paint = () => {
      frame = 0;
      const s = store.getState();
      const key = movingKey(s);
      if (baseStale(s, key)) drawBase(s, key);
      drawMoving(s, key);
    };
    let lastNodes: unknown = null;
    const unsubscribe = store.subscribe((s) => {
      if (frame) return;
      const changed = s.nodes !== lastNodes;
      lastNodes = s.nodes;
      if (changed || !drawn || drawn.zoom !== s.transform[2] || baseStale(s, drawn.moving)) frame = requestAnimationFrame(paint);
    });
    // New links or classes: drawn now (a large map's first links come a task after its factors
    // are shown: useAfterFactorsShown).
    lastNodes = store.getState().nodes;
    paint();
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, links, factorClasses, factorBadges, linkBadges]);
  return (
    <ViewportPortal>
      <canvas ref={baseRef} className="overview-links" data-testid="overview-links" aria-hidden="true" />
      <canvas ref={movingRef} className="overview-links" aria-hidden="true" />
    </ViewportPortal>
  );
}

export const OverviewLinks = memo(OverviewLinksView);
