import { defineSlice, sliceHook } from '../../session';

/** A problem with a file as the model (or the relay) reports it: translated by its code. */
export interface Issue {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** English, for codes this app has no words for. */
  readonly message: string;
  readonly file?: string;
}

export type ImportReport =
  | { kind: 'done'; factors: number; links: number; reused: number; warnings: readonly Issue[] }
  | { kind: 'failed'; newMap: boolean; errors: readonly Issue[] };

export interface ImportState {
  dialogOpen: boolean;
  busy: boolean;
  report: ImportReport | null;
  set: (patch: Partial<Omit<ImportState, 'set'>>) => void;
}

export const importSlice = defineSlice<ImportState>('import', (set) => ({
  dialogOpen: false,
  busy: false,
  report: null,
  set: (patch) => set(patch),
}));

export const useImport = sliceHook(importSlice);
