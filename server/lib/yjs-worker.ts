import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { nodeParentPort, serveJobs, withTransfer } from '../../src/model/worker';

/**
 * Yjs work that grows with a whole document, off the relay's event loop: the relay's thread
 * must keep relaying every other workshop meanwhile. Started through server/lib/yjs-jobs.ts.
 * (Compaction's fold has its own thread: server/store/fold.ts.)
 */
const moved = (u: Uint8Array) => withTransfer(u, [u.buffer]);

export const yjsJobs = {
  /** Several updates as one, without building a document (a sync answer's base state). */
  merge(updates: Uint8Array[]) {
    return moved(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
  },
  /** What a peer with state vector `sv` lacks from `updates` (a sync step 2 for that peer). */
  diff({ updates, sv }: { updates: Uint8Array[]; sv: Uint8Array }) {
    return moved(Y.diffUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), sv));
  },
};

export type YjsJobs = typeof yjsJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), yjsJobs);
