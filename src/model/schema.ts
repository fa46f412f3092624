/**
 * The layout of a Trame map inside one Y.Doc. Other tools (and our relay) read this layout,
 * so every change here goes with a change to docs/schema.md.
 */
export const SCHEMA_VERSION = 1;

/** Names of the top-level Y.Maps of a map document. */
export const ROOT = {
  factors: 'factors',
  links: 'links',
  meta: 'meta',
} as const;

export type Polarity = '+' | '-' | '?';
export const POLARITIES: readonly Polarity[] = ['+', '-', '?'];

export const MAX_LABEL_CHARS = 500;
export const MAX_NOTES_CHARS = 20_000;
export const MIN_STRENGTH = 1;
export const MAX_STRENGTH = 3;

/** A factor as the app and the analysis see it: validated, plain, immutable. */
export interface Factor {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly theme?: string;
  readonly notes?: string;
  readonly icon?: string;
}

export interface Link {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly polarity: Polarity;
  readonly strength?: number;
  readonly delay?: boolean;
  readonly notes?: string;
}

export interface MapMeta {
  readonly schemaVersion: number;
  readonly title: string;
  readonly language: string;
}
