import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE, type CloseCode } from '../close-codes';
import { describeError, type Logger } from '../log';
import type { Access } from '../../src/model/location';
import type { DurabilityFactory, DurabilityHooks, SessionHandle } from './hooks';
import {
  checkUpdate, decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate,
  ProtocolError, type ClientMessage,
} from './protocol';

/** What a token grants on a map; one definition, shared with the app's map links. */
export type { Access };

/** One connected client, as the room sees it (the WebSocket side lives in websocket.ts). */
export interface Peer {
  readonly access: Access;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

/** Transaction origins that say where a change came from (peers use themselves). */
const LOADING = Symbol('loading');
const OTHER_RELAY = Symbol('other-relay');

/**
 * One map in memory, as the y-websocket protocol sees it: the document, its presence, its
 * peers. Storage, relay order and compaction are the durability pipeline's (hooks.ts), which
 * this class calls at named points.
 *
 * Everything that touches the room runs through one serial queue: loading first, then joins,
 * messages and leaves in arrival order. That gives the room's guarantees without locks: no
 * peer is answered before the map is loaded (no empty-document race), a leave is handled after
 * the join it follows (a socket that closes while its join waits does not stay in the room),
 * and an update is stored before it is relayed and before any later sync answer can hold it.
 */
export class Room implements SessionHandle {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Peers, each with the awareness client ids it introduced (removed when it leaves). */
  private readonly peers = new Map<Peer, Set<number>>();
  private readonly durability: DurabilityHooks;
  private refs = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Effective changes of the transaction being applied for a peer, captured by onUpdate. */
  private captured: Uint8Array[] | null = null;
  closed = false;

  constructor(
    readonly id: string,
    durability: DurabilityFactory,
    private readonly log: Logger,
    private readonly onClosed: (room: Room) => void,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
    this.durability = durability(id, this);
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
    return this.enqueue(() => this.durability.settled());
  }

  /** Peers in the room (debug stats and tests). */
  get peerCount(): number {
    return this.peers.size;
  }

  /** The peer must have been retained; it gets the document once the map is loaded. */
  join(peer: Peer): void {
    this.enqueue(async () => {
      await this.durability.settled();
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

  /** Queued like join, so a leave never overtakes the join it follows. */
  leave(peer: Peer): void {
    this.enqueue(() => this.removePeer(peer));
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
    return this.enqueue(() => {
      for (const peer of [...this.peers.keys()]) this.dropPeer(peer, code, 'relay stopping');
      return this.durability.settled();
    });
  }

  /* SessionHandle: what the durability pipeline calls back. */

  enqueue(task: () => void | Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((e: unknown) => {
      this.log.warn('room', `map ${this.id}: ${describeError(e)}`);
    });
    this.queue = next;
    return next;
  }

  applyRemoteChange(update: Uint8Array): void {
    if (!this.closed) Y.applyUpdate(this.doc, update, OTHER_RELAY);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.closed) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, OTHER_RELAY);
  }

  fail(reason: string): void {
    if (this.closed) return;
    this.log.warn('store', `map ${this.id}: ${reason}`);
    for (const peer of [...this.peers.keys()]) this.dropPeer(peer, CLOSE.INTERNAL, 'storage error');
    this.close();
  }

  /* The protocol. */

  private async handle(peer: Peer, msg: ClientMessage): Promise<void> {
    switch (msg.type) {
      case 'sync-step1':
        // The answer may hold only what is stored: wait for the changes applied before it.
        await this.durability.settled();
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
      this.durability.onChange(change, () => this.broadcast(encodeUpdate(change), peer));
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
      this.durability.onAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  private broadcast(message: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
  }

  private async load(): Promise<void> {
    try {
      await this.durability.onLoad(this.doc, LOADING);
    } catch (e) {
      this.fail(`load failed: ${describeError(e)}`);
    }
  }

  private removePeer(peer: Peer): void {
    const ids = this.peers.get(peer);
    if (!ids) return;
    this.peers.delete(peer);
    if (ids.size > 0 && !this.closed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    }
  }

  private dropPeer(peer: Peer, code: CloseCode, reason: string): void {
    this.removePeer(peer);
    peer.close(code, reason);
  }

  private evictIfUnused(): void {
    if (this.refs === 0) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.durability.onUnload();
    this.awareness.destroy();
    this.doc.destroy();
    this.onClosed(this);
  }
}
