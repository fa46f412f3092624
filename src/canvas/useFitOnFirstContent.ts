import { useNodesInitialized, useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

/**
 * Shows the whole map once its first factors are on screen, whether they came from this
 * device or with the first sync from the relay. A map this user starts from empty keeps its
 * scale, so the first factor lands where it was clicked. True once that first view is set:
 * until then a large map draws its overview (no link is worth measuring at a zoom about to
 * change).
 */
export function useFitOnFirstContent(factorCount: number, undo: Y.UndoManager, options: FitViewOptions): boolean {
  const flow = useReactFlow();
  const measured = useNodesInitialized();
  const started = useRef(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (started.current || factorCount === 0 || !measured) return;
    started.current = true;
    if (undo.canUndo()) setDone(true);
    else void flow.fitView(options).finally(() => setDone(true));
  }, [factorCount, measured, undo, flow, options]);
  return done;
}
