/**
 * The vocabulary of the spec: what a root map of the document (or a presence field) is, and
 * what each of its fields holds. A spec is data, not code: the readers, the importers' checks,
 * the undo manager and docs/schema.md are derived from it or checked against it in tests.
 */

/** Where a record lives: in the Yjs document, in awareness (presence), or in the per-map store. */
export type Scope = 'document' | 'presence' | 'session';

/**
 * What a reader does with a bad value of this field written by a peer:
 * - `skip-entry`: the whole entry is skipped (a required field);
 * - `drop-field`: the field is read as absent and the entry kept (an optional field);
 * - `default`: the field reads as the spec's default (meta, counters);
 * Every one of them warns once, naming the entry by its id, never its content.
 */
export type IfBad = 'skip-entry' | 'drop-field' | 'default';

/**
 * A blank text (empty or spaces): refused by writers and read as bad (`refused`), refused by
 * writers and shown with PLACEHOLDER_LABEL (`placeholder`), or allowed everywhere (`allowed`).
 */
export type Blank = 'allowed' | 'refused' | 'placeholder';

export type FieldType =
  /** A string of at most maxChars UTF-16 code units; `truncated`: longer ones are cut on read. */
  | { readonly kind: 'text'; readonly maxChars: number; readonly blank: Blank; readonly long?: 'bad' | 'truncated' }
  /** A finite number. */
  | { readonly kind: 'finite'; readonly min?: number; readonly exclusiveMin?: boolean }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** `onlyTrue`: written only when true, absent means false. */
  | { readonly kind: 'boolean'; readonly onlyTrue?: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** `#rrggbb`. */
  | { readonly kind: 'color' }
  /** `yyyy-mm-dd`, a real calendar date; `empty`: '' is allowed and means none. */
  | { readonly kind: 'date'; readonly empty: boolean }
  /** A nested Y.Map used as a set: key → true. */
  | { readonly kind: 'set'; readonly of: string; readonly maxItems?: number; readonly maxItemChars?: number }
  /** A plain object (replaced whole), checked by `check`; `shape` says what it holds. */
  | { readonly kind: 'object'; readonly shape: string; readonly check: (v: unknown) => boolean }
  /** A nested Y.Map of keyed values, read by the root's own reader (a round's dots). */
  | { readonly kind: 'map'; readonly shape: string }
  /** A nested Y.Map<Y.Map> of records with their own fields (a group's actions). */
  | { readonly kind: 'records'; readonly of: string; readonly fields: Fields };

export interface FieldSpec {
  readonly type: FieldType;
  /** `when closed` and the like: a condition written out for the docs. */
  readonly required: boolean | string;
  readonly ifBad: IfBad;
  /** The value a reader gives an absent or (with ifBad: 'default') a bad field. */
  readonly default?: unknown;
  /** What the field means, for docs/schema.md. */
  readonly note: string;
}

export type Fields = Readonly<Record<string, FieldSpec>>;

/** A rule between fields of one entry (a link's source is not its target). */
export interface EntryRule {
  readonly rule: string;
  readonly holds: (entry: Readonly<Record<string, unknown>>) => boolean;
}

/**
 * A step that brings a document written at `from` to `to` (meta.schemaVersion). Version 1 is
 * the first; none is needed yet, and the list is where the next one goes.
 */
export interface Migration {
  readonly from: number;
  readonly to: number;
  readonly describe: string;
}

/**
 * How a root map holds its entries: `records` (id → Y.Map of fields), `fields` (the root is
 * itself one record: meta), `set` (key → true: citations), `signature` (a struct that only
 * carries a Yjs client id: editors).
 */
export type RootShape = 'records' | 'fields' | 'set' | 'signature';

export interface RootSpec {
  /** The root map's name in the Y.Doc (ROOT.x). */
  readonly name: string;
  readonly scope: 'document';
  readonly shape: RootShape;
  /** What one entry is called in warnings and the docs ("factor", "round"). */
  readonly entry: string;
  /** What a key is, and the check a key must pass (else the entry is skipped). */
  readonly key: { readonly describe: string; readonly check?: (key: string) => boolean };
  readonly fields: Fields;
  readonly rules?: readonly EntryRule[];
  /** Covered by a user's Ctrl+Z (undo.ts). */
  readonly undoable: boolean;
  /** Whether and under which name Trame's JSON file carries it. */
  readonly json: 'core' | 'section' | 'none';
  /** How a reader treats a peer's malformed entry, in one sentence for the docs. */
  readonly malformed: string;
  readonly migrations: readonly Migration[];
  /** One line of what the root is for. */
  readonly about: string;
}

/** A field of a presence (awareness) state: checked by the presence reader, never stored. */
export interface PresenceFieldSpec {
  readonly type: string;
  readonly note: string;
}

export interface PresenceSpec {
  readonly scope: 'presence';
  readonly fields: Readonly<Record<string, PresenceFieldSpec>>;
}
