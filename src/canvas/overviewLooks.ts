import type { LinkEdgeType } from './types';

/**
 * How the overview's canvas draws the links and factors an overlay marks (a comparison's
 * "added", "removed", "changed"…), read from the page's own styles: each marked element gets
 * a hidden probe shaped as React Flow draws it (a link's path, a factor's box) with its id and
 * the class the overlay gives it, and the probe's computed style is what the canvas draws. So
 * whatever stylesheet a feature keeps, keyed by class or by element id, the overview follows
 * it without knowing the feature. An element is marked when an overlay layer gives it a class
 * or a badge. Read when the links or the overlay change, never per frame: all probes go in at
 * once and are read after one style pass.
 */
export interface LinkLook {
  readonly colour?: string;
  readonly width?: number;
  readonly dash?: readonly number[];
  readonly alpha?: number;
  /** A glow around the line (a CSS drop-shadow): drawn as a wider, fainter line under it. */
  readonly halo?: { readonly colour: string; readonly blur: number };
}

export interface FactorLook {
  readonly colour: string;
  readonly dashed: boolean;
}

export interface Looks {
  /** By link id. */
  readonly links: ReadonlyMap<string, LinkLook>;
  /** By factor id. */
  readonly factors: ReadonlyMap<string, FactorLook>;
}

export const NO_LOOKS: Looks = { links: new Map(), factors: new Map() };

export interface Marks {
  readonly factorClasses: ReadonlyMap<string, string>;
  readonly factorBadges: ReadonlyMap<string, unknown>;
  readonly linkBadges: ReadonlyMap<string, unknown>;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An element's classes without the overview's own dimming, which the canvas draws itself. */
export function lookClass(className: string | undefined): string {
  return className ? className.split(/\s+/).filter((c) => c && c !== 'dimmed').join(' ') : '';
}

const dashOf = (v: string): number[] =>
  v === 'none' || v === '' ? [] : v.split(/[\s,]+/).map(parseFloat).filter((n) => Number.isFinite(n) && n >= 0);

const COLOUR = /rgba?\([^)]*\)|#[0-9a-f]{3,8}/gi;
const WHITE = /^(rgba?\(255, 255, 255(, 1)?\)|#fff(fff)?)$/i;
/** The first colour in a computed box-shadow that is not white (a double ring's gap is). */
const shadowColour = (shadow: string): string | null => shadow.match(COLOUR)?.find((c) => !WHITE.test(c)) ?? null;

function haloOf(filter: string): LinkLook['halo'] {
  const m = /drop-shadow\((rgba?\([^)]*\)|#[0-9a-f]{3,8})\s+-?[\d.]+px\s+-?[\d.]+px\s+([\d.]+)px\)/i.exec(filter);
  return m ? { colour: m[1]!, blur: parseFloat(m[2]!) } : undefined;
}

/** A probe of one link as LinkEdge draws it: React Flow's edge group and path. */
function linkProbe(shelf: Element, cls: string, id: string | null): Element {
  const svg = document.createElementNS(SVG, 'svg');
  const g = document.createElementNS(SVG, 'g');
  g.setAttribute('class', `react-flow__edge${cls ? ` ${cls}` : ''}`);
  if (id !== null) {
    g.setAttribute('data-id', id);
    g.setAttribute('data-testid', `rf__edge-${id}`);
  }
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('class', 'react-flow__edge-path');
  g.append(path);
  svg.append(g);
  shelf.append(svg);
  return path;
}

/** A probe of one factor as FactorNode draws it: React Flow's node wrapper and the box. */
function factorProbe(shelf: Element, cls: string, id: string | null): Element {
  const node = document.createElement('div');
  node.className = `react-flow__node${cls ? ` ${cls}` : ''}`;
  if (id !== null) {
    node.dataset.id = id;
    node.dataset.testid = `rf__node-${id}`;
  }
  const box = document.createElement('div');
  box.className = 'factor';
  node.append(box);
  shelf.append(node);
  return box;
}

/** One probe per class (with the id of an element that has it), or per id for an unclassed mark. */
function groups(marked: Iterable<readonly [string, string]>): Map<string, { cls: string; id: string; ids: string[] }> {
  const out = new Map<string, { cls: string; id: string; ids: string[] }>();
  for (const [id, cls] of marked) {
    const key = cls ? `.${cls}` : `#${id}`;
    const g = out.get(key);
    if (g) g.ids.push(id);
    else out.set(key, { cls, id, ids: [id] });
  }
  return out;
}

/** The looks of the marked links and factors, read under `host` (the canvas' viewport). */
export function readLooks(host: Element | null, links: readonly LinkEdgeType[], marks: Marks): Looks {
  const markedLinks: [string, string][] = [];
  for (const e of links) {
    const cls = lookClass(e.className);
    if (cls || marks.linkBadges.has(e.id)) markedLinks.push([e.id, cls]);
  }
  const markedFactors = new Map<string, string>();
  for (const id of marks.factorBadges.keys()) markedFactors.set(id, '');
  for (const [id, cls] of marks.factorClasses) markedFactors.set(id, cls);
  if (!host || (markedLinks.length === 0 && markedFactors.size === 0)) return NO_LOOKS;

  const linkGroups = groups(markedLinks);
  const factorGroups = groups(markedFactors);
  // Hidden, but styled like any element there; every probe in first, so one style pass reads all.
  const shelf = document.createElement('div');
  shelf.setAttribute('aria-hidden', 'true');
  shelf.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;visibility:hidden;pointer-events:none';
  const plainLink = linkProbe(shelf, '', null);
  const plainFactor = factorProbe(shelf, '', null);
  const linkProbes = [...linkGroups.values()].map((g) => ({ g, el: linkProbe(shelf, g.cls, g.id) }));
  const factorProbes = [...factorGroups.values()].map((g) => ({ g, el: factorProbe(shelf, g.cls, g.id) }));
  host.append(shelf);
  try {
    const linkLooks = new Map<string, LinkLook>();
    const base = getComputedStyle(plainLink);
    const [stroke, width, dash, opacity, filter] = [base.stroke, base.strokeWidth, base.strokeDasharray, base.opacity, base.filter];
    for (const { g, el } of linkProbes) {
      const s = getComputedStyle(el);
      const halo = s.filter !== filter ? haloOf(s.filter) : undefined;
      const look: LinkLook = {
        ...(s.stroke !== stroke && s.stroke !== 'none' ? { colour: s.stroke } : {}),
        ...(s.strokeWidth !== width ? { width: parseFloat(s.strokeWidth) } : {}),
        ...(s.strokeDasharray !== dash ? { dash: dashOf(s.strokeDasharray) } : {}),
        ...(s.opacity !== opacity ? { alpha: parseFloat(s.opacity) } : {}),
        ...(halo ? { halo } : {}),
      };
      if (Object.keys(look).length > 0) for (const id of g.ids) linkLooks.set(id, look);
    }
    const factorLooks = new Map<string, FactorLook>();
    const plain = getComputedStyle(plainFactor);
    const [shadow, border, style] = [plain.boxShadow, plain.borderTopColor, plain.borderTopStyle];
    for (const { g, el } of factorProbes) {
      const s = getComputedStyle(el);
      // The border's colour first (a ring's is often a paler one, or white), else the ring's.
      const colour = (s.borderTopColor !== border ? s.borderTopColor : null) || (s.boxShadow !== shadow ? shadowColour(s.boxShadow) : null);
      if (!colour) continue;
      const look = { colour, dashed: s.borderTopStyle === 'dashed' && style !== 'dashed' };
      for (const id of g.ids) factorLooks.set(id, look);
    }
    return { links: linkLooks, factors: factorLooks };
  } finally {
    shelf.remove();
  }
}
