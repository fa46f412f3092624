import { useReactFlow, useStoreApi, type ReactFlowInstance } from '@xyflow/react';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readViews, shownFactors, silent, type MapReader, type SavedView } from '../../../model';
import { sliceOf, useMapSession, type MapStore } from '../../../session';
import { countShown, drawnBoxes, frameFactors, paneObstacles, paneSize } from '../../../ui/flowFrame';
import { loopParts } from '../loops/loopParts';
import { fitProjector } from '../projector/fitProjector';
import { workshopSlice } from '../store';

const MOVE_MS = 450;

export interface ViewPlayer {
  show: (view: SavedView | null) => void;
  step: (delta: 1 | -1) => void;
}

/** What showing a view needs: the map, its store, and React Flow. */
export interface PlayerDeps {
  readonly doc: Y.Doc;
  readonly reader: MapReader;
  readonly store: MapStore;
  readonly flow: ReactFlowInstance;
  readonly flowStore: ReturnType<typeof useStoreApi>;
}

/** The factors a view must show whole: those it shows, and every factor of its loop. */
export function framedFactors(view: SavedView, reader: MapReader): string[] {
  const snap = reader.current;
  const ids = new Set(shownFactors(view, snap.factors.map((f) => f.id)));
  const loop = view.loop ? loopParts(view.loop, snap) : null;
  for (const f of loop?.factors ?? []) ids.add(f);
  return [...ids];
}

/**
 * Shows saved views: which factors (through the overlay, see ViewOverlay) and where the
 * camera goes (here): its saved viewport if that shows all of its factors (and loop) whole and
 * clear of the title and overlays, or else a fit of them. Showing a view is moving one's own
 * map, so it stops following. Plain functions, so the arrow-key shortcuts and the panel's
 * buttons play the same way.
 */
export function viewPlayer({ doc, reader, store, flow, flowStore }: PlayerDeps): ViewPlayer {
  let pending = 0;
  const frame = (view: SavedView | null) => {
    const projector = sliceOf(store, workshopSlice).projector;
    const ids = view ? framedFactors(view, reader) : undefined;
    const zoom = { maxZoom: 1, minZoom: 0.1 };
    if (view?.viewport && ids) {
      const { boxes } = drawnBoxes(flowStore, ids);
      if (countShown(boxes, view.viewport, paneSize(flowStore), paneObstacles(flowStore)) === boxes.length) {
        void flow.setViewport(view.viewport, { duration: MOVE_MS });
        return;
      }
    }
    if (projector) fitProjector(flow, flowStore, MOVE_MS, ids);
    else frameFactors(flow, flowStore, ids, { ...zoom, durationMs: MOVE_MS, marginPx: 24 });
  };
  const show = (view: SavedView | null) => {
    const ws = sliceOf(store, workshopSlice);
    if (ws.following !== null) ws.stopFollowing();
    ws.show(view?.id ?? null);
    // The view's factors (hidden by the last one) and its title are drawn on the next frames:
    // frame them once they have a size.
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      pending = requestAnimationFrame(() => frame(view));
    });
  };
  const step = (delta: 1 | -1) => {
    const views = readViews(doc, silent);
    if (views.length === 0) return;
    const at = views.findIndex((v) => v.id === sliceOf(store, workshopSlice).showing);
    const next = at === -1 ? (delta === 1 ? 0 : views.length - 1) : Math.max(0, Math.min(views.length - 1, at + delta));
    const view = views[next];
    if (view && next !== at) show(view);
  };
  return { show, step };
}

export function useViewPlayer(): ViewPlayer {
  const { doc, reader, store } = useMapSession();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useMemo(() => viewPlayer({ doc, reader, store, flow, flowStore }), [doc, reader, store, flow, flowStore]);
}
