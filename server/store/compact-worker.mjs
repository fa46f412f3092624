// Folds a map's update log off the relay's event loop (see SqliteMapStore.compact). Plain
// JavaScript: a worker thread does not inherit tsx's loader, so it cannot load TypeScript.
import Database from 'better-sqlite3';
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';

const db = new Database(workerData.file);
// WAL is a property of the file; these are per connection.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
const load = db.prepare('SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq');
const deleteUpTo = db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?');
const append = db.prepare('INSERT INTO updates (map_id, data) VALUES (?, ?)');
const replace = db.transaction((mapId, lastSeq, folded) => {
  deleteUpTo.run(mapId, lastSeq);
  append.run(mapId, folded);
});

/**
 * Rows are read outside the write transaction: the log is append-only and sequence numbers
 * only grow (AUTOINCREMENT), so rows up to the last one read stay what they were, whatever is
 * appended meanwhile. Only deleting them and writing the fold takes the write lock, briefly.
 */
function compact(mapId) {
  const rows = load.all(mapId);
  const last = rows[rows.length - 1];
  if (rows.length < 2 || !last) return;
  const doc = new Y.Doc();
  try {
    // As replayUpdates (replay.ts): a row that does not apply would be dropped by folding,
    // so a log with one is left as it is.
    let failed = 0;
    doc.transact(() => {
      for (const r of rows) {
        try {
          Y.applyUpdate(doc, r.data);
        } catch {
          failed++;
        }
      }
    });
    if (failed > 0) return;
    replace.immediate(mapId, last.seq, Buffer.from(Y.encodeStateAsUpdate(doc)));
  } finally {
    doc.destroy();
  }
}

parentPort.on('message', ({ job, mapId }) => {
  try {
    compact(mapId);
    parentPort.postMessage({ job, ok: true });
  } catch (e) {
    parentPort.postMessage({ job, ok: false, name: e?.name ?? 'Error', message: String(e?.message ?? '') });
  }
});
