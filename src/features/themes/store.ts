import { defineSlice, sliceHook } from '../../session';

/** Stands for "factors with no theme" in the filter. */
export const NO_THEME = '';

/** This user's theme filter and legend, kept while the map is open; never in the document. */
export interface ThemeViewState {
  /** Theme ids shown (NO_THEME: factors without one); empty shows everything. */
  shown: ReadonlySet<string>;
  legendOnMap: boolean;
  toggleShown: (id: string) => void;
  showAll: () => void;
  setLegendOnMap: (on: boolean) => void;
}

export const themesSlice = defineSlice<ThemeViewState>('themes', (set) => ({
  shown: new Set(),
  legendOnMap: false,
  toggleShown: (id) => set((s) => {
    const shown = new Set(s.shown);
    if (shown.has(id)) shown.delete(id);
    else shown.add(id);
    return { shown };
  }),
  showAll: () => set({ shown: new Set() }),
  setLegendOnMap: (legendOnMap) => set({ legendOnMap }),
}));

export const useThemeView = sliceHook(themesSlice);
