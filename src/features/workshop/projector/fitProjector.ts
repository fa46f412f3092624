import type { ReactFlowInstance } from '@xyflow/react';
import { fitBoxes, newOverlaps, type Rect, type Viewport } from '../../../ui/fit';
import { drawnBoxes, paneObstacles, paneSize, type FlowStore } from '../../../ui/flowFrame';
import { CANVAS_FONT_PX, PROJECTOR_FONT_PX, PROJECTOR_MIN_ZOOM } from './constants';

const FONT_VAR = '--factor-font';
/** Halvings of the label size search: 1/128 of the range, well under a pixel of type. */
const STEPS = 7;
/** Boxes keep at least this far apart (map units) when their type grows. */
const GAP = 4;

const setFont = (px: number) => document.documentElement.style.setProperty(FONT_VAR, `${px.toFixed(2)}px`);

export function clearProjectorFont(): void {
  document.documentElement.style.removeProperty(FONT_VAR);
}

/**
 * Projector mode's frame: the largest label size, up to the projector's, at which no two boxes
 * that were apart at the canvas' size come closer than GAP — found on the boxes as the browser
 * draws them (a label rewraps as it grows, and boxes keep the canvas' widest width, so their
 * growth is not a plain scale) — then the map fitted whole under no overlay, zoomed out as far
 * as it needs. Synchronous: each read of a box's size lays the page out with the size just
 * set. With `ids` (a step's factors) the type is sized for those alone: a step of a few
 * factors is drawn large.
 */
export function fitProjector(
  flow: ReactFlowInstance, store: FlowStore, durationMs = 300, ids?: readonly string[],
): { scale: number; viewport: Viewport } | null {
  setFont(CANVAS_FONT_PX);
  const { boxes: base } = drawnBoxes(store, ids);
  if (base.length === 0) {
    setFont(PROJECTOR_FONT_PX);
    return null;
  }
  const drawnAt = (k: number): Rect[] => {
    setFont(CANVAS_FONT_PX * k);
    return drawnBoxes(store, ids).boxes;
  };
  const apart = (k: number) => newOverlaps(base, drawnAt(k), GAP) === 0;
  let lo = 1;
  let hi = PROJECTOR_FONT_PX / CANVAS_FONT_PX;
  if (apart(hi)) lo = hi;
  else {
    for (let i = 0; i < STEPS; i++) {
      const mid = (lo + hi) / 2;
      if (apart(mid)) lo = mid;
      else hi = mid;
    }
  }
  const grown = drawnAt(lo);
  const viewport = fitBoxes(grown, paneSize(store), { obstacles: paneObstacles(store), maxZoom: 1, minZoom: PROJECTOR_MIN_ZOOM });
  void flow.setViewport(viewport, { duration: durationMs });
  return { scale: lo, viewport };
}
