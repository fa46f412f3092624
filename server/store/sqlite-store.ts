import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { JobRunner } from '../../src/model/worker';
import { workerEndpoint } from '../lib/spawn-worker';
import type { CheckpointJobs } from './checkpoint-worker';
import { LogFolder } from './fold';
import type { LogStats, MapRecord, MapStore } from './map-store';
import { SNAPSHOTS_SCHEMA, SqliteSnapshotStore } from './snapshot-sqlite';

export const DB_FILE = 'trame.sqlite';

/** How often the checkpoint thread copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 1000;
/**
 * SQLite's own checkpoint, inside a commit on the relay's thread, only past this many WAL
 * pages (4 KiB each): a safety net should the checkpoint thread fall behind or die.
 */
const AUTOCHECKPOINT_PAGES = 16_384;

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

interface PendingAppend {
  readonly id: string;
  readonly data: Buffer;
  resolve(): void;
  reject(e: unknown): void;
}

/**
 * The embedded store: one SQLite file in DATA_DIR, nothing to install or run beside the relay.
 *
 * Appends are group-committed: those made in one turn of the event loop (several maps, or
 * several updates of one map, arriving together) are written in one transaction at the end of
 * that turn, and each append's promise resolves once its transaction has committed. A commit
 * costs far more than a row (bench/relay-load.ts), so under load this is what keeps storing
 * every update before relaying it affordable. Every read flushes pending appends first, so a
 * read always sees every append made before it.
 *
 * Compaction replays a whole log, tens of milliseconds for a busy map, which on the event loop
 * stalled every map's traffic: the replay runs in a worker thread (compact-worker.ts, started
 * on first use) while reading and replacing the rows stay here, on the one connection, so
 * appends never wait on another connection's lock.
 *
 * Checkpoints (copying the WAL into the database file, with an fsync) run in a thread of their
 * own (checkpoint-worker.ts, PASSIVE, every second) rather than inside whichever commit
 * crosses SQLite's 1,000-page threshold: that commit used to hold the event loop 20–50 ms.
 */
export class SqliteMapStore implements MapStore {
  private readonly db: Database.Database;
  private readonly stmts;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly appendAll: (batch: readonly PendingAppend[]) => void;
  private readonly folder = new LogFolder();
  /** Named states of maps (snapshot-sqlite.ts), in the same file and on the same connection. */
  readonly snapshots: SqliteSnapshotStore;
  private readonly checkpointer: JobRunner<CheckpointJobs>;

  constructor(dataDir: string) {
    // Maps may hold testimony: the folder and its files are the relay user's alone (0700,
    // 0600). SQLite creates its -wal and -shm files with the database file's mode.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    const file = join(dataDir, DB_FILE);
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    this.db = new Database(file);
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
    this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    this.db.exec(SCHEMA);
    this.db.exec(SNAPSHOTS_SCHEMA);
    this.snapshots = new SqliteSnapshotStore(this.db);
    this.checkpointer = new JobRunner<CheckpointJobs>(() => workerEndpoint(new URL('./checkpoint-worker.ts', import.meta.url)));
    // Should the thread fail, SQLite's automatic checkpoint still keeps the WAL bounded.
    this.checkpointer.run('start', { file, everyMs: CHECKPOINT_EVERY_MS }).catch(() => undefined);
    this.stmts = {
      insertMap: this.db.prepare('INSERT INTO maps (id, edit_hash, view_hash, created_at) VALUES (?, ?, ?, ?)'),
      getMap: this.db.prepare<[string], MapRow>('SELECT id, edit_hash, view_hash, created_at FROM maps WHERE id = ?'),
      append: this.db.prepare('INSERT INTO updates (map_id, data) VALUES (?, ?)'),
      load: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq'),
      stats: this.db.prepare<[string], { n: number; bytes: number | null }>(
        'SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM updates WHERE map_id = ?'),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?'),
      insertAt: this.db.prepare('INSERT INTO updates (seq, map_id, data) VALUES (?, ?, ?)'),
    };
    this.appendAll = this.db.transaction((batch: readonly PendingAppend[]) => {
      for (const a of batch) this.stmts.append.run(a.id, a.data);
    });
  }

  /** Writes the pending appends, then settles their promises. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      this.appendAll(batch);
      batch.forEach((a) => a.resolve());
    } catch {
      // One bad row (say, for a map deleted meanwhile) must not fail the others: retry alone.
      for (const a of batch) {
        try {
          this.stmts.append.run(a.id, a.data);
          a.resolve();
        } catch (e) {
          a.reject(e);
        }
      }
    }
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
    this.flush();
    return this.stmts.load.all(id).map((r) => r.data);
  }

  appendUpdate(id: string, update: Uint8Array): Promise<void> {
    if (!this.db.open) return Promise.reject(new Error('store closed'));
    return new Promise((resolve, reject) => {
      // A view, not a copy: updates are never written to after they are made.
      this.pending.push({ id, data: Buffer.from(update.buffer, update.byteOffset, update.byteLength), resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async logStats(id: string): Promise<LogStats> {
    this.flush();
    const r = this.stmts.stats.get(id);
    return { updates: r?.n ?? 0, bytes: r?.bytes ?? 0 };
  }

  async compact(id: string): Promise<void> {
    this.flush();
    const rows = this.stmts.load.all(id);
    const last = rows[rows.length - 1];
    if (rows.length < 2 || !last) return;
    const folded = await this.folder.fold(rows.map((r) => r.data));
    if (!folded || !this.db.open) return;
    // The log is append-only and sequence numbers only grow (AUTOINCREMENT): rows up to `last`
    // are still those folded, whatever was appended meanwhile. The fold takes the place of the
    // last row it replaces, before those later rows: they build on it, and replayed ahead of
    // it they would wait as pending structs, which Yjs re-merges on every update (quadratic).
    // IMMEDIATE: another relay on this file cannot slip in between the delete and the insert.
    this.db.transaction(() => {
      this.stmts.deleteUpTo.run(id, last.seq);
      this.stmts.insertAt.run(last.seq, id, Buffer.from(folded.buffer, folded.byteOffset, folded.byteLength));
    }).immediate();
  }

  /** A last checkpoint, then the thread's connection is closed (before ours: WAL files go with the last). */
  private async stopCheckpoints(): Promise<void> {
    // Queued behind 'start': a store closed at once still opens, checkpoints and closes in order.
    await this.checkpointer.run('close', undefined).catch(() => undefined);
    this.checkpointer.destroy();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.flush();
    await this.folder.close();
    await this.stopCheckpoints();
    this.db.close();
  }
}
