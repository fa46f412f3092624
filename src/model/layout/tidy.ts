import type * as Y from 'yjs';
import { moveFactors } from '../ops';
import { readSnapshot } from '../reader';
import { layoutMap, type LayoutOptions } from './layout';

const quiet = () => undefined;

/**
 * "Tidy up": lays out the given factors (all by default) with the links between them, as one
 * undo step. The block keeps its top-left corner, so tidying a selection does not send it
 * across the canvas; with `options.pinned` ("tidy around what I placed") those factors stay
 * put and the others are placed around them, in the map's own coordinates. Returns how many
 * factors moved.
 */
export function tidyUp(doc: Y.Doc, factorIds?: readonly string[], options: LayoutOptions = {}): number {
  const snap = readSnapshot(doc, quiet);
  const wanted = factorIds ? new Set(factorIds) : null;
  const factors = wanted ? snap.factors.filter((f) => wanted.has(f.id)) : snap.factors;
  if (factors.length === 0) return 0;
  const chosen = new Set(factors.map((f) => f.id));
  const links = snap.links.filter((l) => chosen.has(l.source) && chosen.has(l.target));
  const laid = layoutMap(factors, links, options);
  const anchored = (options.pinned?.size ?? 0) > 0 && factors.some((f) => options.pinned!.has(f.id));
  const left = anchored ? 0 : Math.min(...factors.map((f) => f.x));
  const top = anchored ? 0 : Math.min(...factors.map((f) => f.y));
  const moves = factors.map((f) => {
    const p = laid.get(f.id)!;
    return { id: f.id, x: Math.round(p.x + left), y: Math.round(p.y + top) };
  });
  return moveFactors(doc, moves);
}
