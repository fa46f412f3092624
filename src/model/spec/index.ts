import { CITATIONS_SPEC } from './citations';
import { EDITORS_SPEC } from './editors';
import { FACTORS_SPEC } from './factors';
import { GROUPS_SPEC } from './groups';
import { LINKS_SPEC } from './links';
import { LOOPS_SPEC } from './loops';
import { MATCHES_SPEC } from './matches';
import { META_SPEC } from './meta';
import { ROOT, type RootName } from './names';
import { STORIES_SPEC } from './stories';
import { THEMES_SPEC } from './themes';
import type { RootSpec } from './types';
import { VIEWS_SPEC } from './views';
import { VOTES_SPEC } from './votes';

/**
 * One spec per root map of a Trame document: its name, scope, fields with their types and
 * limits, how a peer's malformed entry is skipped, and its migrations. The readers
 * (validate.ts, themes.ts, stories.ts…) read through it, the undo manager takes its roots
 * from it, the importers take their limits from it, and docs/schema.md's tables are
 * generated from it (test/model/spec/docs.test.ts fails when they disagree).
 */
export const ROOT_SPECS: readonly RootSpec[] = [
  FACTORS_SPEC, LINKS_SPEC, META_SPEC, THEMES_SPEC, LOOPS_SPEC, STORIES_SPEC, CITATIONS_SPEC,
  VIEWS_SPEC, VOTES_SPEC, GROUPS_SPEC, EDITORS_SPEC, MATCHES_SPEC,
];

const byName = new Map<string, RootSpec>(ROOT_SPECS.map((s) => [s.name, s]));

export function rootSpec(name: RootName): RootSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`No spec for root ${name}`);
  return spec;
}

/**
 * The roots a user's Ctrl+Z covers, in spec order. Not `votes`: a dot is a participant's act,
 * and Ctrl+Z after dragging a factor must not take someone's vote back; not `editors`, a
 * signature.
 */
export const UNDOABLE_ROOTS: readonly RootName[] = ROOT_SPECS.filter((s) => s.undoable).map((s) => s.name as RootName);

export { ROOT, type RootName };
export {
  CITATIONS_SPEC, EDITORS_SPEC, FACTORS_SPEC, GROUPS_SPEC, LINKS_SPEC, LOOPS_SPEC, MATCHES_SPEC, META_SPEC, STORIES_SPEC,
  THEMES_SPEC, VIEWS_SPEC, VOTES_SPEC,
};
export { ACTION_FIELDS } from './groups';
export { MATCH_ANSWERS } from './matches';
export { PRESENCE_SPEC } from './presence';
export { entryName, readEntry, readFields, type Plain } from './read';
export { f, fits, isBlank, maxChars, writable } from './fields';
export * from './limits';
export * from './checks';
export type * from './types';
export { expectedText, fieldsTable, fillSpecBlocks, presenceTable, rootsTable, rootTables, typeText } from './docs';
