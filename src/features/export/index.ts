import { lazy } from 'react';
import { sliceOf, type Feature } from '../../session';
import { exportSlice } from './store';

/** The map as an image, a map file and data files, from the browser. */
export const exportFeature: Feature = {
  id: 'export',
  slices: [exportSlice],
  mounts: [{ id: 'export', place: 'toolbar', component: lazy(() => import('./ExportButton')) }],
  shortcuts: [{
    // For viewers too: exporting changes nothing.
    id: 'export', group: 'canvas', chords: [{ key: 'e', mod: true, shift: false }], forViewers: true,
    what: (t) => t('help.export'),
    run: (ctx) => sliceOf(ctx.session.store, exportSlice).set({ open: true }),
  }],
};
