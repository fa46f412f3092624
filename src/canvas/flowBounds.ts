import type { ReactFlowState } from '@xyflow/react';
import { nodeBox } from './lod';
import type { FactorNodeType, LinkEdgeType } from './types';

/** The canvas's store state, as the overview drawings (links canvas, minimap) read it. */
export type FlowState = ReactFlowState<FactorNodeType, LinkEdgeType>;

/** A rectangle in map units. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The part of the map the pane shows now, in map units. */
export function viewOf(s: FlowState): Rect {
  const [tx, ty, zoom] = s.transform;
  return { x: -tx / zoom, y: -ty / zoom, w: s.width / zoom, h: s.height / zoom };
}

/** What the shown factors' boxes cover, in map units; null when none is shown. */
export function shownBounds(s: FlowState): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of s.nodeLookup.values()) {
    if (n.hidden) continue;
    const b = nodeBox(n);
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
