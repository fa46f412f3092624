import { useReactFlow, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useSession } from '../session';

const CURSOR_INTERVAL_MS = 40;
const DRAG_INTERVAL_MS = 40;

function throttle<A extends unknown[]>(fn: (...a: A) => void, ms: number): (...a: A) => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  return (...a: A) => {
    const now = Date.now();
    pending = a;
    if (now - last >= ms) {
      last = now;
      fn(...a);
      pending = null;
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        if (pending) fn(...pending);
        pending = null;
      }, ms - (now - last));
    }
  };
}

/**
 * Publishes this user's pointer, selection, live drag and viewport through awareness: what
 * others see of us while we work, never written to the document.
 */
export function usePublishPresence(awareness: Awareness) {
  const flow = useReactFlow();
  const flowRef = useRef(flow);
  flowRef.current = flow;

  useEffect(
    () =>
      useSession.subscribe((s, prev) => {
        if (s.selectedFactorIds !== prev.selectedFactorIds) {
          awareness.setLocalStateField('selection', s.selectedFactorIds);
        }
      }),
    [awareness],
  );

  const sendCursor = useMemo(
    () => throttle((p: { x: number; y: number } | null) => awareness.setLocalStateField('cursor', p), CURSOR_INTERVAL_MS),
    [awareness],
  );
  const sendDrag = useMemo(
    () => throttle((d: Record<string, { x: number; y: number }> | null) => awareness.setLocalStateField('drag', d), DRAG_INTERVAL_MS),
    [awareness],
  );

  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      const p = flowRef.current.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      sendCursor({ x: Math.round(p.x), y: Math.round(p.y) });
    },
    [sendCursor],
  );
  const onPointerLeave = useCallback(() => sendCursor(null), [sendCursor]);
  const onDrag = useCallback(
    (nodes: { id: string; position: { x: number; y: number } }[]) =>
      sendDrag(Object.fromEntries(nodes.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]))),
    [sendDrag],
  );
  // The drop's document write shows the final place; clearing after it avoids a jump back.
  const onDragEnd = useCallback(() => setTimeout(() => awareness.setLocalStateField('drag', null), DRAG_INTERVAL_MS * 2), [awareness]);
  const onViewport = useCallback(
    (vp: Viewport) => awareness.setLocalStateField('viewport', { x: Math.round(vp.x), y: Math.round(vp.y), zoom: vp.zoom }),
    [awareness],
  );
  return { onPointerMove, onPointerLeave, onDrag, onDragEnd, onViewport };
}
