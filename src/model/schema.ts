/**
 * The layout of a Trame map inside one Y.Doc, as the app sees it once read. Each root map's
 * fields, limits and rules are declared once in spec/ (docs/schema.md is generated from it);
 * these are the plain types the readers return.
 */
export { ROOT, type RootName } from './spec/names';
export {
  MAX_ICON_CHARS, MAX_LABEL_CHARS, MAX_NOTES_CHARS, MAX_STRENGTH, MIN_STRENGTH, PLACEHOLDER_LABEL, POLARITIES,
  SCHEMA_VERSION, type Polarity,
} from './spec/limits';
import type { Polarity } from './spec/limits';

/** A factor as the app and the analysis see it: validated, plain, immutable. */
export interface Factor {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly theme?: string;
  readonly notes?: string;
  readonly icon?: string;
  /** A person moved it by hand (a drag): "tidy around what I placed" keeps it where it is. */
  readonly placed?: boolean;
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
