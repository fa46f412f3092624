import type { ReactFlowInstance } from '@xyflow/react';
import type * as Y from 'yjs';
import { addFactor } from '../model';

/** Half a new factor's box: the factor is centred on the point asked for. */
const NEW_FACTOR_HALF = { x: 80, y: 20 };

/** A new factor centred on a point of the screen; its id, to edit its label at once. */
export function addFactorAt(doc: Y.Doc, flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>, screen: { x: number; y: number }, label: string): string {
  const p = flow.screenToFlowPosition(screen);
  return addFactor(doc, { label, x: Math.round(p.x - NEW_FACTOR_HALF.x), y: Math.round(p.y - NEW_FACTOR_HALF.y) });
}

/** A new factor in the middle of the map's pane (the N key and the toolbar's button). */
export function addFactorAtCentre(doc: Y.Doc, flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>, label: string): string {
  const box = document.querySelector('.react-flow')?.getBoundingClientRect();
  const centre = box
    ? { x: box.left + box.width / 2, y: box.top + box.height / 2 }
    : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  return addFactorAt(doc, flow, centre, label);
}
