import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE, type CloseCode } from '../close-codes';
import { COMPACT_AFTER_BYTES, COMPACT_AFTER_UPDATES } from '../limits';
import { describeError, type Logger } from '../log';
import type { MapStore } from '../store/map-store';
import { replayUpdates } from '../store/replay';
import type { Fanout, FanoutChannel, FanoutMessage } from './fanout';
import {
  checkUpdate, decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate,
  ProtocolError, type ClientMessage,
} from './protocol';

export type Access = 'edit' | 'view';

/** One connected client, as the room sees it (the WebSocket lives in connection.ts). */
export interface Peer {
  readonly access: Access;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

/** Transaction origins that say where a change came from (peers use themselves). */
const LOADING = Symbol('loading');
const OTHER_RELAY = Symbol('other-relay');

class StoreFailure extends Error {
  override readonly name = 'StoreFailure';
}

/**
 * One map in memory: its document, its presence, its connected peers.
 *
 * Everything that touches the room runs through one serial queue: loading first, then joins
 * and messages in arrival order. That gives the room's guarantees without locks:
 * no peer is answered before the map is loaded (no empty-document race), and an update is
 * stored before it is relayed and before any later sync answer can include it.
 *
 * Storing is pipelined: an update is applied and handed to the store, and the queue moves on
 * to the next message while the store commits (it commits the updates of one event-loop turn
 * together). Relaying waits, in order, on `relayed`; a sync answer waits for it too.
 * Compaction runs beside the queue: the store's compaction stands alone (it folds rows that
 * never change again), and waiting for it would hold up the map's traffic.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Peers, each with the awareness client ids it introduced (removed when it leaves). */
  private readonly peers = new Map<Peer, Set<number>>();
  private refs = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Settles once every update applied so far is stored and relayed (or the room failed). */
  private relayed: Promise<void> = Promise.resolve();
  private readonly channel: FanoutChannel;
  /** Effective changes of the transaction being applied for a peer, captured by onUpdate. */
  private captured: Uint8Array[] | null = null;
  private logUpdates = 0;
  private logBytes = 0;
  private compacting = false;
  closed = false;

  constructor(
    readonly id: string,
    private readonly store: MapStore,
    fanout: Fanout,
    private readonly log: Logger,
    private readonly onClosed: (room: Room) => void,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
    // Joined before loading: what another relay publishes meanwhile is applied after the load.
    this.channel = fanout.join(id, (m) => this.enqueue(() => this.fromOtherRelay(m)));
    this.enqueue(() => this.load());
  }

  /** Keeps the room in memory; every retain is matched by one release. */
  retain(): void {
    this.refs++;
  }

  release(): void {
    this.refs--;
    if (this.refs === 0) this.enqueue(() => this.evictIfUnused());
  }

  /** Resolves once everything queued before it (at least the load) is done, and stored. */
  ready(): Promise<void> {
    return this.enqueue(() => this.relayed);
  }

  /** The peer must have been retained; it gets the document once the map is loaded. */
  join(peer: Peer): void {
    this.enqueue(async () => {
      await this.relayed;
      if (this.closed) {
        peer.close(CLOSE.INTERNAL, 'map unavailable');
        return;
      }
      this.peers.set(peer, new Set());
      // Viewers get no sync step 1: whatever they would send back is dropped anyway.
      if (peer.access === 'edit') peer.send(encodeSyncStep1(this.doc));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
    });
  }

  leave(peer: Peer): void {
    const ids = this.peers.get(peer);
    if (!ids) return;
    this.peers.delete(peer);
    if (ids.size > 0 && !this.closed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    }
  }

  receive(peer: Peer, data: Uint8Array): void {
    this.enqueue(async () => {
      if (!this.peers.has(peer)) return;
      try {
        await this.handle(peer, decodeClientMessage(data));
      } catch (e) {
        if (e instanceof ProtocolError) {
          this.log.warn('bad-message', `map ${this.id}: ${e.message}, connection closed`);
          this.dropPeer(peer, e.code, 'bad message');
        } else {
          this.log.warn('message-error', `map ${this.id}: ${describeError(e)}, connection closed`);
          this.dropPeer(peer, CLOSE.INTERNAL, 'internal error');
        }
      }
    });
  }

  /** Closes every peer (relay shutdown); the room then leaves memory. */
  shutdown(code: CloseCode): Promise<void> {
    for (const peer of [...this.peers.keys()]) this.dropPeer(peer, code, 'relay stopping');
    return this.ready();
  }

  private async handle(peer: Peer, msg: ClientMessage): Promise<void> {
    switch (msg.type) {
      case 'sync-step1':
        // The answer may hold only what is stored: wait for the updates applied before it.
        await this.relayed;
        if (!this.closed) peer.send(encodeSyncStep2(this.doc, msg.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        // A view link is read-only: its updates are never applied, stored or relayed.
        if (peer.access === 'edit') this.applyFromPeer(peer, msg.update);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, msg.update, peer);
        return;
      case 'query-awareness':
        peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
    }
  }

  private applyFromPeer(peer: Peer, update: Uint8Array): void {
    checkUpdate(update);
    this.captured = [];
    let applyError: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (e) {
      applyError = e;
    }
    const changes = this.captured;
    this.captured = null;
    // What the document accepted is stored and relayed even if the rest failed, so memory,
    // disk and peers never disagree.
    if (changes.length > 0) {
      const change = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
      const stored = this.store.appendUpdate(this.id, change);
      // Handled below, in order; this only keeps an early failure from counting as unhandled.
      stored.catch(() => undefined);
      this.relayed = this.relayed.then(() => stored).then(
        () => {
          if (this.closed) return;
          this.broadcast(encodeUpdate(change), peer);
          this.channel.publish({ kind: 'update', data: change });
        },
        (e: unknown) => this.fail(new StoreFailure(describeError(e))),
      );
      this.logUpdates++;
      this.logBytes += change.byteLength;
      if (this.logUpdates > COMPACT_AFTER_UPDATES || this.logBytes > COMPACT_AFTER_BYTES) {
        this.startCompaction();
      }
    }
    if (applyError) throw new ProtocolError(CLOSE.BAD_MESSAGE, 'update did not apply');
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADING) return;
    if (origin === OTHER_RELAY) {
      this.broadcast(encodeUpdate(update), null);
      return;
    }
    this.captured?.push(update);
  };

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const ids = this.peers.get(origin as Peer);
    if (ids) {
      added.forEach((c) => ids.add(c));
      removed.forEach((c) => ids.delete(c));
    }
    const changed = [...added, ...updated, ...removed];
    // The sender hears its own presence back: y-websocket drops a connection on which nothing
    // arrives for 30 s, and for a participant alone on a map this echo is all that arrives.
    this.broadcast(encodeAwareness(this.awareness, changed), null);
    if (origin !== OTHER_RELAY) {
      this.channel.publish({
        kind: 'awareness',
        data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      });
    }
  };

  private fromOtherRelay(m: FanoutMessage): void {
    if (this.closed) return;
    try {
      if (m.kind === 'update') Y.applyUpdate(this.doc, m.data, OTHER_RELAY);
      else awarenessProtocol.applyAwarenessUpdate(this.awareness, m.data, OTHER_RELAY);
    } catch (e) {
      this.log.warn('fanout', `map ${this.id}: ${describeError(e)}`);
    }
  }

  private broadcast(message: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
  }

  private async load(): Promise<void> {
    try {
      const updates = await this.store.loadUpdates(this.id);
      const failed = replayUpdates(this.doc, updates, LOADING);
      if (failed > 0) this.log.warn('load', `map ${this.id}: ${failed} stored updates did not apply`);
      const stats = await this.store.logStats(this.id);
      this.logUpdates = stats.updates;
      this.logBytes = stats.bytes;
      if (this.logUpdates > COMPACT_AFTER_UPDATES || this.logBytes > COMPACT_AFTER_BYTES) this.startCompaction();
    } catch (e) {
      this.fail(new StoreFailure(describeError(e)));
    }
  }

  private startCompaction(): void {
    if (this.compacting || this.closed) return;
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

  private dropPeer(peer: Peer, code: CloseCode, reason: string): void {
    this.leave(peer);
    peer.close(code, reason);
  }

  /** Storage failed: memory may hold what disk does not, so drop the room; clients resync. */
  private fail(e: Error): void {
    if (this.closed) return;
    this.log.warn('store', `map ${this.id}: ${e.message}`);
    for (const peer of [...this.peers.keys()]) this.dropPeer(peer, CLOSE.INTERNAL, 'storage error');
    this.close();
  }

  private evictIfUnused(): void {
    if (this.refs === 0) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel.leave();
    this.awareness.destroy();
    this.doc.destroy();
    this.onClosed(this);
  }

  private enqueue(task: () => void | Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((e: unknown) => {
      this.log.warn('room', `map ${this.id}: ${describeError(e)}`);
    });
    this.queue = next;
    return next;
  }
}
