import { defineSlice, sliceHook } from '../../session';

/** The export dialog's choices, kept for this session so a second export starts from the first's. */
export interface ExportChoices {
  open: boolean;
  format: 'png' | 'svg';
  pixelRatio: 1 | 2 | 3 | 4;
  background: 'white' | 'transparent';
  withTitle: boolean;
  withLegend: boolean;
  excel: boolean;
  set: (patch: Partial<Omit<ExportChoices, 'set'>>) => void;
}

export const exportSlice = defineSlice<ExportChoices>('export', (set) => ({
  open: false,
  format: 'png',
  pixelRatio: 2,
  background: 'white',
  withTitle: true,
  withLegend: true,
  excel: false,
  set: (patch) => set(patch),
}));

export const useExport = sliceHook(exportSlice);
