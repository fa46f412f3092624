import { MarkerType } from '@xyflow/react';
import type { Factor, Link } from '../model';
import { POLARITY_COLOUR } from '../ui/polarity';
import type { FactorNodeType, LinkEdgeType } from './types';

/**
 * Folds a new document snapshot into React Flow's node list. A node whose factor did not
 * change is returned as the same object, so React Flow and the memoised node skip it; the
 * flags React Flow owns (selected, measured, dragging) are carried over; a node this user is
 * dragging keeps its live position until the drop writes it.
 */
export function reconcileNodes(
  prev: readonly FactorNodeType[], factors: readonly Factor[], domAttributes?: FactorNodeType['domAttributes'],
): FactorNodeType[] {
  const byId = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== factors.length;
  const attrs = domAttributes ? { domAttributes } : {};
  const next = factors.map((factor, i) => {
    const old = byId.get(factor.id);
    if (old && old.data.factor === factor && old.domAttributes === domAttributes) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    if (!old) {
      return { id: factor.id, type: 'factor' as const, position: { x: factor.x, y: factor.y }, data: { factor }, ...attrs };
    }
    return {
      ...old,
      position: old.dragging ? old.position : { x: factor.x, y: factor.y },
      data: { factor },
      ...attrs,
    };
  });
  return changed ? next : (prev as FactorNodeType[]);
}

const markers = Object.fromEntries(
  (Object.keys(POLARITY_COLOUR) as (keyof typeof POLARITY_COLOUR)[]).map((p) => [
    p,
    // Sized in map units, not stroke widths: a strength-3 link keeps a readable arrowhead.
    { type: MarkerType.ArrowClosed, color: POLARITY_COLOUR[p], width: 22, height: 22, markerUnits: 'userSpaceOnUse' },
  ]),
) as Record<Link['polarity'], LinkEdgeType['markerEnd']>;

const BEND_PX = 28;

/** What a screen reader says of a link: its name, and what it is (React Flow says "edge"). */
export interface LinkA11y {
  readonly label: (link: Link) => string;
  readonly domAttributes: LinkEdgeType['domAttributes'];
}

/**
 * Folds the links into React Flow's edges, as reconcileNodes does the factors: the same edge
 * for an unchanged link, the same array when no edge changed. `a11y` names a link for screen
 * readers by its factors ("Lien de Sécheresse vers Exode"; React Flow's own default is "Edge
 * from <id> to <id>"); it is run for every link when a factor changes, hence the reuse.
 */
export function reconcileEdges(prev: readonly LinkEdgeType[], links: readonly Link[], a11y?: LinkA11y): LinkEdgeType[] {
  const byId = new Map(prev.map((e) => [e.id, e]));
  const pairs = new Set(links.map((l) => `${l.source}\u0000${l.target}`));
  let changed = prev.length !== links.length;
  const next = links.map((link, i) => {
    const bend = pairs.has(`${link.target}\u0000${link.source}`) ? BEND_PX : 0;
    const label = a11y?.label(link);
    const old = byId.get(link.id);
    if (old && old.data?.link === link && old.data.bend === bend && old.ariaLabel === label
      && old.domAttributes === a11y?.domAttributes) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return {
      ...(old ?? {}),
      id: link.id,
      type: 'link' as const,
      source: link.source,
      target: link.target,
      markerEnd: markers[link.polarity],
      ...(a11y ? { ariaLabel: label, domAttributes: a11y.domAttributes } : {}),
      data: { link, bend },
    };
  });
  return changed ? next : (prev as LinkEdgeType[]);
}

interface Overlay {
  emphasis: { factors: ReadonlySet<string>; links: ReadonlySet<string> } | null;
  hidden: ReadonlySet<string>;
  /** A class per element, given by an overlay layer (a comparison's statuses). */
  classes?: ReadonlyMap<string, string>;
}

interface Derived<T> {
  className: string | undefined;
  hidden: boolean;
  out: T;
}

const NO_CLASSES: ReadonlyMap<string, string> = new Map();
// What an overlay made of each node and edge, by the object it was made from: an edit to one
// factor while a focus or a comparison is shown gives one new node, not a copy of every dimmed
// or classed one (each copy makes React Flow render its box again).
const derivedNodes = new WeakMap<FactorNodeType, Derived<FactorNodeType>>();
const derivedEdges = new WeakMap<LinkEdgeType, Derived<LinkEdgeType>>();

function derive<T extends FactorNodeType | LinkEdgeType>(
  cache: WeakMap<T, Derived<T>>, item: T, dimmed: boolean, hidden: boolean, cls: string | undefined,
): T {
  if (!dimmed && !hidden && !cls) return item;
  const className = dimmed && cls ? `dimmed ${cls}` : dimmed ? 'dimmed' : cls;
  const known = cache.get(item);
  if (known && known.className === className && known.hidden === hidden) return known.out;
  const out = { ...item, className, hidden };
  cache.set(item, { className, hidden, out });
  return out;
}

/**
 * Dims what is not emphasised, hides what a focus, view or filter leaves out, and adds the
 * classes an overlay gives. An unchanged node under an unchanged overlay is the same object.
 */
export function overlayNodes(nodes: FactorNodeType[], o: Overlay): FactorNodeType[] {
  const classes = o.classes ?? NO_CLASSES;
  if (!o.emphasis && o.hidden.size === 0 && classes.size === 0) return nodes;
  return nodes.map((n) => derive(derivedNodes, n, !!o.emphasis && !o.emphasis.factors.has(n.id), o.hidden.has(n.id), classes.get(n.id)));
}

export function overlayEdges(edges: LinkEdgeType[], o: Overlay): LinkEdgeType[] {
  const classes = o.classes ?? NO_CLASSES;
  if (!o.emphasis && o.hidden.size === 0 && classes.size === 0) return edges;
  return edges.map((e) => derive(
    derivedEdges, e, !!o.emphasis && !o.emphasis.links.has(e.id), o.hidden.has(e.source) || o.hidden.has(e.target), classes.get(e.id),
  ));
}

/** Shows factors a peer is dragging where the peer's pointer has them, before the drop. */
export function withRemoteDrags(
  nodes: FactorNodeType[],
  drags: ReadonlyMap<string, { x: number; y: number }>,
): FactorNodeType[] {
  if (drags.size === 0) return nodes;
  return nodes.map((n) => {
    const p = drags.get(n.id);
    return p && !n.dragging ? { ...n, position: p } : n;
  });
}
