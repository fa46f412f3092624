import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { sessionSlice, subscribeSlice, useMapSession } from '../session';
import { throttle } from '../ui/throttle';

const CURSOR_INTERVAL_MS = 40;
const DRAG_INTERVAL_MS = 40;
/** While the map moves; a follower's map follows at this pace. */
const VIEWPORT_INTERVAL_MS = 100;

const round = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) });

/**
 * Publishes this user's pointer, selection, live drag and viewport through awareness: what
 * others see of us while we work, never written to the document. A canvas layer (inside React
 * Flow, wired by the app): it reads React Flow's store and the pane's pointer events, so the
 * canvas needs to know nothing of presence.
 */
export function PublishPresence() {
  const { awareness, store } = useMapSession();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const pane = useStore((s) => s.domNode);

  useEffect(
    () => subscribeSlice(store, sessionSlice, (s, prev) => {
      if (s.selectedFactorIds !== prev.selectedFactorIds) awareness.setLocalStateField('selection', s.selectedFactorIds);
    }),
    [awareness, store],
  );

  useEffect(() => {
    if (!pane) return undefined;
    const send = throttle((p: { x: number; y: number } | null) => awareness.setLocalStateField('cursor', p), CURSOR_INTERVAL_MS);
    const onMove = (e: PointerEvent) => send(round(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })));
    const onLeave = () => send(null);
    pane.addEventListener('pointermove', onMove);
    pane.addEventListener('pointerleave', onLeave);
    return () => {
      pane.removeEventListener('pointermove', onMove);
      pane.removeEventListener('pointerleave', onLeave);
      send.cancel();
    };
  }, [pane, awareness, flow]);

  useEffect(() => {
    const sendDrag = throttle((d: Record<string, { x: number; y: number }>) => awareness.setLocalStateField('drag', d), DRAG_INTERVAL_MS);
    const sendViewport = throttle(([x, y, zoom]: readonly [number, number, number]) =>
      awareness.setLocalStateField('viewport', { x: Math.round(x), y: Math.round(y), zoom }), VIEWPORT_INTERVAL_MS);
    let dragging = false;
    let clear: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = flowStore.subscribe((s, prev) => {
      if (s.transform !== prev.transform) sendViewport(s.transform);
      if (s.nodes === prev.nodes) return;
      const moving = s.nodes.filter((n) => n.dragging);
      if (moving.length > 0) {
        dragging = true;
        if (clear) clearTimeout(clear);
        clear = null;
        sendDrag(Object.fromEntries(moving.map((n) => [n.id, round(n.position)])));
      } else if (dragging) {
        dragging = false;
        sendDrag.cancel();
        // The drop's document write shows the final place; clearing after it avoids a jump back.
        clear = setTimeout(() => awareness.setLocalStateField('drag', null), DRAG_INTERVAL_MS * 2);
      }
    });
    return () => {
      unsubscribe();
      sendDrag.cancel();
      sendViewport.cancel();
      if (clear) clearTimeout(clear);
    };
  }, [awareness, flowStore]);
  return null;
}
