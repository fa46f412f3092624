/* global setInterval, clearInterval */
// Checkpoints the relay's SQLite WAL into the database file, off the relay's event loop (see
// SqliteMapStore). A checkpoint copies pages and fsyncs the database file: tens of
// milliseconds on a busy disk, which, run by SQLite's automatic checkpoint inside a commit on
// the relay's thread, delayed every map's traffic (the relay bench's p99). PASSIVE never
// blocks the relay's connection: it copies what no reader needs and leaves the rest for the
// next run. Plain JavaScript: a worker thread does not inherit tsx's loader.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, everyMs } = workerData;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

const timer = setInterval(() => {
  try {
    checkpoint.run();
  } catch {
    // SQLITE_BUSY or a database closing: the next run, or SQLite's own safety net, does it.
  }
}, everyMs);

parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  try {
    checkpoint.run();
  } catch {
    // As above.
  }
  db.close();
  parentPort.postMessage('closed');
});
