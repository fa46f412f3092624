import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeError, type Logger } from '../log';
import { LogFolder } from './fold';
import type { LogStats, MapRecord, MapStore } from './map-store';
import { DatabaseStartError, startErrorLine, StoreError, storeError } from './pg-errors';
import { migrate, SchemaError } from './pg-schema';
import { PgSnapshotStore } from './pg-snapshots';

/** Connections per relay; three relays stay far below PostgreSQL's default of 100. */
export const PG_POOL_CONNECTIONS = 8;
/** A statement that has not answered by then fails (the room closes, clients resync). */
export const PG_QUERY_TIMEOUT_MS = 15_000;
export const PG_CONNECT_TIMEOUT_MS = 5_000;
/** The channel on which every commit rings the other relays (see server/cluster). */
export const UPDATES_CHANNEL = 'trame_updates';

/** A row of a map's log, with its number in the map's sequence. */
export interface LogRow {
  readonly seq: number;
  readonly data: Uint8Array;
}

/** What the cluster fan-out learns from this store (same process, same database). */
export interface StoreObserver {
  /** A room loaded the map's log up to `head` (every row numbered ≤ head is in it). */
  loaded?(mapId: string, head: number): void;
  /** This process committed the map's update numbered `seq`. */
  appended?(mapId: string, seq: number): void;
}

interface PendingAppend {
  readonly id: string;
  readonly data: Uint8Array;
  resolve(): void;
  reject(e: unknown): void;
}

// int8 (sequence numbers, sizes) as numbers: they stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * One statement, hence one transaction and one round trip, per batch of appends:
 * lock the batch's maps in id order (two relays batching the same maps cannot deadlock),
 * number each map's rows after its head, insert them, move the heads, and ring the other
 * relays with each map's new head. NOTIFY is delivered at commit, and only if it commits.
 */
const APPEND_SQL = `
WITH batch AS (
  SELECT * FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS b(map_id, data, ord)
), locked AS MATERIALIZED (
  SELECT id, head FROM maps WHERE id IN (SELECT map_id FROM batch) ORDER BY id FOR NO KEY UPDATE
), numbered AS MATERIALIZED (
  SELECT b.map_id, b.ord, l.head + row_number() OVER (PARTITION BY b.map_id ORDER BY b.ord) AS seq, b.data
  FROM batch b JOIN locked l ON l.id = b.map_id
), inserted AS (
  INSERT INTO updates (map_id, seq, data) SELECT map_id, seq, data FROM numbered
), heads AS (
  UPDATE maps m SET head = t.top
  FROM (SELECT map_id, max(seq) AS top FROM numbered GROUP BY map_id) t
  WHERE m.id = t.map_id
  RETURNING m.id, m.head
)
SELECT n.ord, n.seq, pg_notify('${UPDATES_CHANNEL}', $3 || ' ' || h.id || ' ' || h.head) AS rang
FROM numbered n JOIN heads h ON h.id = n.map_id AND h.head = n.seq`;

/**
 * The store of a programme's server: every map in one PostgreSQL database, shared by any
 * number of relay processes (server/cluster carries changes between them).
 *
 * Appends are group-committed as in the SQLite store: those made in one event-loop turn, and
 * those arriving while a batch is in flight, go in one transaction; each append's promise
 * resolves only after that transaction committed, so the room relays nothing unstored. One
 * batch is in flight at a time: a map's rows are then numbered in the order its room appended
 * them. Reads wait for the appends made before them.
 */
export class PgMapStore implements MapStore {
  /** Names this process in notifications, so it ignores its own. */
  readonly instanceId = randomBytes(6).toString('base64url');
  private pending: PendingAppend[] = [];
  private inFlight = false;
  private scheduled = false;
  /** Settles once every append made so far has committed or failed. */
  private lastAppend: Promise<unknown> = Promise.resolve();
  private readonly folder = new LogFolder();
  private readonly observers = new Set<StoreObserver>();
  private closed = false;
  /** Named states of maps (pg-snapshots.ts), on the same pool. */
  readonly snapshots: PgSnapshotStore;

  private constructor(
    readonly pool: pg.Pool,
    readonly config: pg.ClientConfig,
    private readonly log: Logger,
  ) {
    this.snapshots = new PgSnapshotStore(pool);
  }

  /**
   * Connects, refuses a read-only database, and migrates the schema. Throws a
   * DatabaseStartError whose message is one line for the person starting the relay.
   */
  static async open(url: string, log: Logger): Promise<PgMapStore> {
    let target: { host: string; port: string; user: string; database: string };
    try {
      const u = new URL(url);
      if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('protocol');
      target = {
        host: u.hostname || 'localhost',
        port: u.port || '5432',
        user: decodeURIComponent(u.username) || 'postgres',
        database: decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres',
      };
    } catch {
      throw new DatabaseStartError('DATABASE_URL is not a postgres:// URL');
    }
    const config: pg.ClientConfig = {
      connectionString: url,
      application_name: 'trame-relay',
      connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
      query_timeout: PG_QUERY_TIMEOUT_MS,
      statement_timeout: PG_QUERY_TIMEOUT_MS,
      keepAlive: true,
      types,
    };
    const pool = new pg.Pool({ ...config, max: PG_POOL_CONNECTIONS, idleTimeoutMillis: 30_000 });
    // An idle connection that breaks (database restarted) emits here; the pool replaces it.
    pool.on('error', (e) => log.warn('postgres', `idle connection lost: ${describeError(storeError(e))}`));
    try {
      const { rows } = await pool.query<{ ro: string; standby: boolean }>(
        "SELECT current_setting('transaction_read_only') AS ro, pg_is_in_recovery() AS standby");
      if (rows[0]?.ro === 'on' || rows[0]?.standby) {
        throw new DatabaseStartError(`PostgreSQL at ${target.host}:${target.port}: the database is read-only`);
      }
      await migrate(pool);
    } catch (e) {
      await pool.end().catch(() => undefined);
      if (e instanceof DatabaseStartError) throw e;
      if (e instanceof SchemaError) throw new DatabaseStartError(`PostgreSQL at ${target.host}:${target.port}: ${e.message}`);
      throw new DatabaseStartError(startErrorLine(e, target));
    }
    return new PgMapStore(pool, config, log);
  }

  observe(observer: StoreObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  async createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void> {
    await this.query({
      name: 'trame-create-map',
      text: `WITH m AS (
        INSERT INTO maps (id, edit_hash, view_hash, created_at, head) VALUES ($1, $2, $3, $4, 1) RETURNING id
      ) INSERT INTO updates (map_id, seq, data) SELECT id, 1, $5 FROM m`,
      values: [record.id, record.editTokenHash, record.viewTokenHash, record.createdAt, initialUpdate],
    });
  }

  async getMap(id: string): Promise<MapRecord | null> {
    const { rows } = await this.query<{ id: string; edit_hash: Buffer; view_hash: Buffer; created_at: number }>({
      name: 'trame-get-map',
      text: 'SELECT id, edit_hash, view_hash, created_at FROM maps WHERE id = $1',
      values: [id],
    });
    const row = rows[0];
    if (!row) return null;
    return { id: row.id, editTokenHash: row.edit_hash, viewTokenHash: row.view_hash, createdAt: row.created_at };
  }

  async loadUpdates(id: string): Promise<Uint8Array[]> {
    await this.settled();
    const rows = await this.readSince(id, 0);
    const head = rows.length > 0 ? rows[rows.length - 1]!.seq : 0;
    for (const o of this.observers) o.loaded?.(id, head);
    return rows.map((r) => r.data);
  }

  /** The map's rows numbered after `after`, in order: what a relay has not seen yet. */
  async readSince(id: string, after: number): Promise<LogRow[]> {
    const { rows } = await this.query<{ seq: number; data: Buffer }>({
      name: 'trame-read-since',
      text: 'SELECT seq, data FROM updates WHERE map_id = $1 AND seq > $2 ORDER BY seq',
      values: [id, after],
    });
    return rows;
  }

  /**
   * The rows of several maps numbered after each one's `after`, in order within each map: one
   * statement for every map a relay was rung for in one turn, instead of one each.
   */
  async readSinceMany(wants: readonly { id: string; after: number }[]): Promise<(LogRow & { mapId: string })[]> {
    const { rows } = await this.query<{ map_id: string; seq: number; data: Buffer }>({
      name: 'trame-read-since-many',
      text: `SELECT u.map_id, u.seq, u.data
        FROM unnest($1::text[], $2::int8[]) AS w(map_id, after)
        JOIN updates u ON u.map_id = w.map_id AND u.seq > w.after
        ORDER BY u.map_id, u.seq`,
      values: [wants.map((w) => w.id), wants.map((w) => w.after)],
    });
    return rows.map((r) => ({ mapId: r.map_id, seq: r.seq, data: r.data }));
  }

  /** The current head of each map that exists. */
  async heads(ids: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.query<{ id: string; head: number }>({
      name: 'trame-heads',
      text: 'SELECT id, head FROM maps WHERE id = ANY($1::text[])',
      values: [ids],
    });
    return new Map(rows.map((r) => [r.id, r.head]));
  }

  appendUpdate(id: string, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('store closed'));
    const done = new Promise<void>((resolve, reject) => {
      this.pending.push({ id, data: update, resolve, reject });
    });
    this.lastAppend = done.catch(() => undefined);
    this.schedule();
    return done;
  }

  async logStats(id: string): Promise<LogStats> {
    await this.settled();
    const { rows } = await this.query<{ n: number; bytes: number }>({
      name: 'trame-log-stats',
      text: 'SELECT count(*)::int8 AS n, coalesce(sum(octet_length(data)), 0)::int8 AS bytes FROM updates WHERE map_id = $1',
      values: [id],
    });
    return { updates: rows[0]?.n ?? 0, bytes: rows[0]?.bytes ?? 0 };
  }

  /**
   * Folds the map's log into one row, safe while any relay appends: under an advisory lock
   * per map (another relay compacting the same map skips), the rows are read in one
   * statement, folded in the worker, and exactly those rows are deleted, the fold taking the
   * number of the last of them. Rows committed meanwhile have higher numbers (a map's numbers
   * follow commit order) and are kept, after the fold they build on. A relay that had read
   * up to a number inside the folded range reads the fold next: it holds all it missed.
   */
  async compact(id: string): Promise<void> {
    await this.settled();
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const lock = await client.query<{ got: boolean }>({
        name: 'trame-compact-lock',
        text: "SELECT pg_try_advisory_xact_lock(hashtextextended('trame-compact:' || $1, 0)) AS got",
        values: [id],
      });
      if (!lock.rows[0]?.got) {
        await client.query('COMMIT');
        return;
      }
      const { rows } = await client.query<{ seq: number; data: Buffer }>({
        name: 'trame-read-since', text: 'SELECT seq, data FROM updates WHERE map_id = $1 AND seq > $2 ORDER BY seq',
        values: [id, 0],
      });
      const last = rows[rows.length - 1];
      const folded = rows.length < 2 || !last ? null : await this.folder.fold(rows.map((r) => r.data));
      if (!folded || !last) {
        await client.query('COMMIT');
        return;
      }
      await client.query({
        name: 'trame-compact-delete',
        text: 'DELETE FROM updates WHERE map_id = $1 AND seq = ANY($2::int8[])',
        values: [id, rows.map((r) => r.seq)],
      });
      await client.query({
        name: 'trame-compact-insert',
        text: 'INSERT INTO updates (map_id, seq, data) VALUES ($1, $2, $3)',
        values: [id, last.seq, folded],
      });
      await client.query('COMMIT');
    } catch (e) {
      broken = e instanceof Error ? e : new Error('compaction failed');
      await client.query('ROLLBACK').catch(() => undefined);
      throw storeError(e);
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.settled();
    await this.folder.close();
    await this.pool.end();
  }

  /** Resolves once every append made before the call has committed or failed. */
  private async settled(): Promise<void> {
    await this.lastAppend;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = true;
    try {
      const numbers = await this.commit(batch);
      batch.forEach((a, i) => {
        const seq = numbers[i];
        if (seq === undefined) {
          // Its map is gone (deleted meanwhile): nothing was stored for it.
          a.reject(new StoreError('map not found'));
          return;
        }
        a.resolve();
        for (const o of this.observers) o.appended?.(a.id, seq);
      });
    } catch (e) {
      const err = storeError(e);
      for (const a of batch) a.reject(err);
    } finally {
      this.inFlight = false;
      // What arrived while this batch was in flight is the next batch.
      if (this.pending.length > 0) void this.flush();
    }
  }

  /** Commits a batch; the number of each append, or undefined for an append not stored. */
  private async commit(batch: readonly PendingAppend[]): Promise<(number | undefined)[]> {
    const { rows } = await this.pool.query<{ ord: number; seq: number }>({
      name: 'trame-append',
      text: APPEND_SQL,
      values: [batch.map((a) => a.id), batch.map((a) => a.data), this.instanceId],
    });
    // The statement returns one row per map (its last); the others follow from it.
    const lastOf = new Map<string, { ord: number; seq: number }>();
    for (const r of rows) lastOf.set(batch[r.ord - 1]!.id, r);
    const remaining = new Map<string, number>();
    for (const a of batch) remaining.set(a.id, (remaining.get(a.id) ?? 0) + 1);
    const seen = new Map<string, number>();
    return batch.map((a) => {
      const last = lastOf.get(a.id);
      if (!last) return undefined;
      const index = seen.get(a.id) ?? 0;
      seen.set(a.id, index + 1);
      return last.seq - (remaining.get(a.id)! - 1 - index);
    });
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (e) {
      throw storeError(e);
    }
  }

  private async query<R extends pg.QueryResultRow>(q: pg.QueryConfig): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(q);
    } catch (e) {
      if (this.closed) this.log.warn('postgres', 'query after close');
      throw storeError(e);
    }
  }
}
