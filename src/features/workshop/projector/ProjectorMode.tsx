import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useMapSession, useSliceGetter } from '../../../session';
import { readViews } from '../../../model';
import { useWorkshop, workshopSlice } from '../store';
import { useViewPlayer } from '../views/player';
import { PROJECTOR_CLASS, PROJECTOR_FONT_PX, PROJECTOR_MIN_ZOOM } from './constants';
import { onFullscreenChange } from './projector';

/**
 * Projector mode on the page: a class that hides the editing chrome and enlarges labels
 * (workshop.css), and a minimum zoom so labels stay large on screen. The map stays live.
 */
export function ProjectorMode() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const on = useWorkshop((s) => s.projector);
  const store = useStoreApi();
  const flow = useReactFlow();
  const { doc } = useMapSession();
  const { show } = useViewPlayer();

  useEffect(() => {
    const onChange = () => onFullscreenChange(getWorkshop);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [getWorkshop]);

  useEffect(() => {
    if (!on) return undefined;
    const root = document.documentElement;
    root.classList.add(PROJECTOR_CLASS);
    root.style.setProperty('--factor-font', `${PROJECTOR_FONT_PX}px`);
    const { minZoom, setMinZoom } = store.getState();
    setMinZoom(PROJECTOR_MIN_ZOOM);
    const ws = getWorkshop();
    // Labels just grew: wait for React Flow to measure the larger boxes, then frame them.
    const frame = requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (ws.following !== null) return;
        const view = ws.showing === null ? undefined : readViews(doc, () => undefined).find((v) => v.id === ws.showing);
        if (view) show(view);
        else void flow.fitView({ padding: 0.1, minZoom: PROJECTOR_MIN_ZOOM, maxZoom: 2, duration: 300 });
      }),
    );
    return () => {
      cancelAnimationFrame(frame);
      root.classList.remove(PROJECTOR_CLASS);
      root.style.removeProperty('--factor-font');
      store.getState().setMinZoom(minZoom);
    };
  }, [on, store, flow, doc, show, getWorkshop]);
  return null;
}
