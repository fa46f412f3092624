import pg from 'pg';
import { describeError, type Logger } from '../log';
import type { Fanout, FanoutChannel, FanoutMessage } from '../relay/fanout';
import { DatabaseStartError, startErrorLine, storeError } from '../store/pg-errors';
import { UPDATES_CHANNEL, type PgMapStore } from '../store/pg-store';
import { chunkAwareness } from './awareness-chunks';

/** Presence between relays rides in NOTIFY payloads: it is ephemeral, nothing to store. */
export const AWARENESS_CHANNEL = 'trame_awareness';
/**
 * How often a relay checks that its LISTEN connection answers and that no open map moved
 * without a doorbell (a notification lost with a connection): the longest a missed update
 * can stay unseen if a connection dies silently.
 */
export const CLUSTER_CHECK_INTERVAL_MS = 5_000;
export const LISTEN_RETRY_MAX_MS = 5_000;
/** NOTIFY payloads stop at 8,000 bytes; base64 adds a third, the ids a few dozen bytes. */
const AWARENESS_CHUNK_BYTES = 5_600;

/** This relay's room of one map, as the fan-out tracks it. */
interface Member {
  readonly mapId: string;
  readonly receive: (message: FanoutMessage) => void;
  /**
   * Every row of the map numbered ≤ cursor is in the room's document (loaded, read here, or
   * appended by this relay right after it). Null until the room has loaded the map.
   */
  cursor: number | null;
  /** The highest number another relay rang for. */
  wanted: number;
  left: boolean;
}

/**
 * Fan-out between relay processes through PostgreSQL itself (see docs/deploy.md).
 *
 * Updates stay in the table: each commit of a batch NOTIFYs the maps' new heads (the store
 * does it in the same statement, so a doorbell rings only for what committed). A relay with
 * the map open reads the rows numbered after its cursor, in order, and hands them to its
 * room; a map's numbers follow commit order, so reading "after n" misses nothing. Its own
 * appends move its cursor only when they follow it directly: anything between is read (and
 * re-applying a row Yjs already has is a no-op), never assumed.
 *
 * Notifications are lost with the connection that was to receive them, so after every
 * (re)connection, and every few seconds as a check that the connection still answers, the
 * relay compares its open maps' heads with its cursors and reads what it missed.
 *
 * Presence (awareness) goes in NOTIFY payloads, split to fit: it is never stored.
 */
export class PgFanout implements Fanout {
  private readonly members = new Map<string, Member>();
  private listener: pg.Client | null = null;
  private stopped = false;
  private retryMs = 250;
  private retryTimer: NodeJS.Timeout | null = null;
  private checkTimer: NodeJS.Timeout | null = null;
  /** Members to read for, in the next batch read (one statement for all of them). */
  private readonly due = new Set<Member>();
  private batchReading = false;
  private batchScheduled = false;
  private awarenessOut: string[] = [];
  private awarenessScheduled = false;
  private readonly unobserve: () => void;

  constructor(private readonly store: PgMapStore, private readonly log: Logger) {
    this.unobserve = store.observe({
      loaded: (mapId, head) => {
        const m = this.members.get(mapId);
        if (!m || m.cursor !== null) return;
        m.cursor = head;
        if (m.wanted > head) this.read(m);
      },
      appended: (mapId, seq) => {
        const m = this.members.get(mapId);
        if (m && m.cursor !== null && seq === m.cursor + 1) m.cursor = seq;
      },
    });
  }

  /** Starts listening; a first connection that fails is a DatabaseStartError. */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (e) {
      const u = new URL(String(this.store.config.connectionString));
      throw new DatabaseStartError(startErrorLine(e, {
        host: u.hostname, port: u.port || '5432', user: decodeURIComponent(u.username), database: u.pathname.slice(1),
      }));
    }
    this.checkTimer = setInterval(() => void this.check(), CLUSTER_CHECK_INTERVAL_MS);
    this.checkTimer.unref();
  }

  join(mapId: string, receive: (message: FanoutMessage) => void): FanoutChannel {
    const previous = this.members.get(mapId);
    if (previous) previous.left = true;
    const member: Member = { mapId, receive, cursor: null, wanted: 0, left: false };
    this.members.set(mapId, member);
    return {
      // Updates need no message: their commit rang already.
      publish: (message) => {
        if (message.kind === 'awareness' && !member.left) this.publishAwareness(mapId, message.data);
      },
      leave: () => {
        member.left = true;
        if (this.members.get(mapId) === member) this.members.delete(mapId);
      },
    };
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.unobserve();
    if (this.checkTimer) clearInterval(this.checkTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.store.config, application_name: 'trame-relay-listen' });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (n) => this.notified(n));
    try {
      await client.connect();
      await client.query(`LISTEN ${UPDATES_CHANNEL}; LISTEN ${AWARENESS_CHANNEL}`);
    } catch (e) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw e;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.retryMs = 250;
    // Whatever committed while no one listened is read now.
    void this.check();
  }

  private lost(client: pg.Client, e: unknown): void {
    if (this.listener !== client) return;
    this.listener = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.log.warn('cluster', `listening connection lost${e ? `: ${describeError(storeError(e))}` : ''}, reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, LISTEN_RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch(() => this.scheduleReconnect());
    }, delay);
    this.retryTimer.unref();
  }

  private notified(n: pg.Notification): void {
    const payload = n.payload ?? '';
    const a = payload.indexOf(' ');
    const b = payload.indexOf(' ', a + 1);
    if (a < 0 || b < 0 || payload.slice(0, a) === this.store.instanceId) return;
    const member = this.members.get(payload.slice(a + 1, b));
    if (!member) return;
    const rest = payload.slice(b + 1);
    if (n.channel === UPDATES_CHANNEL) {
      const head = Number(rest);
      if (!Number.isSafeInteger(head)) return;
      member.wanted = Math.max(member.wanted, head);
      if (member.cursor !== null && head > member.cursor) this.read(member);
    } else if (n.channel === AWARENESS_CHANNEL) {
      member.receive({ kind: 'awareness', data: Buffer.from(rest, 'base64') });
    }
  }

  /**
   * Reads the member's rows after its cursor, with every other map rung for in the same turn:
   * one statement per batch, one batch at a time (a busy relay is rung for many maps a
   * second, and one query each kept PostgreSQL busy answering them). A map rung again while a
   * batch is read is read again in the next one, from its new cursor.
   */
  private read(m: Member): void {
    if (m.cursor === null || m.left) return;
    this.due.add(m);
    this.scheduleBatch();
  }

  private scheduleBatch(): void {
    if (this.batchScheduled || this.batchReading || this.stopped) return;
    this.batchScheduled = true;
    setImmediate(() => {
      this.batchScheduled = false;
      void this.readBatch();
    });
  }

  private async readBatch(): Promise<void> {
    const members = [...this.due].filter((m) => !m.left && m.cursor !== null);
    this.due.clear();
    if (members.length === 0) return;
    this.batchReading = true;
    try {
      // A map has one member at a time (join replaces it); its cursor is where it reads from.
      const rows = await this.store.readSinceMany(members.map((m) => ({ id: m.mapId, after: m.cursor! })));
      const byMap = new Map<string, { seq: number; data: Uint8Array }[]>();
      for (const r of rows) {
        let list = byMap.get(r.mapId);
        if (!list) byMap.set(r.mapId, (list = []));
        list.push(r);
      }
      for (const m of members) {
        const list = byMap.get(m.mapId);
        if (!list || m.left) continue;
        for (const row of list) m.receive({ kind: 'update', data: row.data });
        m.cursor = Math.max(m.cursor!, list[list.length - 1]!.seq);
      }
    } catch (e) {
      // The next check reads again; the rooms keep serving what they have.
      this.log.warn('cluster', `reading other relays' updates failed (${members.length} maps): ${describeError(e)}`);
    } finally {
      this.batchReading = false;
      if (this.due.size > 0) this.scheduleBatch();
    }
  }

  /** The listening connection answers, and no open map is ahead of its cursor. */
  private async check(): Promise<void> {
    const listener = this.listener;
    if (!listener) return;
    try {
      await listener.query('SELECT 1');
    } catch (e) {
      this.lost(listener, e);
      return;
    }
    const ready = [...this.members.values()].filter((m) => m.cursor !== null);
    if (ready.length === 0) return;
    try {
      const heads = await this.store.heads(ready.map((m) => m.mapId));
      for (const m of ready) {
        const head = heads.get(m.mapId) ?? 0;
        if (head > m.cursor!) {
          m.wanted = Math.max(m.wanted, head);
          this.read(m);
        }
      }
    } catch (e) {
      this.log.warn('cluster', `checking open maps failed: ${describeError(e)}`);
    }
  }

  private publishAwareness(mapId: string, data: Uint8Array): void {
    const { chunks, dropped } = chunkAwareness(data, AWARENESS_CHUNK_BYTES);
    if (dropped > 0) this.log.warn('cluster', `map ${mapId}: ${dropped} presence states too large for other relays`);
    for (const c of chunks) {
      this.awarenessOut.push(`${this.store.instanceId} ${mapId} ${Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('base64')}`);
    }
    if (this.awarenessScheduled || this.awarenessOut.length === 0) return;
    this.awarenessScheduled = true;
    setImmediate(() => {
      this.awarenessScheduled = false;
      const batch = this.awarenessOut;
      this.awarenessOut = [];
      this.store.pool.query({
        name: 'trame-notify-awareness',
        text: `SELECT pg_notify('${AWARENESS_CHANNEL}', p) FROM unnest($1::text[]) AS p`,
        values: [batch],
      }).catch((e: unknown) => {
        // Presence is best-effort: clients renew theirs every 15 s.
        if (!this.stopped) this.log.warn('cluster', `presence not sent to other relays: ${describeError(storeError(e))}`);
      });
    });
  }
}
