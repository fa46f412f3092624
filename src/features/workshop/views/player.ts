import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useMapSession } from '../../../session';
import { readViews, shownFactors, type SavedView } from '../../../model';
import { clampZoom } from '../follow/fit';
import { PROJECTOR_MIN_ZOOM } from '../projector/constants';
import { useWorkshop } from '../store';

const MOVE_MS = 450;

export interface ViewPlayer {
  show: (view: SavedView | null) => void;
  step: (delta: 1 | -1) => void;
}

/**
 * Shows saved views: which factors (through the overlay, see ViewOverlay) and where the
 * camera goes (here). Showing a view is moving one's own map, so it stops following.
 */
export function useViewPlayer(): ViewPlayer {
  const { doc, reader } = useMapSession();
  const flow = useReactFlow();
  const store = useStoreApi();

  const show = useCallback(
    (view: SavedView | null) => {
      const ws = useWorkshop.getState();
      if (ws.following !== null) ws.stopFollowing();
      ws.show(view?.id ?? null);
      const minZoom = ws.projector ? PROJECTOR_MIN_ZOOM : undefined;
      if (view?.viewport) {
        const { width, height } = store.getState();
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
    },
    [flow, reader, store],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      const views = readViews(doc, () => undefined);
      if (views.length === 0) return;
      const at = views.findIndex((v) => v.id === useWorkshop.getState().showing);
      const next = at === -1 ? (delta === 1 ? 0 : views.length - 1) : Math.max(0, Math.min(views.length - 1, at + delta));
      const view = views[next];
      if (view && next !== at) show(view);
    },
    [doc, show],
  );

  return { show, step };
}
