import type { FileFactorSource, FileLinkSource } from '../merge/provenance-json';
import type { Polarity } from '../schema';
import { ioIssue, type IoIssue } from './issues';

/**
 * A map read from a file, fully validated, not yet written anywhere. Every parser returns one
 * of these so that importIntoDoc applies JSON, CSV and GraphML the same way.
 */
export interface ParsedFactor {
  /** The factor's name within the file: its id (JSON, GraphML) or its label (CSV). */
  readonly key: string;
  readonly label: string;
  /** Absent when the file has no position: the importer lays the factor out. */
  readonly x?: number;
  readonly y?: number;
  readonly theme?: string;
  readonly notes?: string;
  readonly icon?: string;
  /** Which mini-maps it came from (a meta-map's file, issue 18). */
  readonly sources?: readonly FileFactorSource[];
}

export interface ParsedLink {
  /** The link's id in the file, when it has one. */
  readonly key?: string;
  /** Keys of factors of the same ParsedMap. */
  readonly source: string;
  readonly target: string;
  readonly polarity: Polarity;
  readonly strength?: number;
  readonly delay?: boolean;
  readonly notes?: string;
  readonly sources?: readonly FileLinkSource[];
}

export type MetaValue = string | number | boolean;

export type ParsedFormat = 'json' | 'csv' | 'graphml' | 'xlsx' | 'kumu';

export interface ParsedMap {
  readonly format: ParsedFormat;
  /** Title, language and any other meta fields; applied only when the import creates a map. */
  readonly meta: Readonly<Record<string, MetaValue>>;
  readonly factors: readonly ParsedFactor[];
  readonly links: readonly ParsedLink[];
  /** Factor and link keys are Trame ids, kept when the import creates a map (JSON, GraphML). */
  readonly keepIds: boolean;
  /**
   * Factors are known by their label (CSV): merging into an open map reuses a factor with the
   * same label instead of adding a twin, so a file of links can follow a file of factors.
   */
  readonly matchByLabel: boolean;
  /** `theme` holds a theme's name (CSV, GraphML) rather than the value stored in the map (JSON). */
  readonly themeIsName: boolean;
  /** Extra JSON sections (themes, loops, stories…), validated by their registered handlers. */
  readonly sections: Readonly<Record<string, unknown>>;
  /** Things worth telling the user that did not stop the import. */
  readonly warnings: readonly IoIssue[];
}

export type ParseResult = { ok: true; map: ParsedMap } | { ok: false; errors: IoIssue[] };

/** Beyond these a workshop map is not what the file holds; refusing early keeps the tab alive. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_FACTORS = 5_000;
export const MAX_IMPORT_LINKS = 20_000;

/** Ids we keep as they are: what newId makes, and the short names other tools give (n0, e12). */
const KEEPABLE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export function isKeepableId(id: string): boolean {
  return KEEPABLE_ID.test(id);
}

/** Refuses maps beyond the import limits (checked after parsing, before anything is written). */
export function limitIssues(factors: number, links: number): IoIssue[] {
  const out: IoIssue[] = [];
  if (factors > MAX_IMPORT_FACTORS) out.push(ioIssue('import.tooManyFactors', { count: factors, limit: MAX_IMPORT_FACTORS }));
  if (links > MAX_IMPORT_LINKS) out.push(ioIssue('import.tooManyLinks', { count: links, limit: MAX_IMPORT_LINKS }));
  return out;
}
