import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { LogStats, MapRecord, MapStore } from './map-store';
import { replayUpdates } from './replay';

export const DB_FILE = 'trame.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,
  edit_hash BLOB NOT NULL,
  view_hash BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_map ON updates(map_id, seq);
`;

interface MapRow {
  id: string;
  edit_hash: Buffer;
  view_hash: Buffer;
  created_at: number;
}

/**
 * The embedded store: one SQLite file in DATA_DIR, nothing to install or run beside the relay.
 * better-sqlite3 is synchronous, so an append is on disk when the call returns; the async
 * interface is only there for other stores.
 */
export class SqliteMapStore implements MapStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, DB_FILE));
    this.db.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL writes every commit to the WAL file before returning, so a committed
    // update survives the relay being killed (kill -9, crash, OOM); only an OS crash or power
    // cut can lose the last commits, because the WAL is fsynced at checkpoints, not per commit.
    // FULL would fsync each edit. We accept NORMAL: what a power cut loses, the clients still
    // hold (IndexedDB) and send back on their next sync.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Another relay process on the same file may hold the write lock for a moment.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.stmts = {
      insertMap: this.db.prepare('INSERT INTO maps (id, edit_hash, view_hash, created_at) VALUES (?, ?, ?, ?)'),
      getMap: this.db.prepare<[string], MapRow>('SELECT id, edit_hash, view_hash, created_at FROM maps WHERE id = ?'),
      append: this.db.prepare('INSERT INTO updates (map_id, data) VALUES (?, ?)'),
      load: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq'),
      stats: this.db.prepare<[string], { n: number; bytes: number | null }>(
        'SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM updates WHERE map_id = ?'),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?'),
    };
  }

  async createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.stmts.insertMap.run(record.id, Buffer.from(record.editTokenHash),
        Buffer.from(record.viewTokenHash), record.createdAt);
      this.stmts.append.run(record.id, Buffer.from(initialUpdate));
    })();
  }

  async getMap(id: string): Promise<MapRecord | null> {
    const row = this.stmts.getMap.get(id);
    if (!row) return null;
    return { id: row.id, editTokenHash: row.edit_hash, viewTokenHash: row.view_hash, createdAt: row.created_at };
  }

  async loadUpdates(id: string): Promise<Uint8Array[]> {
    return this.stmts.load.all(id).map((r) => r.data);
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<void> {
    this.stmts.append.run(id, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  }

  async logStats(id: string): Promise<LogStats> {
    const r = this.stmts.stats.get(id);
    return { updates: r?.n ?? 0, bytes: r?.bytes ?? 0 };
  }

  async compact(id: string): Promise<void> {
    // IMMEDIATE takes the write lock up front: another writer cannot slip an update in between
    // our read of the log and the delete, and we cannot deadlock upgrading a read lock.
    this.db.transaction(() => {
      const rows = this.stmts.load.all(id);
      const last = rows[rows.length - 1];
      if (rows.length < 2 || !last) return;
      const doc = new Y.Doc();
      try {
        // Folding would silently drop a row that does not apply: leave such a log as it is.
        if (replayUpdates(doc, rows.map((r) => r.data)) > 0) return;
        this.stmts.deleteUpTo.run(id, last.seq);
        this.stmts.append.run(id, Buffer.from(Y.encodeStateAsUpdate(doc)));
      } finally {
        doc.destroy();
      }
    }).immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
