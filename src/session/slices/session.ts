import { create } from 'zustand';

/**
 * Session state: what this user sees and has chosen on this device, never shared and never
 * in the document. Presence (what others see of us) lives in awareness.
 */
export interface SessionState {
  selectedFactorIds: readonly string[];
  selectedLinkIds: readonly string[];
  /** The factor whose label is being edited inline, if any. */
  editingFactorId: string | null;
  panel: string | null;
  error: string | null;
  setSelection: (factors: readonly string[], links: readonly string[]) => void;
  setEditing: (id: string | null) => void;
  setPanel: (panel: string | null) => void;
  togglePanel: (panel: string) => void;
  showError: (message: string | null) => void;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const useSession = create<SessionState>((set) => ({
  selectedFactorIds: [],
  selectedLinkIds: [],
  editingFactorId: null,
  panel: null,
  error: null,
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
}));
