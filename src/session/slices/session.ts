import { defineSlice } from '../store';
import { sliceHook } from '../useSlice';

/**
 * Session state: what this user sees and has chosen on this open map, never shared and never
 * in the document. Presence (what others see of us) lives in awareness.
 */
export interface SessionState {
  selectedFactorIds: readonly string[];
  selectedLinkIds: readonly string[];
  /** The factor whose label is being edited inline, if any. */
  editingFactorId: string | null;
  panel: string | null;
  error: string | null;
  /** The shortcuts help is open. */
  helpOpen: boolean;
  setSelection: (factors: readonly string[], links: readonly string[]) => void;
  setEditing: (id: string | null) => void;
  setPanel: (panel: string | null) => void;
  togglePanel: (panel: string) => void;
  showError: (message: string | null) => void;
  setHelp: (open: boolean) => void;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const sessionSlice = defineSlice<SessionState>('session', (set) => ({
  selectedFactorIds: [],
  selectedLinkIds: [],
  editingFactorId: null,
  panel: null,
  error: null,
  helpOpen: false,
  setSelection: (factors, links) =>
    set((s) =>
      same(s.selectedFactorIds, factors) && same(s.selectedLinkIds, links)
        ? s
        : { selectedFactorIds: factors, selectedLinkIds: links },
    ),
  setEditing: (id) => set({ editingFactorId: id }),
  setPanel: (panel) => set({ panel }),
  togglePanel: (panel) => set((s) => ({ panel: s.panel === panel ? null : panel })),
  showError: (error) => set({ error }),
  setHelp: (helpOpen) => set({ helpOpen }),
}));

export const useSession = sliceHook(sessionSlice);
