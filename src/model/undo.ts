import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './doc';
import { ROOT } from './schema';

/** Root maps a user's undo covers. Later parts of the model add theirs (stories, loops…). */
export const UNDOABLE_ROOTS: string[] = [
  ROOT.factors, ROOT.links, ROOT.meta,
  // Workshop roots (stories.ts, citations.ts, views.ts, groups.ts). Not `votes`: a dot is a
  // participant's act, and Ctrl+Z after dragging a factor must not take someone's vote back.
  'stories', 'citations', 'views', 'groups',
  // Analysis roots (themes.ts, loops.ts): theme edits and loop names are the facilitator's.
  'themes', 'loops',
];

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
