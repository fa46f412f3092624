import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { nodeParentPort, serveJobs } from '../../src/model/worker';

/**
 * Checkpoints the relay's SQLite WAL into the database file, off the relay's event loop (see
 * SqliteMapStore). A checkpoint copies pages and fsyncs the database file: tens of
 * milliseconds on a busy disk, which, run by SQLite's automatic checkpoint inside a commit on
 * the relay's thread, delayed every map's traffic (the relay bench's p99). PASSIVE never
 * blocks the relay's connection: it copies what no reader needs and leaves the rest for the
 * next run. The thread's own connection lives from 'start' to 'close'.
 */
let db: Database.Database | null = null;
let timer: ReturnType<typeof setInterval> | null = null;

function checkpoint(): void {
  try {
    db?.prepare('PRAGMA wal_checkpoint(PASSIVE)').run();
  } catch {
    // SQLITE_BUSY or a database closing: the next run, or SQLite's own safety net, does it.
  }
}

export const checkpointJobs = {
  /** Opens the relay's database file and checkpoints it every `everyMs`. */
  start({ file, everyMs }: { file: string; everyMs: number }) {
    if (db) throw new Error('checkpoints already started');
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    timer = setInterval(checkpoint, everyMs);
  },
  /** A last checkpoint, then the thread's connection is closed. */
  close() {
    if (timer) clearInterval(timer);
    timer = null;
    checkpoint();
    db?.close();
    db = null;
  },
};

export type CheckpointJobs = typeof checkpointJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), checkpointJobs);
