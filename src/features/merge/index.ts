import { lazy } from 'react';
import type { Feature } from '../../session';
import { mergeSlice } from './store';

/**
 * Mini-maps into the meta-map (issue 18): "Fusionner une mini-carte" with a review step,
 * provenance (who drew what) on the canvas and in the inspector, and "Comparer" with another
 * map drawn over this one.
 */
export const mergeFeature: Feature = {
  id: 'merge',
  slices: [mergeSlice],
  mounts: [
    { id: 'merge', place: 'toolbar', component: lazy(() => import('./MergeButtons')) },
    { id: 'merge-canvas', place: 'canvas', component: lazy(() => import('./MergeMount')) },
  ],
};
