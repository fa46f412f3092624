import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useMapSession, useSliceGetter } from '../../../session';
import { readViews } from '../../../model';
import { useWorkshop, workshopSlice } from '../store';
import { useViewPlayer } from '../views/player';
import { PROJECTOR_CLASS, PROJECTOR_MIN_ZOOM } from './constants';
import { clearProjectorFont, fitProjector } from './fitProjector';
import { onFullscreenChange } from './projector';

/**
 * Projector mode on the page: a class that hides the editing chrome (workshop.css), then the
 * whole map (or the view being shown) framed with labels as large as the room allows. The map
 * stays live. Leaving it (Échap, ×, the browser's own exit from full screen) ends the step shown
 * and frames the whole map again at the canvas' size.
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

  // Only a change from on to off leaves: not the first render, nor a map opened without it.
  const wasOn = useRef(on);
  useEffect(() => {
    const was = wasOn.current;
    wasOn.current = on;
    if (!was || on) return;
    // Someone followed keeps the camera: their step is theirs to end.
    if (getWorkshop().following !== null) return;
    // A step left on screen would greet the room with a fragment of the map and a hunt for
    // "Tout montrer": the whole map comes back, framed for the chrome that just came back.
    show(null);
  }, [on, show, getWorkshop]);

  useEffect(() => {
    if (!on) return undefined;
    const root = document.documentElement;
    root.classList.add(PROJECTOR_CLASS);
    const { minZoom, setMinZoom } = store.getState();
    setMinZoom(PROJECTOR_MIN_ZOOM);
    // The chrome just went and the pane grew (full screen too): wait for React Flow to see the
    // new pane size, then size the labels and frame the map.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const ws = getWorkshop();
        const view = ws.showing === null ? undefined : readViews(doc, () => undefined).find((v) => v.id === ws.showing);
        fitProjector(flow, store, ws.following !== null || view ? 0 : 300);
        if (ws.following !== null) return;
        if (view) show(view);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      root.classList.remove(PROJECTOR_CLASS);
      clearProjectorFont();
      store.getState().setMinZoom(minZoom);
    };
  }, [on, store, flow, doc, show, getWorkshop]);
  return null;
}
