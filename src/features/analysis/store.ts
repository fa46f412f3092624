import { defineSlice, sliceHook } from '../../session';
import type { Analysis, AnalysisInput } from '../../model/analysis';
import { DEFAULT_MAX_LOOP_LENGTH, DEFAULT_MAX_LOOPS } from '../../model/analysis/loops';

/** The bounds the app's loop search runs with: the model's defaults. */
export const LOOP_BOUNDS = { maxLength: DEFAULT_MAX_LOOP_LENGTH, maxCount: DEFAULT_MAX_LOOPS } as const;

export type AnalysisStatus = 'idle' | 'computing' | 'ready' | 'error';

/**
 * The latest analysis of the open map, computed in a worker by AnalysisMount and read by the
 * loops and key-factors panels and the loop markers. Session state, never in the document.
 */
export interface AnalysisState {
  status: AnalysisStatus;
  analysis: Analysis | null;
  /** The input `analysis` was computed from. */
  analysedInput: AnalysisInput | null;
  error: string | null;
  /** Bumped by "try again" to rerun a failed analysis. */
  attempt: number;
  computing: () => void;
  /** `current`: computed from the map as it is now (no newer edit waiting). */
  done: (input: AnalysisInput, analysis: Analysis, current: boolean) => void;
  failed: (message: string) => void;
  retry: () => void;
  reset: () => void;
}

export const analysisSlice = defineSlice<AnalysisState>('analysis', (set) => ({
  status: 'idle',
  analysis: null,
  analysedInput: null,
  error: null,
  attempt: 0,
  computing: () => set({ status: 'computing', error: null }),
  done: (analysedInput, analysis, current) => set({ status: current ? 'ready' : 'computing', analysis, analysedInput, error: null }),
  failed: (error) => set({ status: 'error', error }),
  retry: () => set((s) => ({ attempt: s.attempt + 1 })),
  reset: () => set({ status: 'idle', analysis: null, analysedInput: null, error: null }),
}));

export const useAnalysis = sliceHook(analysisSlice);

export type LoopFilter = 'all' | 'reinforcing' | 'balancing' | 'key';
/** `consensus`: the share of the merged mini-maps that drew the factor (issue 18). */
export type SizeMetric = 'none' | 'inDegree' | 'outDegree' | 'betweenness' | 'loopCount' | 'consensus';
export type SortKey = 'label' | 'inDegree' | 'outDegree' | 'betweenness' | 'loopCount';

/** What this user chose in the analysis panels; kept while the map is open. */
export interface AnalysisViewState {
  loopId: string | null;
  loopFilter: LoopFilter;
  sizeBy: SizeMetric;
  sort: { key: SortKey; descending: boolean };
  setLoop: (id: string | null) => void;
  setLoopFilter: (f: LoopFilter) => void;
  setSizeBy: (m: SizeMetric) => void;
  sortBy: (key: SortKey) => void;
}

export const analysisViewSlice = defineSlice<AnalysisViewState>('analysisView', (set) => ({
  loopId: null,
  loopFilter: 'all',
  sizeBy: 'none',
  sort: { key: 'loopCount', descending: true },
  setLoop: (loopId) => set({ loopId }),
  setLoopFilter: (loopFilter) => set({ loopFilter }),
  setSizeBy: (sizeBy) => set({ sizeBy }),
  // A new column sorts largest first (labels A to Z); the same column again reverses.
  sortBy: (key) => set((s) => ({
    sort: s.sort.key === key ? { key, descending: !s.sort.descending } : { key, descending: key !== 'label' },
  })),
}));

export const useAnalysisView = sliceHook(analysisViewSlice);
