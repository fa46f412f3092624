import { useNodesInitialized, useReactFlow, useStoreApi, type FitViewOptions } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { frameFactors } from '../ui/flowFrame';

/**
 * Shows the whole map once its first factors are on screen, whether they came from this
 * device or with the first sync from the relay. A map this user starts from empty keeps its
 * scale, so the first factor lands where it was clicked. True once that first view is set:
 * until then a large map draws its overview (no link is worth measuring at a zoom about to
 * change).
 */
export function useFitOnFirstContent(factorCount: number, undo: Y.UndoManager, options: FitViewOptions): boolean {
  const flow = useReactFlow();
  const store = useStoreApi();
  const measured = useNodesInitialized();
  const started = useRef(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (started.current || factorCount === 0 || !measured) return;
    started.current = true;
    // Framed clear of the minimap and zoom buttons (React Flow's fitView puts factors under them).
    if (!undo.canUndo()) frameFactors(flow, store, undefined, { maxZoom: options.maxZoom ?? 1, marginPx: 24 });
    setDone(true);
  }, [factorCount, measured, undo, flow, store, options]);
  return done;
}
