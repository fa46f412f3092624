import { useReactFlow, useStoreApi, type ReactFlowInstance } from '@xyflow/react';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readViews, shownFactors, silent, type MapReader, type SavedView } from '../../../model';
import { sliceOf, useMapSession, type MapStore } from '../../../session';
import { clampZoom } from '../follow/fit';
import { PROJECTOR_MIN_ZOOM } from '../projector/constants';
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

/**
 * Shows saved views: which factors (through the overlay, see ViewOverlay) and where the
 * camera goes (here). Showing a view is moving one's own map, so it stops following. Plain
 * functions, so the arrow-key shortcuts and the panel's buttons play the same way.
 */
export function viewPlayer({ doc, reader, store, flow, flowStore }: PlayerDeps): ViewPlayer {
  const show = (view: SavedView | null) => {
    const ws = sliceOf(store, workshopSlice);
    if (ws.following !== null) ws.stopFollowing();
    ws.show(view?.id ?? null);
    const minZoom = ws.projector ? PROJECTOR_MIN_ZOOM : undefined;
    if (view?.viewport) {
      const { width, height } = flowStore.getState();
      const vp = minZoom ? clampZoom(view.viewport, { width, height }, minZoom) : view.viewport;
      void flow.setViewport(vp, { duration: MOVE_MS });
      return;
    }
    const ids = view ? shownFactors(view, reader.current.factors.map((f) => f.id)) : null;
    void flow.fitView({
      // Hidden nodes count: the factors of the view being shown are still hidden by the last one.
      nodes: ids ? ids.map((id) => ({ id })) : undefined,
      includeHiddenNodes: true,
      duration: MOVE_MS,
      padding: 0.15,
      // A projected step of a few factors may come closer; on a laptop 100 % is enough.
      maxZoom: minZoom ? 2 : 1,
      ...(minZoom ? { minZoom } : {}),
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
