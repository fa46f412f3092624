import dagre from '@dagrejs/dagre';
import { CANVAS_BOX, factorBoxSize, PROJECTOR_BOX, type Size } from './label-size';
import { layeredLayout } from './layered';
import { loopLayout } from './loops';
import type { Position } from './position';
import { wrapLayers } from './wrap';

/**
 * Automatic layout for maps that arrive without positions and for "tidy up". By default the
 * loop layout (loops.ts): causal maps are read by their feedback loops, which a stress layout
 * draws as rings, where a layered (Sugiyama) drawing turns them into long back-links across
 * the map (issue 12: 84 crossings on the Mali fixture, against 18). The layered engines stay
 * for flows that should read left to right: dagre for workshop-sized maps, a quicker layered
 * pass for big ones. This module pulls in dagre, so the app loads it on demand and io never
 * imports it.
 */
export type { Size } from './label-size';
export type { Position } from './position';

export interface LayoutFactor {
  readonly id: string;
  readonly label?: string;
  /** A pictogram (its name, or true) above the label makes the box taller. */
  readonly icon?: string | boolean;
}

export interface LayoutLink {
  readonly source: string;
  readonly target: string;
}

export interface LayoutOptions {
  /** Layered engines only. */
  readonly direction?: 'LR' | 'RL' | 'TB' | 'BT';
  /**
   * A factor's box; by default computed from its label the way the canvas draws it (or, with
   * boxStyle 'projector', the way projector mode draws it: larger).
   */
  readonly nodeSize?: Size | ((f: LayoutFactor) => Size);
  readonly boxStyle?: 'canvas' | 'projector';
  /** Space kept between boxes (loops), or between boxes of one layer (layered engines). */
  readonly nodeGap?: number;
  /** Layered engines: space between layers. */
  readonly layerGap?: number;
  /**
   * 'loops' (what 'auto', the default, means): stress layout, overlap removal and a search
   * that takes crossings and links through boxes out; suits maps full of feedback loops.
   * 'dagre' and 'layered': causes left of their effects; dagre draws fewer crossings but can
   * take seconds past ~100 factors, the layered pass is quick at any size.
   */
  readonly engine?: 'auto' | 'loops' | 'dagre' | 'layered';
  /**
   * Loops only: factors that stay where they are (top-left corners, in the map's
   * coordinates), "tidy around what I placed"; the others are laid out around them, and the
   * result is in the map's coordinates rather than starting at (0, 0).
   */
  readonly pinned?: ReadonlyMap<string, Position>;
  /** Loops only: width over height to aim for (default 16:9, a projector or a laptop screen). */
  readonly aspect?: number;
  /** Loops only: the same map and seed give the same layout. */
  readonly seed?: number;
  /**
   * Left to right only: a layout wider than this (width over height) is wrapped into bands
   * stacked top to bottom (see wrap.ts). Infinity keeps one long strip.
   */
  readonly maxAspect?: number;
}

/** A factor's box as the canvas (or projector mode) draws it, from its label (label-size.ts). */
export function estimateFactorSize(label = '', style: 'canvas' | 'projector' = 'canvas', icon = false): Size {
  return factorBoxSize({ label, icon }, style === 'projector' ? PROJECTOR_BOX : CANVAS_BOX);
}

/** A size that is not a finite, positive number would poison every position: fall back. */
function sane(s: Size, f: LayoutFactor, style: 'canvas' | 'projector'): Size {
  const ok = (v: number) => Number.isFinite(v) && v > 0 && v < 1e5;
  return ok(s.width) && ok(s.height) ? s : estimateFactorSize(f.label, style, Boolean(f.icon));
}

function sizer(options: LayoutOptions): (f: LayoutFactor) => Size {
  const s = options.nodeSize;
  const style = options.boxStyle ?? 'canvas';
  if (s === undefined) return (f) => estimateFactorSize(typeof f.label === 'string' ? f.label : '', style, Boolean(f.icon));
  return typeof s === 'function' ? (f) => sane(s(f), f, style) : (f) => sane(s, f, style);
}

type Direction = NonNullable<LayoutOptions['direction']>;

function withDagre(
  ids: readonly string[], edges: readonly LayoutLink[], sizes: ReadonlyMap<string, Size>,
  direction: Direction, nodeGap: number, layerGap: number,
): Map<string, Position> {
  // dagre keeps nodes as keys of plain objects: an id such as `__proto__` breaks it (a 500 on
  // POST /api/maps, issue 12), so it only ever sees n0, n1, …
  const name = new Map(ids.map((id, i) => [id, `n${i}`]));
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: nodeGap, ranksep: layerGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) {
    const s = sizes.get(id)!;
    g.setNode(name.get(id)!, { width: s.width, height: s.height });
  }
  for (const l of edges) g.setEdge(name.get(l.source)!, name.get(l.target)!);
  dagre.layout(g);
  return new Map(ids.map((id) => {
    const n = g.node(name.get(id)!) as { x: number; y: number };
    const s = sizes.get(id)!;
    return [id, { x: n.x - s.width / 2, y: n.y - s.height / 2 }];
  }));
}

/** The layered pass works left to right; other directions are that turned or mirrored. */
function withLayered(
  ids: readonly string[], edges: readonly LayoutLink[], sizes: ReadonlyMap<string, Size>,
  direction: Direction, nodeGap: number, layerGap: number,
): Map<string, Position> {
  const vertical = direction === 'TB' || direction === 'BT';
  const size = (id: string): Size => {
    const s = sizes.get(id)!;
    return vertical ? { width: s.height, height: s.width } : s;
  };
  const laid = layeredLayout(ids, edges, size, { node: nodeGap, layer: layerGap });
  const turned = new Map([...laid].map(([id, p]) => [id, vertical ? { x: p.y, y: p.x } : p]));
  if (direction === 'LR' || direction === 'TB') return turned;
  const far = Math.max(...ids.map((id) => {
    const p = turned.get(id)!;
    const s = sizes.get(id)!;
    return direction === 'RL' ? p.x + s.width : p.y + s.height;
  }));
  return new Map([...turned].map(([id, p]) => {
    const s = sizes.get(id)!;
    return [id, direction === 'RL' ? { x: far - p.x - s.width, y: p.y } : { x: p.x, y: far - p.y - s.height }];
  }));
}

/** The gap the loop layout keeps between boxes: room for a link and its arrowhead. */
const LOOPS_GAP = 24;

function withLoops(factors: readonly LayoutFactor[], links: readonly LayoutLink[], options: LayoutOptions): Map<string, Position> {
  const size = sizer(options);
  // One entry per id: a duplicate id is the same factor (the first one's label sizes it).
  const unique = new Map<string, LayoutFactor>();
  for (const f of factors) if (!unique.has(f.id)) unique.set(f.id, f);
  const ids = [...unique.keys()];
  const sizes = ids.map((id) => size(unique.get(id)!));
  const pinned = new Map<string, Position>();
  ids.forEach((id, i) => {
    const p = options.pinned?.get(id);
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) pinned.set(id, { x: p.x + sizes[i]!.width / 2, y: p.y + sizes[i]!.height / 2 });
  });
  const centres = loopLayout({
    ids, sizes, links, pinned,
    gap: options.nodeGap ?? LOOPS_GAP,
    aspect: options.aspect && options.aspect > 0 && Number.isFinite(options.aspect) ? options.aspect : 16 / 9,
    seed: options.seed ?? 1,
  });
  let left = 0;
  let top = 0;
  if (pinned.size === 0 && ids.length > 0) {
    left = Math.min(...centres.map((c, i) => c.x - sizes[i]!.width / 2));
    top = Math.min(...centres.map((c, i) => c.y - sizes[i]!.height / 2));
  }
  return new Map(ids.map((id, i) => {
    const p = pinned.get(id);
    if (p) return [id, options.pinned!.get(id)!];
    return [id, { x: centres[i]!.x - sizes[i]!.width / 2 - left, y: centres[i]!.y - sizes[i]!.height / 2 - top }];
  }));
}

/** Top-left corners (the map's convention), starting at (0, 0) unless factors are pinned. */
export function layoutMap(
  factors: readonly LayoutFactor[],
  links: readonly LayoutLink[],
  options: LayoutOptions = {},
): Map<string, Position> {
  const engine = options.engine ?? 'auto';
  if (engine === 'auto' || engine === 'loops') return withLoops(factors, links, options);
  const size = sizer(options);
  const nodeGap = options.nodeGap ?? 40;
  const layerGap = options.layerGap ?? 120;
  const ids = new Set(factors.map((f) => f.id));
  const linked = new Set<string>();
  const edges = links.filter((l) => l.source !== l.target && ids.has(l.source) && ids.has(l.target));
  for (const l of edges) {
    linked.add(l.source);
    linked.add(l.target);
  }
  const sizes = new Map(factors.map((f) => [f.id, size(f)]));
  const out = new Map<string, Position>();

  let bottom = 0;
  let right = 0;
  if (linked.size > 0) {
    const useDagre = engine === 'dagre';
    const ids = [...linked];
    const direction = options.direction ?? 'LR';
    const layered = useDagre
      ? withDagre(ids, edges, sizes, direction, nodeGap, layerGap)
      : withLayered(ids, edges, sizes, direction, nodeGap, layerGap);
    const laid = direction === 'LR'
      ? wrapLayers(layered, sizes, { maxAspect: options.maxAspect ?? 2.5, targetAspect: 1.6, bandGap: layerGap })
      : layered;
    for (const [id, p] of laid) {
      const s = sizes.get(id)!;
      out.set(id, p);
      bottom = Math.max(bottom, p.y + s.height);
      right = Math.max(right, p.x + s.width);
    }
  }

  const loose = factors.filter((f) => !linked.has(f.id));
  if (loose.length > 0) {
    const cellW = Math.max(...loose.map((f) => sizes.get(f.id)!.width)) + nodeGap;
    const cellH = Math.max(...loose.map((f) => sizes.get(f.id)!.height)) + nodeGap;
    const columns = Math.max(Math.ceil(Math.sqrt(loose.length)), Math.floor(right / cellW), 1);
    const top = linked.size > 0 ? bottom + layerGap : 0;
    loose.forEach((f, i) => {
      out.set(f.id, { x: (i % columns) * cellW, y: top + Math.floor(i / columns) * cellH });
    });
  }
  return out;
}
