import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, SqliteMapStore } from '../../server/store/sqlite-store';
import { waitFor } from '../helpers/relay';
import { record } from './store-contract';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SqliteMapStore checkpoints', () => {
  it('copies the WAL into the database file from its own thread, long before SQLite itself would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-checkpoint-'));
    dirs.push(dir);
    const store = new SqliteMapStore(dir);
    try {
      await store.createMap(record('m1'), new Uint8Array([0, 0]));
      const before = statSync(join(dir, DB_FILE)).size;
      // About 400 KiB of log: 100 WAL pages, far below the relay's automatic checkpoint (16,384).
      const row = new Uint8Array(4000).fill(7);
      await Promise.all(Array.from({ length: 100 }, () => store.appendUpdate('m1', row)));
      // The positive sentinel: the rows reach the database file itself, not only the WAL.
      await waitFor(() => statSync(join(dir, DB_FILE)).size > before + 300_000, 'a checkpoint', 30_000);
      expect((await store.loadUpdates('m1')).length).toBe(101);
    } finally {
      await store.close();
    }
  }, 60_000);
});
