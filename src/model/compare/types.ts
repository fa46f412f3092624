import type { LoopKind } from '../analysis/loops';
import type { Factor, Link } from '../schema';
import type { Theme } from '../themes';

/**
 * One side of a comparison: a map as it stood (a snapshot, the live map, another map). Plain
 * data, validated by the readers, so it can come from a Y.Doc, a worker or an HTTP body.
 */
export interface MapState {
  readonly factors: readonly Factor[];
  readonly links: readonly Link[];
  /** Resolves factors' `theme` field to names; without it themes compare as stored. */
  readonly themes?: readonly Theme[];
}

/**
 * Which element of `from` is which element of `to`. Snapshots of one map match by id
 * (matchById); two different maps match by label (the merge's matching). Links are never
 * matched here: a link is the same when its two ends are, so a link deleted and drawn again
 * between the same factors is "changed", not "removed and added".
 */
export interface Matching {
  /** from factor id → to factor id; an id absent on either side is unmatched. */
  readonly factors: ReadonlyMap<string, string>;
  /**
   * from theme id → to theme id, to tell a factor's theme changed from a theme renamed. When
   * absent, themes match by id, then by name (any case).
   */
  readonly themes?: ReadonlyMap<string, string>;
}

export type FactorField = 'label' | 'theme' | 'notes' | 'icon';
export type LinkField = 'polarity' | 'strength' | 'delay' | 'notes';

export const FACTOR_FIELDS: readonly FactorField[] = ['label', 'theme', 'notes', 'icon'];
export const LINK_FIELDS: readonly LinkField[] = ['polarity', 'strength', 'delay', 'notes'];

export interface FactorChange {
  readonly from: Factor;
  readonly to: Factor;
  /** In FACTOR_FIELDS order. A theme counts as changed when it is another theme, not renamed. */
  readonly fields: readonly FactorField[];
}

export interface LinkChange {
  readonly from: Link;
  readonly to: Link;
  readonly fields: readonly LinkField[];
}

/** A loop of one side, in that side's factor ids. */
export interface LoopRef {
  readonly id: string;
  readonly factors: readonly string[];
  readonly kind: LoopKind;
}

export interface LoopChange {
  readonly from: LoopRef;
  readonly to: LoopRef;
}

export interface LoopsDiff {
  /** Loops of `to` with no counterpart in `from`. */
  readonly appeared: readonly LoopRef[];
  /** Loops of `from` with no counterpart in `to`. */
  readonly disappeared: readonly LoopRef[];
  /** The same loop whose kind changed (a polarity flipped: reinforcing became balancing). */
  readonly changedKind: readonly LoopChange[];
  readonly unchanged: number;
  /** True when a side had more loops than the search lists: the lists may miss long loops. */
  readonly truncated: boolean;
}

export interface MapDiff {
  /** The matching the comparison used (overlays place removed elements with it). */
  readonly matching: Matching;
  readonly factors: {
    /** In `to`, sorted by label. */
    readonly added: readonly Factor[];
    /** In `from`, sorted by label. */
    readonly removed: readonly Factor[];
    readonly changed: readonly FactorChange[];
    readonly unchanged: number;
  };
  readonly links: {
    readonly added: readonly Link[];
    readonly removed: readonly Link[];
    readonly changed: readonly LinkChange[];
    readonly unchanged: number;
  };
  /** Absent when the comparison was asked without loops. */
  readonly loops?: LoopsDiff;
}

/** True when nothing was added, removed or changed. */
export function isEmptyDiff(d: MapDiff): boolean {
  const { factors: f, links: l, loops } = d;
  return f.added.length + f.removed.length + f.changed.length + l.added.length + l.removed.length
    + l.changed.length + (loops ? loops.appeared.length + loops.disappeared.length + loops.changedKind.length : 0) === 0;
}
