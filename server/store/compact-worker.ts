import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { nodeParentPort, serveJobs, withTransfer } from '../../src/model/worker';
import { replayUpdates } from './replay';

/**
 * Folds a map's update log into one update, off the relay's event loop (see LogFolder in
 * fold.ts). The worker only computes; the relay's own connection reads and writes the rows, so
 * the two never wait on each other's SQLite locks.
 */
export const compactJobs = {
  /** The rows as one update; null when a row does not apply (folding would drop it). */
  fold(rows: Uint8Array[]) {
    const doc = new Y.Doc();
    try {
      if (replayUpdates(doc, rows) > 0) return null;
      const folded = Y.encodeStateAsUpdate(doc);
      return withTransfer(folded, [folded.buffer]);
    } finally {
      doc.destroy();
    }
  },
};

export type CompactJobs = typeof compactJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), compactJobs);
