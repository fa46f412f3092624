import type * as Y from 'yjs';

/**
 * The seam between a room's two halves, in the spirit of hocuspocus's extension hooks:
 *
 *   protocol session (room.ts)      peers, joins, leaves, presence, the y-websocket messages,
 *                                   one serial queue per map
 *   durability pipeline             loading, storing before relaying, relay order, compaction,
 *   (durability.ts)                 fan-out to other relays serving the same map
 *
 * The session calls the hooks below; the pipeline calls back through SessionHandle. Another
 * storage or fan-out (PostgreSQL, several relays) replaces the pipeline behind these hooks,
 * without touching the protocol. Every hook is called from inside the session's queue, so a
 * hook sees the room's events in the order the session handled them.
 */
export interface DurabilityHooks {
  /**
   * Fills the new, empty document before any peer is answered (hocuspocus: onLoadDocument).
   * Must apply what it loads with `origin`, which the session does not treat as a peer's
   * change. Resolves with the updates it applied, in order, when every one applied (the
   * session shares them as the map's encoded state, see sync-answers.ts), or null. A
   * rejection fails the room: its peers are closed with 1011.
   */
  onLoad(doc: Y.Doc, origin: symbol): Promise<readonly Uint8Array[] | null>;
  /**
   * A peer's change, as the document accepted it (onChange + onStoreDocument). The pipeline
   * stores it and calls `relay` once it is durable, after the relay of every earlier change,
   * so peers see changes in the order they were applied and never one that is not stored.
   * If storing fails, `relay` is never called and the pipeline calls SessionHandle.fail.
   */
  onChange(change: Uint8Array, relay: () => void): void;
  /** Settles once every change given to onChange so far is stored and relayed (or failed). */
  settled(): Promise<void>;
  /** A local peer's presence changed (encoded awareness update); presence is never stored. */
  onAwareness(update: Uint8Array): void;
  /** The room leaves memory; nothing is called after this (hocuspocus: afterUnloadDocument). */
  onUnload(): void;
}

/** What a pipeline may do to its session. */
export interface SessionHandle {
  /** Runs `task` in the session's serial order (after what is already queued). */
  enqueue(task: () => void | Promise<void>): Promise<void>;
  /** A change made through another relay: applied and sent to local peers, never stored again. */
  applyRemoteChange(update: Uint8Array): void;
  /** Presence from another relay's peers. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** Storage failed: memory may hold what disk does not; every peer is closed and the room closes. */
  fail(reason: string): void;
}

/** Builds the pipeline of one map; Rooms calls it once per room. */
export type DurabilityFactory = (mapId: string, session: SessionHandle) => DurabilityHooks;
