import { useEffect } from 'react';
import { defineSlice } from '../store';
import { sliceHook, useSliceGetter } from '../useSlice';

/**
 * What analysis, stories, votes and views draw over the map for this user: emphasis (the rest
 * is dimmed), hidden factors, factor scale, badges and canvas markers. Session state, never in
 * the document. Each feature writes its own layer, so one feature clearing its view does not
 * wipe another's.
 */
export interface Badge {
  text: string;
  title?: string;
  /** added / removed / changed: a comparison's status (features/cycles), in words beside the style. */
  tone?: 'info' | 'vote' | 'story' | 'group' | 'loop' | 'added' | 'removed' | 'changed';
}

export interface CanvasMarker {
  id: string;
  x: number;
  y: number;
  text: string;
  title?: string;
  tone?: 'reinforcing' | 'balancing' | 'unknown';
}

export interface OverlayLayer {
  /** Elements to emphasise; everything else is dimmed. */
  emphasis?: { factors: ReadonlySet<string>; links: ReadonlySet<string> };
  /** Factors not shown at all (focus "hide", saved views, theme filter). */
  hidden?: ReadonlySet<string>;
  /** Relative size of factors, 1 = normal. */
  scale?: ReadonlyMap<string, number>;
  factorBadges?: ReadonlyMap<string, readonly Badge[]>;
  linkBadges?: ReadonlyMap<string, readonly Badge[]>;
  markers?: readonly CanvasMarker[];
  /**
   * A class per factor or link (a comparison's "added", "removed"…), put on its box and its
   * link so the layer's own styles apply; the canvas' overview draws a classed link or factor
   * in the colour and dashes those styles give it.
   */
  classes?: ElementClasses;
}

export interface ElementClasses {
  readonly factors?: ReadonlyMap<string, string>;
  readonly links?: ReadonlyMap<string, string>;
}

interface Combined {
  emphasis: { factors: ReadonlySet<string>; links: ReadonlySet<string> } | null;
  hidden: ReadonlySet<string>;
  scale: ReadonlyMap<string, number>;
  factorBadges: ReadonlyMap<string, readonly Badge[]>;
  linkBadges: ReadonlyMap<string, readonly Badge[]>;
  markers: readonly CanvasMarker[];
  factorClasses: ReadonlyMap<string, string>;
  linkClasses: ReadonlyMap<string, string>;
}

export interface OverlayState extends Combined {
  layers: Readonly<Record<string, OverlayLayer>>;
  setLayer: (source: string, layer: OverlayLayer | null) => void;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((x) => b.has(x)));
}

/** The classes of every layer for one kind of element, space-separated when layers share one. */
function mergeClasses(maps: (ReadonlyMap<string, string> | undefined)[]): ReadonlyMap<string, string> {
  const given = maps.filter((m): m is ReadonlyMap<string, string> => !!m && m.size > 0);
  if (given.length === 0) return NO_CLASSES;
  if (given.length === 1) return given[0]!;
  const out = new Map<string, string>();
  for (const m of given) m.forEach((c, id) => out.set(id, out.has(id) ? `${out.get(id)} ${c}` : c));
  return out;
}

const NO_CLASSES: ReadonlyMap<string, string> = new Map();

function mergeBadges(maps: (ReadonlyMap<string, readonly Badge[]> | undefined)[]): Map<string, Badge[]> {
  const out = new Map<string, Badge[]>();
  for (const m of maps) m?.forEach((badges, id) => out.set(id, [...(out.get(id) ?? []), ...badges]));
  return out;
}

export function combine(layers: Record<string, OverlayLayer>): Combined {
  const ls = Object.values(layers);
  let emphasis: Combined['emphasis'] = null;
  const hidden = new Set<string>();
  const scale = new Map<string, number>();
  for (const l of ls) {
    if (l.emphasis) {
      emphasis = emphasis
        ? { factors: intersect(emphasis.factors, l.emphasis.factors), links: intersect(emphasis.links, l.emphasis.links) }
        : l.emphasis;
    }
    l.hidden?.forEach((id) => hidden.add(id));
    l.scale?.forEach((v, id) => scale.set(id, v));
  }
  return {
    emphasis,
    hidden,
    scale,
    factorBadges: mergeBadges(ls.map((l) => l.factorBadges)),
    linkBadges: mergeBadges(ls.map((l) => l.linkBadges)),
    markers: ls.flatMap((l) => l.markers ?? []),
    factorClasses: mergeClasses(ls.map((l) => l.classes?.factors)),
    linkClasses: mergeClasses(ls.map((l) => l.classes?.links)),
  };
}

export const overlaySlice = defineSlice<OverlayState>('overlay', (set) => ({
  layers: {},
  ...combine({}),
  setLayer: (source, layer) =>
    set((s) => {
      if (!layer && !(source in s.layers)) return s;
      const layers = { ...s.layers };
      if (layer) layers[source] = layer;
      else delete layers[source];
      return { layers, ...combine(layers) };
    }),
}));

export const useOverlay = sliceHook(overlaySlice);

/**
 * Keeps one named layer of the overlay: set whenever `layer` changes (null clears it), cleared
 * when the component goes. A feature's layer never touches another's.
 */
export function useOverlayLayer(source: string, layer: OverlayLayer | null): void {
  const overlay = useSliceGetter(overlaySlice);
  useEffect(() => overlay().setLayer(source, layer), [overlay, source, layer]);
  useEffect(() => () => overlay().setLayer(source, null), [overlay, source]);
}
