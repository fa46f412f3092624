import type * as Y from 'yjs';

/**
 * Parts of the model other than factors, links and meta (themes, loops, stories, citations,
 * views, votes, groups…) plug into the JSON format as sections, without editing the core;
 * installModel (../install.ts) registers them, in order:
 *
 *   registry.registerJsonSection('themes', { export, validate, import });
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
