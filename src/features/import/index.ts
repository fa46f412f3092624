import { lazy } from 'react';
import type { Feature } from '../../session';
import { importSlice } from './store';

/** Files into the map (CSV, GraphML, Trame JSON), a map file as a new map, and Tidy up. */
export const importFeature: Feature = {
  id: 'import',
  slices: [importSlice],
  mounts: [
    { id: 'import', place: 'toolbar', component: lazy(() => import('./ImportButton')) },
    { id: 'import-drop', place: 'canvas', component: lazy(() => import('./ImportMount')) },
  ],
};
