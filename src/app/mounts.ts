import type { ComponentType } from 'react';
import StoriesMount from '../features/stories/StoriesMount';
import AnalysisMount from '../features/analysis/AnalysisMount';
import ThemesMount from '../features/themes/ThemesMount';
import ExportButton from '../features/export/ExportButton';
import ImportButton from '../features/import/ImportButton';
import ImportMount from '../features/import/ImportMount';
import { WorkshopCanvas } from '../features/workshop/WorkshopCanvas';
import { WorkshopToolbar } from '../features/workshop/WorkshopToolbar';

/**
 * Components every map screen mounts beside the canvas: a feature's keyboard handler, its
 * overlay layer writer, a file-drop zone, a toolbar button. Features append here; each
 * renders null or its own small piece of UI. `place` says where it goes.
 */
export interface Mount {
  id: string;
  place: 'toolbar' | 'canvas';
  component: ComponentType;
}

export const MOUNTS: Mount[] = [
  { id: 'workshop-toolbar', place: 'toolbar', component: WorkshopToolbar },
  { id: 'workshop-canvas', place: 'canvas', component: WorkshopCanvas },
  { id: 'analysis', place: 'canvas', component: AnalysisMount },
  { id: 'themes', place: 'canvas', component: ThemesMount },
  { id: 'stories', place: 'canvas', component: StoriesMount },
  { id: 'import', place: 'toolbar', component: ImportButton },
  { id: 'import-drop', place: 'canvas', component: ImportMount },
  { id: 'export', place: 'toolbar', component: ExportButton },
];
