import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './doc';
import { UNDOABLE_ROOTS } from './spec';

/**
 * The roots a user's undo covers come from the spec (each root says whether it is undoable):
 * not `votes` (a dot is a participant's act) nor `editors` (a signature).
 */
export { UNDOABLE_ROOTS };

/**
 * Per-user undo: only transactions with the local origin are captured, so undo never reverts
 * what a peer did. Every named operation is already one deliberate step (a label is written
 * once, on Enter; a drag once, on drop), so steps are never merged by time: two quick clicks
 * on a polarity must undo one at a time.
 */
export const UNDO_CAPTURE_MS = 0;

export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(
    UNDOABLE_ROOTS.map((name) => doc.getMap(name)),
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: UNDO_CAPTURE_MS },
  );
}
