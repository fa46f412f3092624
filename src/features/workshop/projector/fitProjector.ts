import type { ReactFlowInstance } from '@xyflow/react';
import { fitBoxes, newOverlaps, projectorFit, type Viewport } from '../../../ui/fit';
import { drawnBoxes, paneObstacles, paneSize, type FlowStore } from '../../../ui/flowFrame';
import { CANVAS_FONT_PX, LABEL_FLOOR_PX, PROJECTOR_FONT_PX, PROJECTOR_MIN_ZOOM } from './constants';

const FONT_VAR = '--factor-font';
/** Text does not scale exactly (wrapping, hinting): a grown map that touches tries 5 % smaller. */
const RETRY_FACTOR = 0.95;
const RETRIES = 6;

const setFont = (px: number) => document.documentElement.style.setProperty(FONT_VAR, `${px.toFixed(2)}px`);

export function clearProjectorFont(): void {
  document.documentElement.style.removeProperty(FONT_VAR);
}

/**
 * Projector mode's first frame: measures the boxes at the canvas' size (with the projector's
 * bold type), picks the label size the room allows, draws it, checks on the real boxes that no
 * two that were apart now touch (smaller again if so), and fits the map whole under no overlay.
 * Synchronous: each read of a box's size lays the page out with the size just set.
 */
export function fitProjector(flow: ReactFlowInstance, store: FlowStore, durationMs = 300): { scale: number; viewport: Viewport } | null {
  setFont(CANVAS_FONT_PX);
  const { boxes: base } = drawnBoxes(store);
  if (base.length === 0) {
    setFont(PROJECTOR_FONT_PX);
    return null;
  }
  const pane = paneSize(store);
  const obstacles = paneObstacles(store);
  const fit = { obstacles, maxZoom: 1, minZoom: PROJECTOR_MIN_ZOOM };
  let { scale } = projectorFit(base, pane, { ...fit, baseFontPx: CANVAS_FONT_PX, projectorFontPx: PROJECTOR_FONT_PX, floorScreenPx: LABEL_FLOOR_PX });
  let grown: typeof base;
  for (let i = 0; ; i++) {
    setFont(CANVAS_FONT_PX * scale);
    grown = drawnBoxes(store).boxes;
    if (scale <= 1 || i === RETRIES || newOverlaps(base, grown) === 0) break;
    scale = Math.max(1, scale * RETRY_FACTOR);
  }
  const viewport = fitBoxes(grown, pane, fit);
  void flow.setViewport(viewport, { duration: durationMs });
  return { scale, viewport };
}
