/**
 * Every limit of the document's fields, in one place, with its unit in its name. The spec of
 * each root (spec/*.ts) uses them; the modules that used to define them re-export them.
 */

/** meta.schemaVersion of the documents this code writes; migrations (spec/migrate.ts) lead to it. */
export const SCHEMA_VERSION = 1;

export const MAX_LABEL_CHARS = 500;
export const MAX_NOTES_CHARS = 20_000;
/** A pictogram name (icons.ts); a newer peer may know names this one does not. */
export const MAX_ICON_CHARS = 64;
/** A BCP 47 language tag (meta.language, a story's language). */
export const MAX_LANGUAGE_CHARS = 16;
export const MIN_STRENGTH = 1;
export const MAX_STRENGTH = 3;

/** A loop id is its factor ids joined by '>'. */
export const MAX_LOOP_ID_CHARS = 4_000;

export const MAX_CODE_CHARS = 64;
export const MAX_SUMMARY_CHARS = 2_000;
export const MAX_STORY_FIELD_CHARS = 200;
export const MAX_DATE_CHARS = 64;
export const MAX_TAG_CHARS = 64;
export const MAX_TAGS = 50;
export const MAX_STORY_ID_CHARS = 64;

export const MAX_DOTS_PER_PERSON = 20;
export const MAX_VOTER_ID_CHARS = 64;

export const MAX_ACTION_CHARS = 2_000;

/**
 * What a reader shows for a factor label (or another name) that a peer left blank: the entry
 * stays on the map with its links, and an export writes this, so the file re-imports.
 */
export const PLACEHOLDER_LABEL = '…';

export type Polarity = '+' | '-' | '?';
export const POLARITIES: readonly Polarity[] = ['+', '-', '?'];

export type ActionStatus = 'todo' | 'doing' | 'done';
export const ACTION_STATUSES: readonly ActionStatus[] = ['todo', 'doing', 'done'];

export type RoundStatus = 'open' | 'closed';
export const ROUND_STATUSES: readonly RoundStatus[] = ['open', 'closed'];
