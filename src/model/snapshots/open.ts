import * as Y from 'yjs';
import { readSnapshot, type MapSnapshot } from '../reader';
import { modelRegistry } from '../registry';
import type { Warn } from '../validate';

export type OpenedSnapshot =
  | { readonly ok: true; readonly doc: Y.Doc; readonly map: MapSnapshot }
  | { readonly ok: false; readonly reason: 'unreadable' };

/**
 * A stored state opened as a document of its own. It is read-only in the sense that matters:
 * it has no provider and no relay, so nothing written to it can reach the live map or anyone
 * else; the app shows it without any editing control. A state that does not decode, or that
 * refers to parts it does not contain (cut short on disk), is 'unreadable'; the caller reports
 * that one snapshot and goes on. Malformed entries inside it go to the model's logger (silent
 * unless installModel was given one) like any other reader's.
 */
export function openSnapshotState(state: Uint8Array, warn: Warn = modelRegistry.warn): OpenedSnapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
  } catch {
    doc.destroy();
    return { ok: false, reason: 'unreadable' };
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    return { ok: false, reason: 'unreadable' };
  }
  return { ok: true, doc, map: readSnapshot(doc, warn) };
}
