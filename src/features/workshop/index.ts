import { lazy } from 'react';
import type { Feature } from '../../session';
import { pictogramDecoration } from './pictograms/decoration';
import { WORKSHOP_SHORTCUTS } from './shortcuts';
import { workshopSlice } from './store';

/** Workshop mode: saved views, projector, following, dot voting, action groups, pictograms. */
export const workshop: Feature = {
  id: 'workshop',
  slices: [workshopSlice],
  panels: [
    { id: 'workshop-views', labelKey: 'panels.views', forViewers: true, key: 'v', component: lazy(() => import('./views/ViewsPanel')) },
    { id: 'workshop-voting', labelKey: 'panels.voting', forViewers: true, key: 'd', component: lazy(() => import('./voting/VotingPanel')) },
    { id: 'workshop-groups', labelKey: 'panels.groups', forViewers: true, key: 'g', component: lazy(() => import('./groups/GroupsPanel')) },
  ],
  mounts: [
    { id: 'workshop-toolbar', place: 'toolbar', component: lazy(() => import('./WorkshopToolbar')) },
    { id: 'workshop-canvas', place: 'canvas', component: lazy(() => import('./WorkshopCanvas')) },
  ],
  shortcuts: WORKSHOP_SHORTCUTS,
  factorDecorations: [pictogramDecoration],
};
