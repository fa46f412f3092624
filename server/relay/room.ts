import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE, type CloseCode } from '../close-codes';
import { describeError, type Logger } from '../log';
import type { Access } from '../../src/model/location';
import type { JobRunner } from '../../src/model/worker';
import type { YjsJobs } from '../lib/yjs-worker';
import { MAX_PENDING_BYTES } from '../limits';
import type { DurabilityFactory, DurabilityHooks, SessionHandle } from './hooks';
import {
  checkUpdate, decodeClientMessage, encodeAwareness, encodeAwarenessEntries, encodeSyncStep1, encodeUpdate,
  ProtocolError, type ClientMessage,
} from './protocol';
import { PresenceOwners, REMOTE } from './presence';
import { SyncAnswers } from './sync-answers';

/** What a token grants on a map; one definition, shared with the app's map links. */
export type { Access };

/** One connected client, as the room sees it (the WebSocket side lives in websocket.ts). */
export interface Peer {
  readonly access: Access;
  /** `written`, if given, runs once the message has left the relay (or will never leave). */
  send(message: Uint8Array, written?: () => void): void;
  close(code: CloseCode, reason: string): void;
  /** Bytes sent to it but not yet written out (its socket's backlog). */
  pendingBytes(): number;
}

/** What the room keeps per peer. */
interface PeerState {
  /** A sync answer is being prepared or sent: a later step 1 waits, merged into `nextSync`. */
  syncing: boolean;
  /** Merged state vector of the step 1s that arrived meanwhile (client → clock, the lowest). */
  nextSync: Map<number, number> | null;
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
  private readonly peers = new Map<Peer, PeerState>();
  /** Who introduced each awareness client id (presence belongs to its sender). */
  private readonly owners: PresenceOwners<Peer>;
  private readonly durability: DurabilityHooks;
  private readonly answers: SyncAnswers;
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
    answersWorker: () => JobRunner<YjsJobs>,
  ) {
    this.owners = new PresenceOwners(new Set([this.doc.clientID]));
    this.answers = new SyncAnswers(id, this.doc, answersWorker, log);
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
      this.peers.set(peer, { syncing: false, nextSync: null });
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

  /**
   * A change the relay itself makes (POST /api/maps/<id>/merge): run in the queue like a
   * peer's update, so it is stored, then sent to every peer, in one piece. `fn` gets the
   * document; what it writes is one change however many transactions it uses. Rejects with
   * fn's error (whatever it wrote before throwing is kept, stored and relayed all the same).
   */
  write<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      void this.enqueue(async () => {
        await this.durability.settled();
        if (this.closed) return reject(new Error('map unavailable'));
        this.captured = [];
        let result: { value: T } | { error: unknown };
        try {
          result = { value: fn(this.doc) };
        } catch (error) {
          result = { error };
        }
        const changes = this.captured;
        this.captured = null;
        if (changes.length > 0) {
          const change = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
          const message = encodeUpdate(change);
          this.answers.add(change, message);
          this.durability.onChange(change, () => this.broadcast(message, null));
        }
        if ('error' in result) reject(result.error);
        else resolve(result.value);
      });
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
    if (this.closed) return;
    // Stored by the relay it came through; part of the state from now on.
    Y.applyUpdate(this.doc, update, OTHER_RELAY);
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
        return this.requestSync(peer, msg.stateVector);
      case 'sync-step2':
      case 'update':
        // A view link is read-only: its updates are never applied, stored or relayed.
        if (peer.access === 'edit') this.applyFromPeer(peer, msg.update);
        return;
      case 'awareness': {
        const kept = this.owners.filter(peer, peer.access === 'view', msg.entries);
        if (kept.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), peer);
        return;
      }
      case 'query-awareness':
        peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
    }
  }

  /**
   * At most one sync answer in preparation per peer: a step 1 that arrives meanwhile waits,
   * merged with any other waiting one (the lowest clock per client covers both), so a flood
   * of step 1s costs one answer at a time, not one each.
   */
  private async requestSync(peer: Peer, stateVector: Uint8Array): Promise<void> {
    const state = this.peers.get(peer)!;
    if (state.syncing) {
      const next = (state.nextSync ??= Y.decodeStateVector(stateVector));
      const sv = Y.decodeStateVector(stateVector);
      for (const [client, clock] of next) {
        const other = sv.get(client) ?? 0;
        if (other < clock) next.set(client, other);
      }
      return;
    }
    state.syncing = true;
    // The answer may hold only what is stored: wait for the changes applied before it.
    await this.durability.settled();
    if (this.closed || this.peers.get(peer) !== state) return;
    const answer = this.answers.answer(stateVector);
    if (Array.isArray(answer)) {
      this.sendAnswer(peer, state, answer);
      return;
    }
    // Prepared off the queue (a worker): the map's other traffic goes on meanwhile.
    void answer.then((messages) => this.enqueue(() => this.sendAnswer(peer, state, messages)));
  }

  private sendAnswer(peer: Peer, state: PeerState, messages: readonly Uint8Array[]): void {
    if (this.closed || this.peers.get(peer) !== state) return;
    const bytes = messages.reduce((s, m) => s + m.byteLength, 0);
    if (peer.pendingBytes() + bytes > MAX_PENDING_BYTES) {
      this.log.warn('budget', `map ${this.id}: a connection does not read its sync answers, closed`);
      this.dropPeer(peer, CLOSE.TRY_AGAIN_LATER, 'too slow');
      return;
    }
    // The answer is done once written out: a peer that does not read gets nothing more built.
    messages.forEach((m, i) => peer.send(m, i === messages.length - 1 ? () => this.enqueue(() => this.answered(peer, state)) : undefined));
  }

  private answered(peer: Peer, state: PeerState): void {
    state.syncing = false;
    const next = state.nextSync;
    if (!next || this.peers.get(peer) !== state) return;
    state.nextSync = null;
    return void this.requestSync(peer, Y.encodeStateVector(new Map(next)));
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
      const message = encodeUpdate(change);
      this.answers.add(change, message);
      this.durability.onChange(change, () => this.broadcast(message, peer));
    }
    if (applyError) throw new ProtocolError(CLOSE.BAD_MESSAGE, 'update did not apply');
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADING) return;
    if (origin === OTHER_RELAY) {
      const message = encodeUpdate(update);
      this.answers.add(update, message);
      this.broadcast(message, null);
      return;
    }
    this.captured?.push(update);
  };

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === OTHER_RELAY) this.owners.added(REMOTE, added);
    else if (this.peers.has(origin as Peer)) this.owners.added(origin as Peer, added);
    this.owners.removed(removed);
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
      this.answers.loaded(await this.durability.onLoad(this.doc, LOADING));
    } catch (e) {
      this.fail(`load failed: ${describeError(e)}`);
    }
  }

  private removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const ids = this.owners.heldBy(peer);
    if (ids.length > 0 && !this.closed) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    // Whatever was left (the room is closing) is forgotten with it.
    this.owners.removed(ids);
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
