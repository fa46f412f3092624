import type { Factor, Link } from '../schema';
import type { FactorField, LinkField, MapDiff, MapState } from './types';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** A factor of the overlay: `to`'s factor, or `from`'s where it was removed. */
export interface OverlayFactor {
  /** Unique in the overlay: `to`'s id, or `from`'s id for a removed factor (prefixed if taken). */
  readonly key: string;
  readonly factor: Factor;
  readonly status: DiffStatus;
  readonly fields: readonly FactorField[];
  /** The factor as it was, for a changed one (the legend shows "was: …"). */
  readonly was?: Factor;
}

export interface OverlayLink {
  readonly key: string;
  /** Keys of overlay factors. */
  readonly source: string;
  readonly target: string;
  readonly link: Link;
  readonly status: DiffStatus;
  readonly fields: readonly LinkField[];
  readonly was?: Link;
}

export interface Overlay {
  readonly factors: readonly OverlayFactor[];
  readonly links: readonly OverlayLink[];
}

/**
 * Both states drawn as one map: everything `to` has, at its positions, plus what `from` had
 * and `to` lost, at the positions it had, each with its status for the legend's colours.
 * A removed link between two factors that are still there joins their `to` counterparts.
 */
export function overlayOf(to: MapState, diff: MapDiff): Overlay {
  const changedF = new Map(diff.factors.changed.map((c) => [c.to.id, c]));
  const addedF = new Set(diff.factors.added.map((f) => f.id));
  const factors: OverlayFactor[] = to.factors.map((f) => {
    const c = changedF.get(f.id);
    if (c) return { key: f.id, factor: f, status: 'changed', fields: c.fields, was: c.from };
    return { key: f.id, factor: f, status: addedF.has(f.id) ? 'added' : 'unchanged', fields: [] };
  });
  const taken = new Set(to.factors.map((f) => f.id));
  const keyOfFrom = new Map<string, string>();
  for (const [fromId, toId] of diff.matching.factors) if (taken.has(toId)) keyOfFrom.set(fromId, toId);
  for (const f of diff.factors.removed) {
    const key = taken.has(f.id) ? `was:${f.id}` : f.id;
    keyOfFrom.set(f.id, key);
    taken.add(key);
    factors.push({ key, factor: f, status: 'removed', fields: [] });
  }

  const changedL = new Map(diff.links.changed.map((c) => [c.to.id, c]));
  const addedL = new Set(diff.links.added.map((l) => l.id));
  const links: OverlayLink[] = to.links.map((l) => {
    const c = changedL.get(l.id);
    const base = { key: l.id, source: l.source, target: l.target, link: l };
    if (c) return { ...base, status: 'changed', fields: c.fields, was: c.from };
    return { ...base, status: addedL.has(l.id) ? 'added' : 'unchanged', fields: [] };
  });
  const linkKeys = new Set(to.links.map((l) => l.id));
  for (const l of diff.links.removed) {
    const source = keyOfFrom.get(l.source);
    const target = keyOfFrom.get(l.target);
    if (source === undefined || target === undefined) continue;
    const key = linkKeys.has(l.id) ? `was:${l.id}` : l.id;
    linkKeys.add(key);
    links.push({ key, source, target, link: l, status: 'removed', fields: [] });
  }
  return { factors, links };
}
