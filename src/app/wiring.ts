import type { TFunction } from 'i18next';
import { CANVAS_SHORTCUTS } from '../canvas/shortcuts';
import { analysis } from '../features/analysis';
import { cycles } from '../features/cycles';
import { exportFeature } from '../features/export';
import { importFeature } from '../features/import';
import { inspector } from '../features/inspector';
import { mergeFeature } from '../features/merge';
import { stories } from '../features/stories';
import { themes } from '../features/themes';
import { workshop } from '../features/workshop';
import { PresenceCursors } from '../presence/PresenceCursors';
import { PublishPresence } from '../presence/PublishPresence';
import {
  CORE_SLICES, sessionSlice, sliceOf, type AnySlice, type CanvasContributions, type Feature, type MountDef,
  type PanelDef, type Shortcut,
} from '../session';

/**
 * Where the map page is put together, in one visible place: which features there are, the
 * slices of each open map's store, the side panels and their order, what is mounted beside the
 * canvas and in the toolbar, what the canvas draws for others, and the keyboard shortcuts in
 * the order they are tried. Nothing registers itself by being imported.
 */
const FEATURES: readonly Feature[] = [inspector, workshop, analysis, themes, stories, cycles, importFeature, mergeFeature, exportFeature];

export const SLICES: readonly AnySlice[] = [...CORE_SLICES, ...FEATURES.flatMap((f) => f.slices ?? [])];

export const PANELS: readonly PanelDef[] = FEATURES.flatMap((f) => f.panels ?? []);

export const MOUNTS: readonly MountDef[] = FEATURES.flatMap((f) => f.mounts ?? []);

export const CANVAS: CanvasContributions = {
  layers: [
    { id: 'presence-cursors', component: PresenceCursors },
    { id: 'presence-publish', component: PublishPresence },
  ],
  factorDecorations: FEATURES.flatMap((f) => f.factorDecorations ?? []),
};

const HELP: Shortcut = {
  id: 'help', group: 'workshop', chords: [{ key: '?' }], what: (t: TFunction) => t('help.help'), forViewers: true,
  run: (ctx) => sliceOf(ctx.session.store, sessionSlice).setHelp(true),
};

/** A panel's key opens or closes it, for view-link users too when the panel is theirs. */
function panelShortcut(p: PanelDef & { key: string }): Shortcut {
  return {
    id: `panel-${p.id}`, group: 'panels', chords: [{ key: p.key }], forViewers: p.forViewers,
    what: (t) => t('help.panel', { label: t(p.labelKey) }),
    run: (ctx) => sliceOf(ctx.session.store, sessionSlice).togglePanel(p.id),
  };
}

/**
 * The order is the priority: the workshop's keys first (F5, and ← → in projector mode, before
 * React Flow's), then the canvas', then the help (`?` is never a polarity key).
 */
export const SHORTCUTS: readonly Shortcut[] = [
  ...workshop.shortcuts ?? [],
  ...CANVAS_SHORTCUTS,
  HELP,
  ...PANELS.filter((p): p is PanelDef & { key: string } => !!p.key).map(panelShortcut),
  ...FEATURES.filter((f) => f !== workshop).flatMap((f) => f.shortcuts ?? []),
];
