import { lazy } from 'react';
import type { Feature } from '../../session';

/** Details of the selected factor or link. */
export const inspector: Feature = {
  id: 'inspector',
  panels: [{ id: 'inspector', labelKey: 'panels.inspector', forViewers: true, key: 'i', component: lazy(() => import('./InspectorPanel')) }],
};
