import type * as Y from 'yjs';
import { COMPACT_AFTER_BYTES, COMPACT_AFTER_UPDATES } from '../limits';
import { describeError, type Logger } from '../log';
import type { MapStore } from '../store/map-store';
import { replayUpdates } from '../store/replay';
import type { Fanout, FanoutChannel } from './fanout';
import type { DurabilityFactory, DurabilityHooks, SessionHandle } from './hooks';

/**
 * The durability pipeline of one map on a MapStore: what makes "stored before relayed" true.
 *
 * Storing is pipelined: a change is handed to the store at once, and the session moves on to
 * its next message while the store commits (the SQLite store commits the changes of one
 * event-loop turn together). Relaying waits, in order, on `relayed`; a sync answer waits for
 * it too (settled), so it never holds an update that is not stored.
 *
 * Compaction runs beside the session's queue: the store's compaction stands alone (it folds
 * rows that never change again), and waiting for it would hold up the map's traffic.
 */
export class DurabilityPipeline implements DurabilityHooks {
  /** Settles once every change handed over so far is stored and relayed (or the room failed). */
  private relayed: Promise<void> = Promise.resolve();
  private readonly channel: FanoutChannel;
  private logUpdates = 0;
  private logBytes = 0;
  private compacting = false;
  private unloaded = false;

  constructor(
    private readonly id: string,
    private readonly store: MapStore,
    fanout: Fanout,
    private readonly log: Logger,
    private readonly session: SessionHandle,
  ) {
    // Joined before loading: what another relay publishes meanwhile is applied after the load.
    this.channel = fanout.join(id, (m) => {
      void session.enqueue(() => {
        if (this.unloaded) return;
        try {
          if (m.kind === 'update') session.applyRemoteChange(m.data);
          else session.applyRemoteAwareness(m.data);
        } catch (e) {
          this.log.warn('fanout', `map ${this.id}: ${describeError(e)}`);
        }
      });
    });
  }

  async onLoad(doc: Y.Doc, origin: symbol): Promise<readonly Uint8Array[] | null> {
    const updates = await this.store.loadUpdates(this.id);
    const failed = replayUpdates(doc, updates, origin);
    if (failed > 0) this.log.warn('load', `map ${this.id}: ${failed} stored updates did not apply`);
    const stats = await this.store.logStats(this.id);
    this.logUpdates = stats.updates;
    this.logBytes = stats.bytes;
    this.compactIfLong();
    return failed > 0 ? null : updates;
  }

  onChange(change: Uint8Array, relay: () => void): void {
    const stored = this.store.appendUpdate(this.id, change);
    // Handled below, in order; this only keeps an early failure from counting as unhandled.
    stored.catch(() => undefined);
    this.relayed = this.relayed.then(() => stored).then(
      () => {
        if (this.unloaded) return;
        relay();
        this.channel.publish({ kind: 'update', data: change });
      },
      (e: unknown) => this.session.fail(`storage error: ${describeError(e)}`),
    );
    this.logUpdates++;
    this.logBytes += change.byteLength;
    this.compactIfLong();
  }

  settled(): Promise<void> {
    return this.relayed;
  }

  onAwareness(update: Uint8Array): void {
    if (!this.unloaded) this.channel.publish({ kind: 'awareness', data: update });
  }

  onUnload(): void {
    if (this.unloaded) return;
    this.unloaded = true;
    this.channel.leave();
  }

  private compactIfLong(): void {
    if (this.logUpdates <= COMPACT_AFTER_UPDATES && this.logBytes <= COMPACT_AFTER_BYTES) return;
    if (this.compacting || this.unloaded) return;
    this.compacting = true;
    void this.compact().finally(() => {
      this.compacting = false;
    });
  }

  private async compact(): Promise<void> {
    // Reset first: a failing compaction is retried after another full batch, not per update.
    this.logUpdates = 0;
    this.logBytes = 0;
    try {
      await this.store.compact(this.id);
      const stats = await this.store.logStats(this.id);
      this.logUpdates = stats.updates;
      this.logBytes = stats.bytes;
    } catch (e) {
      // The log is intact, only longer: keep serving and try again after more updates.
      this.log.warn('compact', `map ${this.id}: ${describeError(e)}`);
    }
  }
}

/** The pipeline every room of a relay gets: one store, one fan-out. */
export function storePipeline(store: MapStore, fanout: Fanout, log: Logger): DurabilityFactory {
  return (mapId, session) => new DurabilityPipeline(mapId, store, fanout, log, session);
}
