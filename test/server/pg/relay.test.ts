import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { addFactor, readSnapshot } from '../../../src/model';
import { startPostgres, type PostgresServer } from '../../helpers/postgres';
import { connectClient, createMap, startRelay, waitFor, whenSynced, type RelayProcess } from '../../helpers/relay';

/**
 * One relay process (`server/main.ts`, as `npm run serve` runs it) with DATABASE_URL on a real
 * PostgreSQL: what it stores, how it refuses to start, and what clients see when the
 * database stops taking writes.
 */
let server: PostgresServer;
const relays: RelayProcess[] = [];
const clients: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startPostgres();
});
afterEach(async () => {
  for (const c of clients.splice(0)) {
    c.destroy();
    c.doc.destroy();
  }
  await Promise.all(relays.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await server?.stop();
});

const quiet = () => undefined;
/** Relay processes start in seconds, but two busy cores shared with other suites can take a minute. */
const RELAY_START_MS = 60_000;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();

async function relayOn(url: string): Promise<RelayProcess> {
  const r = await startRelay({ env: { DATABASE_URL: url }, startTimeoutMs: RELAY_START_MS });
  relays.push(r);
  return r;
}

function client(relay: RelayProcess, mapId: string, token: string): WebsocketProvider {
  const c = connectClient(relay, mapId, token);
  clients.push(c);
  return c;
}

/** The close codes a provider's connections ended with. */
function closeCodes(p: WebsocketProvider): number[] {
  const codes: number[] = [];
  p.on('connection-close', (event: CloseEvent | null) => codes.push(event?.code ?? 0));
  return codes;
}

/** Starts a relay expected to refuse: its exit and its one line of explanation. */
async function refusal(url: string): Promise<string> {
  const e = await startRelay({ env: { DATABASE_URL: url }, startTimeoutMs: RELAY_START_MS }).then(
    (r) => {
      relays.push(r);
      return null;
    },
    (err: unknown) => err as Error,
  );
  expect(e, 'the relay started').not.toBeNull();
  expect(e!.message).toMatch(/relay exited with 1/);
  const said = e!.message.split('\n').slice(1).filter((l) => l.trim() !== '');
  expect(said).toHaveLength(1);
  expect(said[0]).not.toContain(server.password);
  return said[0]!;
}

describe('a relay with DATABASE_URL', () => {
  it('keeps maps in PostgreSQL: another relay process on the same database opens them with their tokens', async () => {
    const url = await server.createSchema();
    const first = await relayOn(url);
    const map = await createMap(first, 'Carte du programme');
    const a = client(first, map.id, map.editToken);
    await whenSynced(a);
    addFactor(a.doc, { label: 'Insécurité', x: 0, y: 0 });
    const watcher = client(first, map.id, map.viewToken);
    await waitFor(() => labels(watcher.doc).includes('Insécurité'), 'the edit relayed');
    await first.kill('SIGKILL');

    const second = await relayOn(url);
    expect((await fetch(`${second.url}/api/maps/${map.id}?token=${map.viewToken}`)).status).toBe(200);
    expect((await fetch(`${second.url}/api/maps/${map.id}?token=${'x'.repeat(43)}`)).status).toBe(401);
    const b = client(second, map.id, map.viewToken);
    await whenSynced(b);
    expect(readSnapshot(b.doc, quiet).meta.title).toBe('Carte du programme');
    expect(labels(b.doc)).toEqual(['Insécurité']);
    // Nothing was written to DATA_DIR: the SQLite store is not in use.
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(second.dataDir)).toEqual([]);
    expect(second.output()).not.toContain(server.password);
  }, 120_000);

  it('refuses to start, in one line and with exit code 1, when the database does not answer, refuses it or is too new', async () => {
    const wrong = new URL(server.url());
    wrong.password = 'not-the-password';
    expect(await refusal(wrong.href)).toMatch(/^Cannot start: PostgreSQL at 127\.0\.0\.1:\d+ refused user "postgres"/);
    const nowhere = new URL(server.url());
    nowhere.port = '1';
    expect(await refusal(nowhere.href)).toMatch(/^Cannot start: PostgreSQL at 127\.0\.0\.1:1 does not answer/);

    const url = await server.createSchema();
    await (await relayOn(url)).stop();
    relays.splice(0);
    const schema = decodeURIComponent(new URL(url).searchParams.get('options')!).split('=')[1]!;
    await server.query(`INSERT INTO ${schema}.trame_schema (version, name) VALUES (999, 'later')`);
    expect(await refusal(url)).toMatch(/^Cannot start: .*schema is version 999, newer than this relay knows/);
  }, 240_000);

  it('when the database turns read-only: writers are closed with 1011, nothing unstored is relayed, nothing is lost after', async () => {
    const url = await server.createDatabase('readonly');
    const db = new URL(url).pathname.slice(1);
    const relay = await relayOn(url);
    const map = await createMap(relay, 'Lecture seule');
    const writer = client(relay, map.id, map.editToken);
    const reader = client(relay, map.id, map.editToken);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    const writerCodes = closeCodes(writer);
    let leaked = false;
    let readOnly = true;
    reader.doc.on('update', () => {
      if (readOnly && labels(reader.doc).includes('Pendant la panne')) leaked = true;
    });

    await server.query(`ALTER DATABASE ${db} SET default_transaction_read_only = on`);
    await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
    addFactor(writer.doc, { label: 'Pendant la panne', x: 0, y: 0 });
    await waitFor(() => writerCodes.includes(1011), 'the writer closed with 1011');
    // Positive sentinel: a client that syncs now gets the stored map, without the refused edit.
    const fresh = client(relay, map.id, map.viewToken);
    await whenSynced(fresh);
    expect(labels(fresh.doc)).toEqual([]);
    expect(leaked).toBe(false);
    expect(relay.output()).toMatch(/25006/);

    readOnly = false;
    await server.query(`ALTER DATABASE ${db} RESET default_transaction_read_only`);
    await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
    // The writer still holds its edit: once writes are taken again, it is stored and relayed.
    await waitFor(() => labels(reader.doc).includes('Pendant la panne'), 'the edit after recovery', 20_000);
    await waitFor(() => labels(fresh.doc).includes('Pendant la panne'), 'the viewer too', 20_000);
  }, 120_000);
});
