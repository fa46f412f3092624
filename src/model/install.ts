import { dropFactorCitations, dropLinkCitations, dropStoryCitations } from './citations';
import { groupsSection, viewsSection, votesSection } from './io/sections-workshop';
import { storiesSection } from './io/sections-stories';
import { loopsSection } from './io/sections/loops';
import { themesSection } from './io/sections/themes';
import type { JsonSection } from './io/json-sections';
import type { Warn } from './log';
import { dropLoopNotesThrough } from './loops';
import { modelRegistry, type ModelRegistry } from './registry';
import { dropFactorsFromViews } from './views';

/**
 * The one place the model is wired. Called at each start: the app's (src/app/loadModel.ts, when the first page that needs the model loads), the
 * relay's (server/app.ts) and the tests' (test/setup.ts). Nothing in the model registers
 * itself on import, so what runs, and in which order, is what is written here.
 */
export interface InstallOptions {
  /** Where readers report a peer's malformed entry when their caller gives no logger; silent if absent. */
  readonly warn?: Warn;
}

/**
 * The JSON file's sections beyond factors, links and meta, in the order they are written and
 * imported. Stories carry their citations, so they come before the parts that only point at
 * factors and loops.
 */
export const JSON_SECTIONS: readonly (readonly [string, JsonSection])[] = [
  ['themes', themesSection as JsonSection],
  ['loops', loopsSection as JsonSection],
  ['stories', storiesSection as JsonSection],
  ['views', viewsSection as JsonSection],
  ['votes', votesSection as JsonSection],
  ['groups', groupsSection as JsonSection],
];

/**
 * Wires the registry once (a second call only replaces the logger) and returns it. Every hook
 * runs inside the removing transaction, so one undo brings back the removed element together
 * with what went with it. Votes and groups are left alone on purpose: a closed vote's result
 * and a group's origin record what was (docs/schema.md).
 */
export function installModel(options: InstallOptions = {}, registry: ModelRegistry = modelRegistry): ModelRegistry {
  if (options.warn) registry.warn = options.warn;
  if (registry.isInstalled) return registry;
  // With a factor go the annotations of the loops through it, its citations, its place in views.
  registry.onFactorsRemoved(dropLoopNotesThrough);
  registry.onFactorsRemoved(dropFactorCitations);
  registry.onFactorsRemoved(dropFactorsFromViews);
  // With a link (removed alone, or taken along by its factor) go its citations.
  registry.onLinksRemoved(dropLinkCitations);
  // With a story go its citations.
  registry.onStoryRemoved(dropStoryCitations);
  for (const [name, section] of JSON_SECTIONS) registry.registerJsonSection(name, section);
  registry.markInstalled();
  return registry;
}
