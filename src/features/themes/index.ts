import { lazy } from 'react';
import type { Feature } from '../../session';
import { themeDecoration } from './decoration';
import { themesSlice } from './store';

/** Named colour groups of factors: the legend, the filter, a colour band on each factor. */
export const themes: Feature = {
  id: 'themes',
  slices: [themesSlice],
  panels: [{ id: 'themes', labelKey: 'panels.themes', forViewers: true, key: 't', component: lazy(() => import('./ThemesPanel')) }],
  mounts: [{ id: 'themes', place: 'canvas', component: lazy(() => import('./ThemesMount')) }],
  factorDecorations: [themeDecoration],
};
