import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

/** Whether undo and redo are possible, for the toolbar buttons. */
export function useUndoState(undo: Y.UndoManager): { canUndo: boolean; canRedo: boolean } {
  const key = useSyncExternalStore(
    (cb) => {
      EVENTS.forEach((e) => undo.on(e, cb));
      return () => EVENTS.forEach((e) => undo.off(e, cb));
    },
    () => `${undo.canUndo()}|${undo.canRedo()}`,
  );
  const [u, r] = key.split('|');
  return { canUndo: u === 'true', canRedo: r === 'true' };
}
