import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, readSnapshot, renameFactor } from '../../../src/model';
import { createLogger } from '../../../server/log';
import { hashToken, newToken } from '../../../server/store/secrets';
import { DatabaseStartError, StoreError } from '../../../server/store/pg-errors';
import { loadMigrations } from '../../../server/store/pg-schema';
import { PgMapStore } from '../../../server/store/pg-store';
import { startPostgres, type PostgresServer } from '../../helpers/postgres';
import { describeMapStore, docOf, record, recording } from '../store-contract';

let server: PostgresServer;
const lines: string[] = [];
const log = createLogger((l) => lines.push(l), (l) => lines.push(l));
const open = (url: string) => PgMapStore.open(url, log);

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
  // Whatever went wrong, no line carried the password.
  expect(lines.join('\n')).not.toContain(server.password);
});

describeMapStore('PgMapStore', {
  place: () => server.createSchema(),
  open,
});

async function startError(url: string): Promise<string> {
  const e = await PgMapStore.open(url, log).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DatabaseStartError);
  const message = (e as Error).message;
  expect(message).not.toContain('\n');
  expect(message).not.toContain(server.password);
  return message;
}

describe('PgMapStore on a real PostgreSQL', () => {
  it('stores only token hashes, never the tokens', async () => {
    const url = await server.createDatabase();
    const store = await open(url);
    const edit = newToken();
    const r = { ...record(), editTokenHash: hashToken(edit) };
    await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc({ title: 'T' })));
    await store.close();
    const [row] = await server.query('SELECT * FROM maps', [], new URL(url).pathname.slice(1));
    expect(JSON.stringify(row)).not.toContain(edit);
    expect(Buffer.from(row!.edit_hash as Buffer).equals(hashToken(edit))).toBe(true);
  });

  it('migrates an empty database once, even with three relays starting together', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all([open(url), open(url), open(url)]);
    await Promise.all(stores.map((s) => s.close()));
    const db = new URL(url).pathname.slice(1);
    const rows = await server.query<{ version: number }>('SELECT version FROM trame_schema ORDER BY version', [], db);
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    // Opening again applies nothing.
    await (await open(url)).close();
    expect((await server.query('SELECT version FROM trame_schema', [], db)).length).toBe(rows.length);
  });

  it('refuses a schema newer than the code, in one line', async () => {
    const url = await server.createDatabase();
    await (await open(url)).close();
    await server.query("INSERT INTO trame_schema (version, name) VALUES (999, 'from-the-future')", [],
      new URL(url).pathname.slice(1));
    expect(await startError(url)).toMatch(/schema is version 999, newer than this relay knows/);
  });

  it('says in one line when the database does not answer, refuses the password, or is missing', async () => {
    const url = new URL(server.url());
    url.password = 'wrong-password';
    expect(await startError(url.href)).toMatch(/refused user "postgres": wrong user or password/);
    expect(await startError(server.url('no_such_database'))).toMatch(/has no database "no_such_database"/);
    expect(await startError('mysql://nobody@127.0.0.1/x')).toMatch(/not a postgres:\/\/ URL/);
    // Port 1: nothing listens there.
    const closed = new URL(server.url());
    closed.port = String(server.port === 1 ? 2 : 1);
    expect(await startError(closed.href)).toMatch(/does not answer/);
  });

  it('refuses to start on a read-only database, and refuses writes once it becomes read-only', async () => {
    const url = await server.createDatabase();
    const db = new URL(url).pathname.slice(1);
    const store = await open(url);
    const r = record();
    await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
    await server.query(`ALTER DATABASE ${db} SET default_transaction_read_only = on`);
    // Existing sessions keep their setting: end them, as a failover to a standby would.
    await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
    const refused = await store.appendUpdate(r.id, Y.encodeStateAsUpdate(createMapDoc({ title: 'x' })))
      .then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as Error).message).toMatch(/25006|connection/);
    // Retried on a fresh connection now: read-only for sure.
    const again = await store.appendUpdate(r.id, new Uint8Array([0, 0])).then(() => null, (e: unknown) => e);
    expect((again as Error).message).toMatch(/25006: the database is read-only/);
    expect(await startError(url)).toMatch(/read-only/);
    // Reads still work, and nothing refused was stored.
    expect((await store.loadUpdates(r.id)).length).toBe(1);
    await store.close();
  });

  it("numbers a map's updates in commit order: an append waits for a slower transaction on that map", async () => {
    const url = await server.createDatabase();
    const store = await open(url);
    const r = record();
    await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
    // Another relay, mid-transaction on the same map, holding its row.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('BEGIN');
    const { rows: [locked] } = await other.query('SELECT head FROM maps WHERE id = $1 FOR NO KEY UPDATE', [r.id]);
    const next = Number(locked.head) + 1;
    await other.query("INSERT INTO updates (map_id, seq, data) VALUES ($1, $2, '\\x0000')", [r.id, next]);
    await other.query('UPDATE maps SET head = $2 WHERE id = $1', [r.id, next]);

    const seqs: number[] = [];
    store.observe({ appended: (_, seq) => seqs.push(seq) });
    const mine = store.appendUpdate(r.id, new Uint8Array([0, 0]));
    const db = new URL(url).pathname.slice(1);
    // Positive sentinel: our append's statement is waiting on the other transaction's lock.
    let waiting = false;
    for (let i = 0; i < 200 && !waiting; i++) {
      const rows = await server.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [db]);
      waiting = rows.length > 0;
      if (!waiting) await new Promise((res) => setTimeout(res, 25));
    }
    expect(waiting).toBe(true);
    expect(seqs).toEqual([]);
    await other.query('COMMIT');
    await other.end();
    await mine;
    expect(seqs).toEqual([next + 1]);
    expect((await store.readSince(r.id, 1)).map((row) => row.seq)).toEqual([next, next + 1]);
    await store.close();
  });

  it('compaction by one relay while another appends loses nothing', async () => {
    const url = await server.createSchema();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const r = record();
    const doc = createMapDoc({ title: 'Deux relais' });
    await a.createMap(r, Y.encodeStateAsUpdate(doc));
    const updates = recording(doc);
    const ids: string[] = [];
    let compactions = 0;
    const writer = (async () => {
      for (let i = 0; compactions < 4 || i < 300; i++) {
        ids.push(addFactor(doc, { label: `F${i}`, x: i, y: 0 }));
        if (i % 3 === 0) renameFactor(doc, ids[i >> 1]!, `Renommé ${i}`);
        // Several appends per turn: b group-commits them while a folds.
        if (i % 4 === 3) await Promise.all(updates.splice(0).map((u) => b.appendUpdate(r.id, u)));
      }
      await Promise.all(updates.splice(0).map((u) => b.appendUpdate(r.id, u)));
    })();
    let writing = true;
    void writer.finally(() => (writing = false));
    while (writing) {
      // Two at once: the advisory lock lets one fold and the other skip.
      await Promise.all([a.compact(r.id), a.compact(r.id)]);
      compactions++;
    }
    await writer;
    await a.compact(r.id);
    const back = readSnapshot(await docOf(a, r.id));
    expect(back.factors.map((f) => f.label).sort()).toEqual(readSnapshot(doc).factors.map((f) => f.label).sort());
    expect(back.meta.title).toBe('Deux relais');
    expect((await a.logStats(r.id)).updates).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('two relays appending to one map get distinct, gapless numbers', async () => {
    const url = await server.createSchema();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const r = record();
    await a.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
    const seqs: number[] = [];
    for (const s of [a, b]) s.observe({ appended: (_, seq) => seqs.push(seq) });
    const docs = [createMapDoc(), createMapDoc()];
    const logs = docs.map(recording);
    for (let i = 0; i < 40; i++) docs.forEach((d, k) => addFactor(d, { label: `${k}-${i}`, x: i, y: k }));
    await Promise.all(logs.flatMap((l, k) => l.map((u) => [a, b][k]!.appendUpdate(r.id, u))));
    expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: 80 }, (_, i) => i + 2));
    await Promise.all([a.close(), b.close()]);
  });
});
