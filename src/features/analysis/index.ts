import { lazy } from 'react';
import type { Feature } from '../../session';
import { focusSlice } from './focusStore';
import { analysisSlice, analysisViewSlice } from './store';

/** Feedback loops, key factors, focus and paths; the analysis itself runs in a worker. */
export const analysis: Feature = {
  id: 'analysis',
  slices: [analysisSlice, analysisViewSlice, focusSlice],
  panels: [
    { id: 'loops', labelKey: 'panels.loops', forViewers: true, key: 'l', component: lazy(() => import('./LoopsPanel')) },
    { id: 'key-factors', labelKey: 'panels.keyFactors', forViewers: true, key: 'k', component: lazy(() => import('./KeyFactorsPanel')) },
    { id: 'focus', labelKey: 'panels.focus', forViewers: true, key: 'f', component: lazy(() => import('./FocusPanel')) },
  ],
  mounts: [{ id: 'analysis', place: 'canvas', component: lazy(() => import('./AnalysisMount')) }],
};
