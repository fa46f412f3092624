import { useNodesInitialized, useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';

/**
 * Shows the whole map once its first factors are on screen, whether they came from this
 * device or with the first sync from the relay. A map this user starts from empty keeps its
 * scale, so the first factor lands where it was clicked.
 */
export function useFitOnFirstContent(factorCount: number, undo: Y.UndoManager, options: FitViewOptions): void {
  const flow = useReactFlow();
  const measured = useNodesInitialized();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || factorCount === 0 || !measured) return;
    done.current = true;
    if (!undo.canUndo()) void flow.fitView(options);
  }, [factorCount, measured, undo, flow, options]);
}
