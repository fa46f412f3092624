import { AUTO_REASONS, type AutoReason } from '../../src/model/snapshots';

/**
 * Named states of a map, kept by the relay beside its update log (issue 19): a snapshot is
 * the whole document state at one moment (Y.encodeStateAsUpdate), never a way of keeping
 * history inside the live document. The SQLite store implements this in snapshot-sqlite.ts;
 * a PostgreSQL store implements the same interface on its own tables.
 *
 * Every method that takes a snapshot id also takes the map id, and answers only for a
 * snapshot of that map: another map's snapshot id is "unknown", never its content.
 */
export interface SnapshotRecord {
  readonly id: string;
  readonly mapId: string;
  readonly name: string;
  /** Milliseconds since 1970, the relay's clock. */
  readonly createdAt: number;
  /** The name the person gave (from presence), '' for a script or an automatic snapshot. */
  readonly author: string;
  /** null for a snapshot a person named; why an automatic one was taken. */
  readonly auto: AutoReason | null;
  readonly factors: number;
  readonly links: number;
  /** Size of the stored state. */
  readonly bytes: number;
}

export type NewSnapshot = Omit<SnapshotRecord, 'bytes'>;

/** Automatic snapshots kept per map (all reasons together); older automatic ones are deleted. */
export const KEEP_AUTO_SNAPSHOTS = 20;
/** Named snapshots per map: a programme of 3 years meets at most a few dozen times. */
export const MAX_NAMED_SNAPSHOTS = 1000;

export interface SnapshotStore {
  /**
   * Stores a snapshot. An automatic one also deletes the oldest automatic ones past
   * KEEP_AUTO_SNAPSHOTS, in the same transaction. Throws TooManySnapshots for a named one
   * past MAX_NAMED_SNAPSHOTS.
   */
  addSnapshot(record: NewSnapshot, state: Uint8Array): Promise<SnapshotRecord>;
  /** The map's snapshots, oldest first, without their states. */
  listSnapshots(mapId: string): Promise<SnapshotRecord[]>;
  getSnapshot(mapId: string, id: string): Promise<SnapshotRecord | null>;
  /** The stored state as written, or null when the map has no such snapshot. */
  getSnapshotState(mapId: string, id: string): Promise<Uint8Array | null>;
  /** When the map's newest snapshot was taken, or null when it has none. */
  newestSnapshotAt(mapId: string): Promise<number | null>;
}

export class TooManySnapshots extends Error {
  override readonly name = 'TooManySnapshots';
}

/** A snapshot row as both stores read it (state left out; `bytes` is its length). */
export interface SnapshotRow {
  id: string;
  map_id: string;
  name: string;
  created_at: number;
  author: string;
  auto: string | null;
  factors: number;
  links: number;
  bytes: number;
}

const autoOf = (v: string | null): AutoReason | null =>
  v !== null && (AUTO_REASONS as readonly string[]).includes(v) ? (v as AutoReason) : null;

/** A stored row as a record; an automatic reason this code does not know reads as named. */
export function snapshotRecord(r: SnapshotRow): SnapshotRecord {
  return {
    id: r.id, mapId: r.map_id, name: r.name, createdAt: r.created_at, author: r.author, auto: autoOf(r.auto),
    factors: r.factors, links: r.links, bytes: r.bytes,
  };
}
