import { defineSlice, sliceHook } from '../../session';
import type { Presence } from '../../model/merge/compare-maps';
import type { ConfirmedPair } from '../../model/merge/match-maps';
import type { Ghost, GhostLink } from './StatusOverlay';

/**
 * This user's merge and comparison state for the open map (session, never in the document):
 * which dialog is open, what the canvas shows of the groups' consensus, and the comparison
 * drawn over the map.
 */
export interface CompareShown {
  /** The other map's title, for the legend. */
  readonly title: string;
  /** This map's factor and link ids → where they are found. */
  readonly factors: ReadonlyMap<string, Presence>;
  readonly links: ReadonlyMap<string, Presence>;
  /** What only the other map has, placed next to its neighbours here. */
  readonly ghosts: readonly Ghost<Presence>[];
  readonly ghostLinks: readonly GhostLink<Presence>[];
  readonly counts: Record<Presence, { factors: number; links: number }>;
}

export interface MergeViewState {
  dialog: 'merge' | 'compare' | null;
  /** Group counts as badges on factors and links. */
  showBadges: boolean;
  /** Only links drawn by at least this many groups stay bright (0: off). */
  minGroups: number;
  /** Factors sized by the share of the groups that drew them. */
  sizeByConsensus: boolean;
  compare: CompareShown | null;
  /**
   * Near pairs a viewer confirmed or refused in "Comparer", by the other map's source key:
   * remembered while the map is open (an editor's answers are kept in the document).
   */
  confirmedPairs: ReadonlyMap<string, readonly ConfirmedPair[]>;
  refusedPairs: ReadonlyMap<string, readonly ConfirmedPair[]>;
  set: (patch: Partial<Omit<MergeViewState, 'set'>>) => void;
}

export const mergeSlice = defineSlice<MergeViewState>('merge', (set) => ({
  dialog: null,
  showBadges: false,
  minGroups: 0,
  sizeByConsensus: false,
  compare: null,
  confirmedPairs: new Map(),
  refusedPairs: new Map(),
  set: (patch) => set(patch),
}));

export const useMergeView = sliceHook(mergeSlice);
