import { lazy } from 'react';
import type { Feature } from '../../session';
import { storiesSlice } from './store';

/** Life stories as the evidence behind factors and links. */
export const stories: Feature = {
  id: 'stories',
  slices: [storiesSlice],
  panels: [{ id: 'stories', labelKey: 'panels.stories', forViewers: true, key: 's', component: lazy(() => import('./StoriesPanel')) }],
  mounts: [{ id: 'stories', place: 'canvas', component: lazy(() => import('./StoriesMount')) }],
};
