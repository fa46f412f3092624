import type * as Y from 'yjs';

/**
 * Parts of the model other than factors, links and meta (themes, loops, stories, citations,
 * views, votes, groups…) plug into the JSON format here, without editing the core:
 *
 *   registerJsonSection('themes', { export, validate, import });
 *
 * The section is written under its name at the top level of the file. On import, `validate`
 * runs while parsing (before anything is written) and `import` runs inside the import's one
 * transaction, after factors and links: it must not throw, because a Yjs transaction cannot
 * be rolled back; anything that could fail belongs in `validate`.
 */
export interface SectionIssue {
  /** A path inside the file, e.g. `themes[2].name`. */
  readonly where: string;
  /** English; shown as is (the app has no translation for a section's own messages). */
  readonly message: string;
}

export interface SectionValidateContext {
  /** Factor and link ids as they are in the file. */
  readonly factorIds: ReadonlySet<string>;
  readonly linkIds: ReadonlySet<string>;
}

export interface SectionImportContext {
  readonly mode: 'new' | 'merge';
  /**
   * Ids in the file → ids in the map, for factors and links (the same id when a map is
   * created, fresh ones when merging into an open map). A section that remaps its own ids
   * may add them here for the sections after it.
   */
  readonly idMap: Map<string, string>;
  /** Factors this import created, in the map's ids. */
  readonly newFactorIds: readonly string[];
  /** The id to use for an id of this section's own: kept when creating a map, fresh when merging. */
  freshId(fileId: string): string;
}

export interface JsonSection<T = unknown> {
  /** undefined when the map has nothing in this section: the key is left out of the file. */
  export(doc: Y.Doc): T | undefined;
  validate(raw: unknown, ctx: SectionValidateContext): SectionIssue[];
  import(doc: Y.Doc, data: T, ctx: SectionImportContext): void;
}

/** Keys of the file that belong to the core format. */
export const CORE_JSON_KEYS: ReadonlySet<string> = new Set(['format', 'schemaVersion', 'meta', 'factors', 'links']);

const sections = new Map<string, JsonSection>();

/** Registering a name again replaces it (hot reload re-runs the registering module). */
export function registerJsonSection<T>(name: string, section: JsonSection<T>): void {
  if (CORE_JSON_KEYS.has(name)) throw new Error(`'${name}' is part of the core JSON format`);
  sections.set(name, section as JsonSection);
}

export function unregisterJsonSection(name: string): void {
  sections.delete(name);
}

/** In registration order, which is also the order of import. */
export function jsonSections(): ReadonlyMap<string, JsonSection> {
  return sections;
}
