import { defineSlice, sliceHook } from '../../session';

/** How the map shows the evidence behind links. */
export type EvidenceFilter =
  | { mode: 'all' }
  /** Links supported by fewer than `min` stories are dimmed. */
  | { mode: 'atLeast'; min: number }
  /** Links with no story stand out; the rest is dimmed. */
  | { mode: 'uncited' };

/** This user's story view while the map is open; never in the document. */
export interface StoriesViewState {
  query: string;
  /** The story whose factors and links are highlighted. */
  tracing: string | null;
  filter: EvidenceFilter;
  showCounts: boolean;
  /** The story being edited in the form; 'new' for a new one. */
  editing: string | null;
  /** What the last drop onto the canvas did, shown until the next one. */
  notice: string | null;
  setQuery: (q: string) => void;
  setTracing: (id: string | null) => void;
  setFilter: (f: EvidenceFilter) => void;
  setShowCounts: (on: boolean) => void;
  setEditing: (id: string | null) => void;
  setNotice: (n: string | null) => void;
}

export const storiesSlice = defineSlice<StoriesViewState>('stories', (set) => ({
  query: '',
  tracing: null,
  filter: { mode: 'all' },
  showCounts: true,
  editing: null,
  notice: null,
  setQuery: (query) => set({ query }),
  setTracing: (tracing) => set({ tracing }),
  setFilter: (filter) => set({ filter }),
  setShowCounts: (showCounts) => set({ showCounts }),
  setEditing: (editing) => set({ editing }),
  setNotice: (notice) => set({ notice }),
}));

export const useStoriesView = sliceHook(storiesSlice);

/** The MIME type a dragged story carries (its id); other drags are left alone. */
export const STORY_DRAG_TYPE = 'application/x-trame-story';
