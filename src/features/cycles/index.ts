import { lazy } from 'react';
import type { Feature } from '../../session';
import { cyclesSlice, historySlice } from './store';

/**
 * Action-research cycles (issue 19): the map's state saved by name and kept by the relay,
 * looked at read-only, compared (overlay, side by side and table) and restored; and who changed what, with
 * a notice when a change of yours was replaced by a concurrent one. The read-only session a
 * snapshot is shown through is made by viewed.ts, which the app uses in place of the live one.
 */
export const cycles: Feature = {
  id: 'cycles',
  slices: [cyclesSlice, historySlice],
  panels: [
    { id: 'cycles', labelKey: 'panels.cycles', forViewers: true, key: 'c', component: lazy(() => import('./CyclesPanel')) },
    { id: 'history', labelKey: 'panels.history', forViewers: true, key: 'h', component: lazy(() => import('./HistoryPanel')) },
  ],
  mounts: [
    { id: 'cycles-view', place: 'canvas', component: lazy(() => import('./ViewBanner')) },
    { id: 'cycles-history', place: 'canvas', component: lazy(() => import('./HistoryMount')) },
  ],
};

export { useSideBySide, useViewedSession } from './viewed';

/**
 * A comparison side by side (two read-only canvases, one viewport), drawn by the app in place
 * of the canvas while useSideBySide() is true; the app hands it its canvas component.
 */
export const SideBySide = lazy(() => import('./SideBySide'));
