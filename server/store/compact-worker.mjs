// Folds a map's update log into one update, off the relay's event loop (see
// SqliteMapStore.compact). Plain JavaScript: a worker thread does not inherit tsx's loader.
// The worker only computes; the relay's own connection reads and writes the rows, so the
// two never wait on each other's SQLite locks.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/** As replayUpdates (replay.ts); null when a row does not apply (folding would drop it). */
function fold(rows) {
  const doc = new Y.Doc();
  try {
    let failed = 0;
    doc.transact(() => {
      for (const r of rows) {
        try {
          Y.applyUpdate(doc, r);
        } catch {
          failed++;
        }
      }
    });
    return failed > 0 ? null : Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

parentPort.on('message', ({ job, rows }) => {
  try {
    const folded = fold(rows);
    parentPort.postMessage({ job, ok: true, folded }, folded ? [folded.buffer] : []);
  } catch (e) {
    parentPort.postMessage({ job, ok: false, name: e?.name ?? 'Error', message: String(e?.message ?? '') });
  }
});
