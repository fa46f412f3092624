import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';

const MIN_ZOOM = 0.8;

/** Selects a factor on the canvas (alone) and brings it to the middle of the view. */
export function useRevealFactor(): (id: string) => void {
  const store = useStoreApi();
  const flow = useReactFlow();
  return useCallback((id: string) => {
    const node = flow.getInternalNode(id);
    if (!node) return;
    store.getState().addSelectedNodes([id]);
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? 0;
    const h = node.measured.height ?? 0;
    void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), MIN_ZOOM), duration: 300 });
  }, [flow, store]);
}
