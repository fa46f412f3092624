import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The side panels, each a feature of its own (src/features/<name>/). A panel loads when first
 * opened, so analysis or export code does not weigh on the first load of a map.
 * To add one: append `{ id, labelKey, forViewers, key, component: lazy(() => import(…)) }`
 * here; the module default-exports the panel and registers its own translations with
 * i18next's addResourceBundle.
 */
export interface PanelDef {
  id: string;
  /**
   * i18n key of the button and panel title. It must live in the core bundles (src/i18n, under
   * `panels.`): the feature's own strings arrive only when its panel is first opened.
   */
  labelKey: string;
  /** Shown to view-link users too. */
  forViewers: boolean;
  /** Keyboard shortcut (a single key, no modifier). */
  key?: string;
  component: LazyExoticComponent<ComponentType>;
}

export const PANELS: PanelDef[] = [
  { id: 'inspector', labelKey: 'panels.inspector', forViewers: true, key: 'i', component: lazy(() => import('../features/inspector/InspectorPanel')) },
  { id: 'workshop-views', labelKey: 'workshop.views.title', forViewers: true, key: 'v', component: lazy(() => import('../features/workshop/views/ViewsPanel')) },
  { id: 'workshop-voting', labelKey: 'workshop.voting.title', forViewers: true, key: 'd', component: lazy(() => import('../features/workshop/voting/VotingPanel')) },
  { id: 'workshop-groups', labelKey: 'workshop.groups.title', forViewers: true, key: 'g', component: lazy(() => import('../features/workshop/groups/GroupsPanel')) },
  { id: 'loops', labelKey: 'panels.loops', forViewers: true, key: 'l', component: lazy(() => import('../features/analysis/LoopsPanel')) },
  { id: 'key-factors', labelKey: 'panels.keyFactors', forViewers: true, key: 'k', component: lazy(() => import('../features/analysis/KeyFactorsPanel')) },
  { id: 'focus', labelKey: 'panels.focus', forViewers: true, key: 'f', component: lazy(() => import('../features/analysis/FocusPanel')) },
  { id: 'themes', labelKey: 'panels.themes', forViewers: true, key: 't', component: lazy(() => import('../features/themes/ThemesPanel')) },
  { id: 'stories', labelKey: 'panels.stories', forViewers: true, key: 's', component: lazy(() => import('../features/stories/StoriesPanel')) },
];
