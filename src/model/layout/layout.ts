import dagre from '@dagrejs/dagre';
import { layeredLayout } from './layered';
import { wrapLayers } from './wrap';

/**
 * Automatic layout for maps that arrive without positions and for "tidy up": causes to the
 * left of their effects (Sugiyama layering: dagre for workshop-sized maps, a quicker layered
 * pass for big ones), so a chain of links reads like a sentence; factors that no link touches
 * go on a grid below, rather than in one tall column. This module pulls in dagre, so the app
 * loads it on demand and io never imports it.
 */
export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface LayoutFactor {
  readonly id: string;
  readonly label?: string;
}

export interface LayoutLink {
  readonly source: string;
  readonly target: string;
}

export interface LayoutOptions {
  readonly direction?: 'LR' | 'RL' | 'TB' | 'BT';
  /** A factor's box; by default estimated from its label the way the canvas wraps it. */
  readonly nodeSize?: Size | ((f: LayoutFactor) => Size);
  /** Space between boxes of one layer, and between layers. */
  readonly nodeGap?: number;
  readonly layerGap?: number;
  /**
   * 'dagre' draws fewer crossings but can take seconds past ~100 factors; 'layered' is quick at
   * any size. 'auto' (the default) uses dagre up to DAGRE_MAX_FACTORS / DAGRE_MAX_LINKS.
   */
  readonly engine?: 'auto' | 'dagre' | 'layered';
  /**
   * Left to right only: a layout wider than this (width over height) is wrapped into bands
   * stacked top to bottom (see wrap.ts). Infinity keeps one long strip.
   */
  readonly maxAspect?: number;
}

/** Beyond these dagre can take seconds on a two-core laptop (bench/io.bench.ts). */
export const DAGRE_MAX_FACTORS = 100;
export const DAGRE_MAX_LINKS = 200;

const CHARS_PER_LINE = 24;
const LINE_HEIGHT = 18;

/** The canvas gives a factor a fixed width and wraps its label: height grows with the label. */
export function estimateFactorSize(label = ''): Size {
  const lines = Math.min(6, Math.max(1, Math.ceil(label.trim().length / CHARS_PER_LINE)));
  return { width: 200, height: 28 + lines * LINE_HEIGHT };
}

function sizer(options: LayoutOptions): (f: LayoutFactor) => Size {
  const s = options.nodeSize;
  if (s === undefined) return (f) => estimateFactorSize(f.label);
  return typeof s === 'function' ? s : () => s;
}

type Direction = NonNullable<LayoutOptions['direction']>;

function withDagre(
  ids: readonly string[], edges: readonly LayoutLink[], sizes: ReadonlyMap<string, Size>,
  direction: Direction, nodeGap: number, layerGap: number,
): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: nodeGap, ranksep: layerGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) {
    const s = sizes.get(id)!;
    g.setNode(id, { width: s.width, height: s.height });
  }
  for (const l of edges) g.setEdge(l.source, l.target);
  dagre.layout(g);
  return new Map(ids.map((id) => {
    const n = g.node(id) as { x: number; y: number };
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

/** Top-left corners (the map's convention), starting at (0, 0). */
export function layoutMap(
  factors: readonly LayoutFactor[],
  links: readonly LayoutLink[],
  options: LayoutOptions = {},
): Map<string, Position> {
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
    const engine = options.engine ?? 'auto';
    const useDagre = engine === 'dagre'
      || (engine === 'auto' && linked.size <= DAGRE_MAX_FACTORS && edges.length <= DAGRE_MAX_LINKS);
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
