import type { ComponentType, LazyExoticComponent } from 'react';

/**
 * The side panels, each a feature of its own (src/features/<name>/). A panel loads when first
 * opened, so analysis or export code does not weigh on the first load of a map.
 * To add one: append `{ id, labelKey, forViewers, key, component: lazy(() => import(…)) }`
 * here; the module default-exports the panel and registers its own translations with
 * i18next's addResourceBundle.
 */
export interface PanelDef {
  id: string;
  /** i18n key of the button and panel title. */
  labelKey: string;
  /** Shown to view-link users too. */
  forViewers: boolean;
  /** Keyboard shortcut (a single key, no modifier). */
  key?: string;
  component: LazyExoticComponent<ComponentType>;
}

export const PANELS: PanelDef[] = [];
