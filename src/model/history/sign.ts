import * as Y from 'yjs';

/**
 * A deletion carries no author in Yjs: the update holds only the ranges deleted, of whoever
 * created them. So a local transaction that deletes without writing anything writes one
 * value here, under one key that each signature replaces; the struct carries this client's
 * id, which is what peers read (writers.ts). One small struct per such transaction (a
 * removal, a field cleared); the value itself means nothing. Not covered by undo.
 */
export const EDITORS_ROOT = 'editors';

export function signDeletions(doc: Y.Doc, tr: Y.Transaction): void {
  if (tr.deleteSet.clients.size === 0) return;
  if (Y.getState(doc.store, doc.clientID) > (tr.beforeState.get(doc.clientID) ?? 0)) return;
  doc.getMap(EDITORS_ROOT).set('last', 0);
}
