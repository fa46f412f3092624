/**
 * Where maps live. The relay talks to storage only through this interface so that a later
 * deployment can run several relays on one shared store (they then also need a shared
 * Fanout, see ../relay/fanout.ts). Methods may be sync or async underneath; callers await.
 *
 * A map is its access record plus an append-only log of Yjs updates. Applying the log in any
 * order gives the document (Yjs updates commute), which is what lets compaction replace rows
 * and several writers append concurrently.
 */
import type { SnapshotStore } from './snapshot-store';

export interface MapRecord {
  readonly id: string;
  readonly editTokenHash: Uint8Array;
  readonly viewTokenHash: Uint8Array;
  readonly createdAt: number;
}

export interface LogStats {
  readonly updates: number;
  readonly bytes: number;
}

export interface MapStore {
  /** Creates the record and its first update in one step; fails if the id exists. */
  createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void>;
  /** The access record, or null for an unknown map. */
  getMap(id: string): Promise<MapRecord | null>;
  /** Every stored update of the map, oldest first. */
  loadUpdates(id: string): Promise<Uint8Array[]>;
  /** Durable once the promise resolves: callers relay an update only after that. */
  appendUpdate(id: string, update: Uint8Array): Promise<void>;
  /** Size of the log, to decide when to compact. */
  logStats(id: string): Promise<LogStats>;
  /**
   * Replaces the log by one update holding the same document, atomically: a crash leaves
   * either the old rows or the new one, and updates appended meanwhile are kept.
   */
  compact(id: string): Promise<void>;
  close(): Promise<void>;
  /** Named states of maps (snapshot-store.ts); absent where the store has no snapshot tables yet. */
  readonly snapshots?: SnapshotStore;
}
