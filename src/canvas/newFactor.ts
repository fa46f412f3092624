import type { ReactFlowInstance } from '@xyflow/react';
import type * as Y from 'yjs';
import { addFactor } from '../model';
import { freeSpot, type Rect } from '../model/layout/free-spot';

/** A new factor's box before the canvas measures it ("Nouveau facteur" on one line). */
const NEW_FACTOR_SIZE = { width: 160, height: 40 };
const NEW_FACTOR_HALF = { x: NEW_FACTOR_SIZE.width / 2, y: NEW_FACTOR_SIZE.height / 2 };
/** Room between a selected factor and the one added next to it. */
const BESIDE_GAP = 60;

type Flow = Pick<ReactFlowInstance, 'screenToFlowPosition' | 'getNodes'>;

/** The boxes on the canvas as React Flow measured them (a guess for those not yet measured). */
function boxesOf(flow: Flow): Rect[] {
  return flow.getNodes().map((n) => ({
    x: n.position.x, y: n.position.y,
    width: n.measured?.width ?? n.width ?? NEW_FACTOR_SIZE.width,
    height: n.measured?.height ?? n.height ?? NEW_FACTOR_SIZE.height,
  }));
}

/** A new factor centred on a point of the screen; its id, to edit its label at once. */
export function addFactorAt(doc: Y.Doc, flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>, screen: { x: number; y: number }, label: string): string {
  const p = flow.screenToFlowPosition(screen);
  return addFactor(doc, { label, x: Math.round(p.x - NEW_FACTOR_HALF.x), y: Math.round(p.y - NEW_FACTOR_HALF.y) });
}

/**
 * A new factor from the N key or the toolbar's button (issue 12): next to the selected factor
 * when one is selected (what is added next is often linked to it), else in the middle of the
 * map's pane; in either case in the nearest free space, never on top of another factor, so
 * factors added one after the other do not hide each other.
 */
export function addFactorAtCentre(doc: Y.Doc, flow: Flow, label: string): string {
  const boxes = boxesOf(flow);
  const selected = flow.getNodes().filter((n) => n.selected);
  let target: { x: number; y: number };
  if (selected.length === 1) {
    const s = selected[0]!;
    const w = s.measured?.width ?? NEW_FACTOR_SIZE.width;
    const h = s.measured?.height ?? NEW_FACTOR_SIZE.height;
    target = { x: s.position.x + w + BESIDE_GAP + NEW_FACTOR_HALF.x, y: s.position.y + h / 2 };
  } else {
    const box = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = box
      ? { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    target = flow.screenToFlowPosition(centre);
  }
  const at = freeSpot(boxes, NEW_FACTOR_SIZE, target);
  return addFactor(doc, { label, x: at.x, y: at.y });
}
