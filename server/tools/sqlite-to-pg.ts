import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { createLogger, describeError } from '../log';
import { DatabaseStartError, storeError } from '../store/pg-errors';
import { PgMapStore, UPDATES_CHANNEL } from '../store/pg-store';
import { replayUpdates } from '../store/replay';
import { DB_FILE } from '../store/sqlite-store';

/**
 * `DATABASE_URL=postgres://… npm run migrate:sqlite-to-pg -- <data folder>`
 *
 * Copies every map of a relay's SQLite data folder (a facilitator's laptop) into the
 * PostgreSQL database of a programme's server, in one step:
 *   - a map the database does not have is copied whole: its record, token hashes and every
 *     row of its update log, in order;
 *   - a map it has already (same id, same token hashes) gets only what the laptop holds that
 *     the server lacks, as one more update, or nothing: running the command again changes
 *     nothing, and a laptop used after a first copy can be copied again;
 *   - a map id the database holds with other tokens is left alone and reported.
 * Each map is copied in its own transaction, so an interrupted run leaves whole maps, and the
 * next run carries on. Relays serving a map that gets new content hear of it (NOTIFY).
 * Prints one line per map (its id and what was done, never content or tokens), then a
 * summary; exits 1 if any map could not be copied.
 */

interface SqliteMap {
  id: string;
  edit_hash: Buffer;
  view_hash: Buffer;
  created_at: number;
}

export type CopyOutcome = 'copied' | 'updated' | 'unchanged' | 'conflict' | 'failed';

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

/** What the laptop's rows hold that the server's rows lack, as one update; null if nothing. */
function missingFrom(serverRows: readonly Uint8Array[], laptopRows: readonly Uint8Array[]): Uint8Array | null {
  const server = new Y.Doc();
  const laptop = new Y.Doc();
  try {
    replayUpdates(server, serverRows);
    replayUpdates(laptop, laptopRows);
    const diff = Y.encodeStateAsUpdate(laptop, Y.encodeStateVector(server));
    // Applied to the server's document, the diff emits an update only if it adds something
    // (new items or new deletions); that update is exactly what is missing.
    let added: Uint8Array | null = null;
    server.on('update', (u: Uint8Array) => {
      added = added ? Y.mergeUpdates([added, u]) : u;
    });
    Y.applyUpdate(server, diff);
    return added;
  } finally {
    server.destroy();
    laptop.destroy();
  }
}

interface SqliteSnapshot {
  id: string;
  name: string;
  created_at: number;
  author: string;
  auto: string | null;
  factors: number;
  links: number;
  state: Buffer;
}

/** The map's snapshots on the laptop, oldest first (none in a data folder older than snapshots). */
function snapshotsOf(sqlite: Database.Database, mapId: string): SqliteSnapshot[] {
  const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'snapshots'").get();
  if (!has) return [];
  return sqlite.prepare<[string], SqliteSnapshot>(
    'SELECT id, name, created_at, author, auto, factors, links, state FROM snapshots WHERE map_id = ? ORDER BY created_at, rowid',
  ).all(mapId);
}

/** Inserts the snapshots the server lacks (by id: ids are random); how many were new. */
async function copySnapshots(client: import('pg').PoolClient, mapId: string, snaps: readonly SqliteSnapshot[]): Promise<number> {
  let added = 0;
  for (const x of snaps) {
    const r = await client.query(
      `INSERT INTO snapshots (id, map_id, name, created_at, author, auto, factors, links, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [x.id, mapId, x.name, x.created_at, x.author, x.auto, x.factors, x.links, x.state]);
    added += r.rowCount ?? 0;
  }
  return added;
}

async function copyMap(
  store: PgMapStore, sqlite: Database.Database, map: SqliteMap,
): Promise<{ outcome: CopyOutcome; rows: number; snapshots: number }> {
  const rows = sqlite.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE map_id = ? ORDER BY seq')
    .all(map.id).map((r) => r.data);
  const snaps = snapshotsOf(sqlite, map.id);
  const client = await store.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const existing = await client.query<{ edit_hash: Buffer; view_hash: Buffer; head: number }>(
      'SELECT edit_hash, view_hash, head FROM maps WHERE id = $1 FOR UPDATE', [map.id]);
    const there = existing.rows[0];
    if (!there) {
      await client.query('INSERT INTO maps (id, edit_hash, view_hash, created_at, head) VALUES ($1, $2, $3, $4, $5)',
        [map.id, map.edit_hash, map.view_hash, map.created_at, rows.length]);
      await client.query(
        'INSERT INTO updates (map_id, seq, data) SELECT $1, s, d FROM unnest($2::int8[], $3::bytea[]) AS u(s, d)',
        [map.id, rows.map((_, i) => i + 1), rows]);
      const snapshots = await copySnapshots(client, map.id, snaps);
      await client.query('COMMIT');
      return { outcome: 'copied', rows: rows.length, snapshots };
    }
    if (!there.edit_hash.equals(map.edit_hash) || !there.view_hash.equals(map.view_hash)) {
      await client.query('ROLLBACK');
      return { outcome: 'conflict', rows: 0, snapshots: 0 };
    }
    const snapshots = await copySnapshots(client, map.id, snaps);
    const serverRows = await client.query<{ data: Buffer }>('SELECT data FROM updates WHERE map_id = $1 ORDER BY seq', [map.id]);
    const missing = missingFrom(serverRows.rows.map((r) => r.data), rows);
    if (!missing) {
      await client.query(snapshots > 0 ? 'COMMIT' : 'ROLLBACK');
      return { outcome: snapshots > 0 ? 'updated' : 'unchanged', rows: 0, snapshots };
    }
    const head = there.head + 1;
    await client.query('INSERT INTO updates (map_id, seq, data) VALUES ($1, $2, $3)', [map.id, head, missing]);
    await client.query('UPDATE maps SET head = $2 WHERE id = $1', [map.id, head]);
    // Relays with this map open read the new row, as if another relay had written it.
    await client.query(`SELECT pg_notify('${UPDATES_CHANNEL}', $1)`, [`sqlite-to-pg ${map.id} ${head}`]);
    await client.query('COMMIT');
    return { outcome: 'updated', rows: 1, snapshots };
  } catch (e) {
    broken = e instanceof Error ? e : new Error('copy failed');
    await client.query('ROLLBACK').catch(() => undefined);
    throw storeError(e);
  } finally {
    client.release(broken);
  }
}

async function main(argv: string[]): Promise<void> {
  const dir = argv[0] ?? process.env.DATA_DIR;
  if (!dir) fail('Usage: DATABASE_URL=postgres://… npm run migrate:sqlite-to-pg -- <data folder>');
  const file = join(resolve(dir), DB_FILE);
  if (!existsSync(file)) fail(`No Trame data in ${resolve(dir)} (${DB_FILE} not found)`);
  const url = process.env.DATABASE_URL?.trim();
  if (!url) fail('DATABASE_URL is not set: say which PostgreSQL database receives the maps');

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    fail(`Cannot read ${file}: ${describeError(e)}`);
  }
  let store: PgMapStore;
  try {
    store = await PgMapStore.open(url, createLogger());
  } catch (e) {
    if (e instanceof DatabaseStartError) fail(`Cannot copy: ${e.message}`);
    throw e;
  }

  const maps = sqlite.prepare<[], SqliteMap>('SELECT id, edit_hash, view_hash, created_at FROM maps ORDER BY created_at, id').all();
  console.log(`${maps.length} maps in ${resolve(dir)}`);
  const counts: Record<CopyOutcome, number> = { copied: 0, updated: 0, unchanged: 0, conflict: 0, failed: 0 };
  for (const [i, map] of maps.entries()) {
    const at = `map ${i + 1}/${maps.length} ${map.id}`;
    try {
      const { outcome, rows, snapshots } = await copyMap(store, sqlite, map);
      counts[outcome]++;
      const withSnapshots = snapshots > 0 ? `, ${snapshots} snapshot${snapshots > 1 ? 's' : ''}` : '';
      const said = {
        copied: `copied, ${rows} updates${withSnapshots}`,
        updated: `already there, brought up to date (${rows} update${rows === 1 ? '' : 's'}${withSnapshots})`,
        unchanged: 'already there, nothing new',
        conflict: 'NOT COPIED: the database has a map with this id and other tokens',
        failed: '',
      }[outcome];
      console.log(`${at}: ${said}`);
    } catch (e) {
      counts.failed++;
      console.log(`${at}: NOT COPIED: ${describeError(e)}`);
    }
  }
  sqlite.close();
  await store.close();
  console.log(`done: ${counts.copied} copied, ${counts.updated} brought up to date, ${counts.unchanged} unchanged, `
    + `${counts.conflict + counts.failed} not copied`);
  process.exit(counts.conflict + counts.failed > 0 ? 1 : 0);
}

void main(process.argv.slice(2));
