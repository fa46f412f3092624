import { defineSlice, sliceHook } from '../../session';
import type { PageSizeId } from './page-size';

/** The export dialog's choices, kept for this session so a second export starts from the first's. */
export interface ExportChoices {
  open: boolean;
  format: 'png' | 'svg';
  pixelRatio: 1 | 2 | 3 | 4;
  /** A report sheet to fit the image on; 'map': the map's own size at pixelRatio. */
  pageSize: PageSizeId | 'map';
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
  pageSize: 'map',
  background: 'white',
  withTitle: true,
  withLegend: true,
  excel: false,
  set: (patch) => set(patch),
}));

export const useExport = sliceHook(exportSlice);
