import type pg from 'pg';
import { storeError } from './pg-errors';
import {
  KEEP_AUTO_SNAPSHOTS, MAX_NAMED_SNAPSHOTS, snapshotRecord, TooManySnapshots,
  type NewSnapshot, type SnapshotRecord, type SnapshotRow, type SnapshotStore,
} from './snapshot-store';

/** Listing reads no state: octet_length of an out-of-line value reads its header only. */
const COLUMNS = 'id, map_id, name, created_at, author, auto, factors, links, octet_length(state)::int8 AS bytes';

/**
 * Snapshots in PostgreSQL (migration 002-snapshots.sql), the same records as the SQLite
 * store (snapshot-sqlite.ts), shared by every relay on the database. Adding one takes the
 * map row's lock, so two relays adding snapshots of one map at once count and prune in turn:
 * the named limit holds and the automatic ones kept are the newest, whoever took them.
 */
export class PgSnapshotStore implements SnapshotStore {
  constructor(private readonly pool: pg.Pool) {}

  async addSnapshot(r: NewSnapshot, state: Uint8Array): Promise<SnapshotRecord> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw storeError(e);
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      // The map row's lock (it exists, or the insert below fails on its reference anyway).
      await client.query({ name: 'trame-snapshot-lock', text: 'SELECT 1 FROM maps WHERE id = $1 FOR NO KEY UPDATE', values: [r.mapId] });
      if (r.auto === null) {
        const { rows } = await client.query<{ n: number }>({
          name: 'trame-snapshot-named',
          text: 'SELECT count(*)::int8 AS n FROM snapshots WHERE map_id = $1 AND auto IS NULL',
          values: [r.mapId],
        });
        if ((rows[0]?.n ?? 0) >= MAX_NAMED_SNAPSHOTS) {
          throw new TooManySnapshots(`a map keeps at most ${MAX_NAMED_SNAPSHOTS} named snapshots`);
        }
      }
      await client.query({
        name: 'trame-snapshot-insert',
        text: `INSERT INTO snapshots (id, map_id, name, created_at, author, auto, factors, links, state)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        values: [r.id, r.mapId, r.name, r.createdAt, r.author, r.auto, r.factors, r.links, state],
      });
      if (r.auto !== null) {
        await client.query({
          name: 'trame-snapshot-prune',
          text: `DELETE FROM snapshots WHERE map_id = $1 AND auto IS NOT NULL AND id NOT IN (
            SELECT id FROM snapshots WHERE map_id = $1 AND auto IS NOT NULL ORDER BY created_at DESC, ord DESC LIMIT $2)`,
          values: [r.mapId, KEEP_AUTO_SNAPSHOTS],
        });
      }
      await client.query('COMMIT');
      return { ...r, bytes: state.byteLength };
    } catch (e) {
      await client.query('ROLLBACK').catch((err: unknown) => {
        broken = err instanceof Error ? err : new Error('rollback failed');
      });
      if (e instanceof TooManySnapshots) throw e;
      throw storeError(e);
    } finally {
      client.release(broken);
    }
  }

  async listSnapshots(mapId: string): Promise<SnapshotRecord[]> {
    const rows = await this.rows({
      name: 'trame-snapshot-list',
      text: `SELECT ${COLUMNS} FROM snapshots WHERE map_id = $1 ORDER BY created_at, ord`,
      values: [mapId],
    });
    return rows.map(snapshotRecord);
  }

  async getSnapshot(mapId: string, id: string): Promise<SnapshotRecord | null> {
    const [r] = await this.rows({
      name: 'trame-snapshot-get',
      text: `SELECT ${COLUMNS} FROM snapshots WHERE map_id = $1 AND id = $2`,
      values: [mapId, id],
    });
    return r ? snapshotRecord(r) : null;
  }

  async getSnapshotState(mapId: string, id: string): Promise<Uint8Array | null> {
    try {
      const { rows } = await this.pool.query<{ state: Buffer }>({
        name: 'trame-snapshot-state',
        text: 'SELECT state FROM snapshots WHERE map_id = $1 AND id = $2',
        values: [mapId, id],
      });
      return rows[0]?.state ?? null;
    } catch (e) {
      throw storeError(e);
    }
  }

  async newestSnapshotAt(mapId: string): Promise<number | null> {
    try {
      const { rows } = await this.pool.query<{ at: number | null }>({
        name: 'trame-snapshot-newest',
        text: 'SELECT max(created_at) AS at FROM snapshots WHERE map_id = $1',
        values: [mapId],
      });
      return rows[0]?.at ?? null;
    } catch (e) {
      throw storeError(e);
    }
  }

  private async rows(q: pg.QueryConfig): Promise<SnapshotRow[]> {
    try {
      return (await this.pool.query<SnapshotRow>(q)).rows;
    } catch (e) {
      throw storeError(e);
    }
  }
}
