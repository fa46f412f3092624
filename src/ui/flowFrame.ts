import type { ReactFlowInstance, useStoreApi } from '@xyflow/react';
import { fitBoxes, isShown, type FitOptions, type Rect, type Size, type Viewport } from './fit';

/** React Flow's store, as `useStoreApi()` gives it. */
export type FlowStore = ReturnType<typeof useStoreApi>;

/** What floats over the pane: React Flow's own minimap and zoom buttons, and ours, marked. */
const OBSTACLES = '.react-flow__minimap, .react-flow__controls, [data-fit-obstacle]';
/** A box not drawn yet (a factor a view is about to reveal) counts at the canvas' usual size. */
const UNMEASURED = { width: 160, height: 48 };

/**
 * The pane areas under overlays, in pane pixels. An element marked `data-fit-obstacle="band"`
 * (a step title) takes the whole width of the pane: it is a band of its own, nothing beside it.
 */
export function paneObstacles(store: FlowStore): Rect[] {
  const { domNode } = store.getState();
  if (!domNode) return [];
  const pane = domNode.getBoundingClientRect();
  const width = pane.width;
  const out: Rect[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(OBSTACLES)) {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    const rect = { x: r.x - pane.x, y: r.y - pane.y, width: r.width, height: r.height };
    if (rect.x >= pane.width || rect.y >= pane.height || rect.x + rect.width <= 0 || rect.y + rect.height <= 0) continue;
    out.push(el.dataset.fitObstacle === 'band' ? { x: 0, y: rect.y, width, height: rect.height } : rect);
  }
  return out;
}

/**
 * The factor boxes in map units, as drawn now: positions from React Flow, sizes read from the
 * DOM (so a label just enlarged by a style counts at once, before React Flow measures it again).
 * Without `ids`, every node on the canvas that is not hidden.
 */
export function drawnBoxes(store: FlowStore, ids?: Iterable<string>): { ids: string[]; boxes: Rect[] } {
  const { nodeLookup, domNode } = store.getState();
  const wanted = ids ? [...ids] : [...nodeLookup.values()].filter((n) => !n.hidden).map((n) => n.id);
  const outIds: string[] = [];
  const boxes: Rect[] = [];
  for (const id of wanted) {
    const node = nodeLookup.get(id);
    if (!node) continue;
    const el = domNode?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    const width = el?.offsetWidth || node.measured.width || UNMEASURED.width;
    const height = el?.offsetHeight || node.measured.height || UNMEASURED.height;
    const { x, y } = node.internals.positionAbsolute;
    outIds.push(id);
    boxes.push({ x, y, width, height });
  }
  return { ids: outIds, boxes };
}

/** The pane as laid out now (React Flow's own figure follows a resize a frame later). */
export function paneSize(store: FlowStore): Size {
  const { width, height, domNode } = store.getState();
  const r = domNode?.getBoundingClientRect();
  return r && r.width > 0 ? { width: r.width, height: r.height } : { width, height };
}

export interface FrameOptions extends FitOptions {
  readonly durationMs?: number;
}

/**
 * Moves the camera so the given factors (default: all shown) are whole on screen and under no
 * overlay. Returns the viewport, or null when there is nothing to frame.
 */
export function frameFactors(flow: ReactFlowInstance, store: FlowStore, ids?: Iterable<string>, options: FrameOptions = {}): Viewport | null {
  const { boxes } = drawnBoxes(store, ids);
  if (boxes.length === 0) return null;
  const vp = fitBoxes(boxes, paneSize(store), { obstacles: paneObstacles(store), maxZoom: 1, ...options });
  void flow.setViewport(vp, { duration: options.durationMs ?? 0 });
  return vp;
}

/** How many of the given boxes are whole on the pane and under no overlay, at viewport `vp`. */
export function countShown(boxes: readonly Rect[], vp: Viewport, pane: Size, obstacles: readonly Rect[] = []): number {
  let n = 0;
  for (const b of boxes) if (isShown(b, vp, pane, obstacles)) n++;
  return n;
}
