import * as Y from 'yjs';
import { JobBusy, type JobRunner } from '../../src/model/worker';
import type { YjsJobs } from '../lib/yjs-worker';
import { MAX_STATE_PARTS, OFF_THREAD_STATE_BYTES } from '../limits';
import { describeError, type Logger } from '../log';
import { encodeSyncStep2, encodeSyncStep2Update, encodeUpdate } from './protocol';

/** An update of the map's stored state, with its message, encoded once and shared. */
interface Part {
  readonly update: Uint8Array;
  readonly message: Uint8Array;
}

/** The closing step 2 of an answer made of update messages: empty, it only marks "synced". */
const EMPTY_STEP2 = encodeSyncStep2Update(Y.encodeStateAsUpdate(new Y.Doc()));
const isEmptyStateVector = (sv: Uint8Array): boolean => Y.decodeStateVector(sv).size === 0;

/**
 * Answers to sync step 1 for one map, built so that no request costs the relay's thread a
 * whole-document encode.
 *
 * The map's stored state is kept as a list of encoded updates (the rows loaded, then every
 * change stored or received from another relay since), each with its message encoded once.
 * A peer with nothing (a fresh client, or anyone asking with an empty state vector) gets those
 * messages as they are, shared by every peer, then an empty step 2; Yjs applies updates in
 * any order. A peer with a state vector gets the difference: computed on the spot for a small
 * map, in the worker thread for a large one (or, when the worker is busy, the whole state:
 * correct, only longer). The parts are merged into one, in the worker for a large map, once
 * there are more than MAX_STATE_PARTS.
 *
 * The caller asks only when every change added so far is stored (sync answers hold only
 * stored updates).
 */
export class SyncAnswers {
  private parts: Part[] = [];
  private bytes = 0;
  private merging = false;

  constructor(
    private readonly id: string,
    private readonly doc: Y.Doc,
    private readonly worker: () => JobRunner<YjsJobs>,
    private readonly log: Logger,
  ) {}

  /** The state just loaded: the stored rows as they apply, or the document once encoded. */
  loaded(rows: readonly Uint8Array[] | null): void {
    const updates = rows ?? [Y.encodeStateAsUpdate(this.doc)];
    this.parts = updates.map((u) => ({ update: u, message: encodeUpdate(u) }));
    this.bytes = updates.reduce((s, u) => s + u.byteLength, 0);
    this.mergeIfLong();
  }

  /** A change now part of the document (its message is the one relayed to peers). */
  add(update: Uint8Array, message: Uint8Array): void {
    this.parts.push({ update, message });
    this.bytes += update.byteLength;
    this.mergeIfLong();
  }

  /** Encoded size of the state, which decides where answers are made. */
  get stateBytes(): number {
    return this.bytes;
  }

  /** The messages answering a sync step 1 with state vector `sv`. */
  answer(sv: Uint8Array): Uint8Array[] | Promise<Uint8Array[]> {
    if (isEmptyStateVector(sv)) return this.whole();
    if (this.bytes <= OFF_THREAD_STATE_BYTES) return [encodeSyncStep2(this.doc, sv)];
    const updates = this.parts.map((p) => p.update);
    const whole = this.whole();
    return this.worker().run('diff', { updates, sv }).then(
      (diff) => [encodeSyncStep2Update(diff)],
      (e: unknown) => {
        if (!(e instanceof JobBusy)) this.log.warn('sync-answer', `map ${this.id}: ${describeError(e)}`);
        return whole;
      },
    );
  }

  private whole(): Uint8Array[] {
    return [...this.parts.map((p) => p.message), EMPTY_STEP2];
  }

  private mergeIfLong(): void {
    if (this.parts.length <= MAX_STATE_PARTS || this.merging) return;
    const taken = this.parts.slice();
    if (this.bytes <= OFF_THREAD_STATE_BYTES) {
      this.replace(taken, Y.mergeUpdates(taken.map((p) => p.update)));
      return;
    }
    this.merging = true;
    this.worker().run('merge', taken.map((p) => p.update)).then(
      (merged) => this.replace(taken, merged),
      (e: unknown) => {
        if (!(e instanceof JobBusy)) this.log.warn('sync-answer', `map ${this.id}: merge: ${describeError(e)}`);
      },
    ).finally(() => {
      this.merging = false;
    });
  }

  /** The first parts, if they are still `taken`, replaced by their merge. */
  private replace(taken: readonly Part[], merged: Uint8Array): void {
    if (taken.some((p, i) => this.parts[i] !== p)) return;
    const rest = this.parts.slice(taken.length);
    this.parts = [{ update: merged, message: encodeUpdate(merged) }, ...rest];
    this.bytes = merged.byteLength + rest.reduce((s, p) => s + p.update.byteLength, 0);
  }
}
