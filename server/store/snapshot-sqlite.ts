import type Database from 'better-sqlite3';
import {
  KEEP_AUTO_SNAPSHOTS, MAX_NAMED_SNAPSHOTS, snapshotRecord, TooManySnapshots,
  type NewSnapshot, type SnapshotRecord, type SnapshotRow, type SnapshotStore,
} from './snapshot-store';

/** The table, created with the maps' tables (sqlite-store.ts runs it at start). */
export const SNAPSHOTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  auto TEXT,
  factors INTEGER NOT NULL,
  links INTEGER NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_map ON snapshots(map_id, created_at);
`;

const COLUMNS = 'id, map_id, name, created_at, author, auto, factors, links, LENGTH(state) AS bytes';

/**
 * Snapshots in the relay's SQLite file, on the map store's own connection (one writer, no
 * lock waits). Listing reads no state (LENGTH() of a blob does not read it), so a list of
 * hundreds of snapshots of a large map costs what a list of names costs.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly stmts;
  private readonly insert: (r: NewSnapshot, state: Buffer) => void;

  constructor(db: Database.Database) {
    this.stmts = {
      insert: db.prepare(`INSERT INTO snapshots (id, map_id, name, created_at, author, auto, factors, links, state)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      list: db.prepare<[string], SnapshotRow>(`SELECT ${COLUMNS} FROM snapshots WHERE map_id = ? ORDER BY created_at, rowid`),
      get: db.prepare<[string, string], SnapshotRow>(`SELECT ${COLUMNS} FROM snapshots WHERE map_id = ? AND id = ?`),
      state: db.prepare<[string, string], { state: Buffer }>('SELECT state FROM snapshots WHERE map_id = ? AND id = ?'),
      newest: db.prepare<[string], { at: number | null }>('SELECT MAX(created_at) AS at FROM snapshots WHERE map_id = ?'),
      named: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM snapshots WHERE map_id = ? AND auto IS NULL'),
      prune: db.prepare(`DELETE FROM snapshots WHERE map_id = ? AND auto IS NOT NULL AND id NOT IN (
        SELECT id FROM snapshots WHERE map_id = ? AND auto IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT ?)`),
    };
    this.insert = db.transaction((r: NewSnapshot, state: Buffer) => {
      if (r.auto === null && this.stmts.named.get(r.mapId)!.n >= MAX_NAMED_SNAPSHOTS) {
        throw new TooManySnapshots(`a map keeps at most ${MAX_NAMED_SNAPSHOTS} named snapshots`);
      }
      this.stmts.insert.run(r.id, r.mapId, r.name, r.createdAt, r.author, r.auto, r.factors, r.links, state);
      if (r.auto !== null) this.stmts.prune.run(r.mapId, r.mapId, KEEP_AUTO_SNAPSHOTS);
    });
  }

  async addSnapshot(r: NewSnapshot, state: Uint8Array): Promise<SnapshotRecord> {
    this.insert(r, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    return { ...r, bytes: state.byteLength };
  }

  async listSnapshots(mapId: string): Promise<SnapshotRecord[]> {
    return this.stmts.list.all(mapId).map(snapshotRecord);
  }

  async getSnapshot(mapId: string, id: string): Promise<SnapshotRecord | null> {
    const r = this.stmts.get.get(mapId, id);
    return r ? snapshotRecord(r) : null;
  }

  async getSnapshotState(mapId: string, id: string): Promise<Uint8Array | null> {
    return this.stmts.state.get(mapId, id)?.state ?? null;
  }

  async newestSnapshotAt(mapId: string): Promise<number | null> {
    return this.stmts.newest.get(mapId)?.at ?? null;
  }
}
