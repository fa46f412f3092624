import { defineSlice, sliceHook } from '../../session';
import type { FocusDirection } from '../../model/analysis';

export type FocusTab = 'neighbourhood' | 'paths';

/** The focus panel's choices, kept while the map is open. */
export interface FocusState {
  tab: FocusTab;
  factorId: string | null;
  direction: FocusDirection;
  depth: number;
  /** Hide the factors outside the focus instead of dimming them. */
  hideOthers: boolean;
  from: string | null;
  to: string | null;
  /** The one path shown, by index in the result; null shows them all. */
  pathIndex: number | null;
  set: (patch: Partial<Omit<FocusState, 'set'>>) => void;
}

export const focusSlice = defineSlice<FocusState>('focus', (set) => ({
  tab: 'neighbourhood',
  factorId: null,
  direction: 'both',
  depth: 1,
  hideOthers: false,
  from: null,
  to: null,
  pathIndex: null,
  set: (patch) => set(patch),
}));

export const useFocus = sliceHook(focusSlice);

export const MAX_DEPTH = 6;

/** The overlay layer both focus sections draw in: one focus at a time. */
export const FOCUS_LAYER = 'focus';
