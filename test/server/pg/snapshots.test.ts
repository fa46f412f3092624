import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, removeFactors, readSnapshot } from '../../../src/model';
import { createLogger } from '../../../server/log';
import { PgMapStore } from '../../../server/store/pg-store';
import { DAILY_SNAPSHOT_MS, SnapshotService } from '../../../server/store/snapshot-service';
import { KEEP_AUTO_SNAPSHOTS } from '../../../server/store/snapshot-store';
import { startPostgres, type PostgresServer } from '../../helpers/postgres';
import { connectClient, destroyAll, startRelay, waitFor, whenSynced, type CreatedMap, type RelayProcess } from '../../helpers/relay';

/**
 * Snapshots on PostgreSQL (migration 002-snapshots.sql, server/store/pg-snapshots.ts): the
 * behaviours test/server/snapshots-store.test.ts and snapshots.test.ts check on SQLite, on a
 * real PostgreSQL, plus what only several relays on one database can do.
 */
let server: PostgresServer;
const log = createLogger(() => undefined, () => undefined);
const quiet = () => undefined;
const T0 = Date.UTC(2027, 2, 1, 9);
const MAP = 'map-aaaaaaaaaaaaaaaa';

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

/** A store on a fresh schema holding MAP (two factors), and a service whose clock the test moves. */
async function storeWithMap(url?: string): Promise<{ store: PgMapStore; service: SnapshotService; clock: { now: number }; url: string }> {
  const at = url ?? await server.createSchema();
  const store = await PgMapStore.open(at, log);
  const clock = { now: T0 };
  const service = new SnapshotService(store, store.snapshots, log, () => clock.now);
  if (!url) {
    const doc = createMapDoc({ title: 'Mali centre', language: 'fr' });
    addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
    addFactor(doc, { label: 'Migration', x: 100, y: 0 });
    await store.createMap({ id: MAP, editTokenHash: new Uint8Array(32), viewTokenHash: new Uint8Array(32), createdAt: T0 },
      Y.encodeStateAsUpdate(doc));
  }
  return { store, service, clock, url: at };
}

async function closeAll(...xs: { store: PgMapStore; service: SnapshotService }[]): Promise<void> {
  for (const x of xs) {
    x.service.close();
    await x.store.close();
  }
}

describe('snapshots in PostgreSQL', () => {
  it('are taken automatically once a day, as the map stands', async () => {
    const s = await storeWithMap();
    try {
      s.clock.now = T0 + DAILY_SNAPSHOT_MS + 1000;
      s.service.mapChanged(MAP);
      let listed: Awaited<ReturnType<typeof s.store.snapshots.listSnapshots>> = [];
      const deadline = Date.now() + 60_000;
      while (listed.length === 0 && Date.now() < deadline) {
        listed = await s.store.snapshots.listSnapshots(MAP);
        if (listed.length === 0) await new Promise((r) => setTimeout(r, 50));
      }
      expect(listed.map((x) => [x.name, x.auto, x.factors, x.author])).toEqual([['Sauvegarde du jour', 'daily', 2, '']]);
      expect(await s.store.snapshots.newestSnapshotAt(MAP)).toBe(T0 + DAILY_SNAPSHOT_MS + 1000);
    } finally {
      await closeAll(s);
    }
  }, 120_000);

  it(`keep the last ${KEEP_AUTO_SNAPSHOTS} automatic ones and every named one, even with two relays taking them at once`, async () => {
    const a = await storeWithMap();
    const b = await storeWithMap(a.url);
    try {
      const named = await a.service.take(MAP, { name: 'Cycle 1', author: 'Aminata' });
      // Stored at once by both relays (the capture is the worker's, tested on SQLite), all with
      // one timestamp: the map row's lock makes them count and prune in turn.
      const state = (await a.store.snapshots.getSnapshotState(MAP, named.id))!;
      const captured = { state, factors: 2, links: 0, language: 'fr' };
      await Promise.all(Array.from({ length: KEEP_AUTO_SNAPSHOTS + 6 }, (_, i) =>
        (i % 2 === 0 ? a : b).service.keep(MAP, captured, { auto: i % 3 === 0 ? 'restore' : 'import' })));
      const listed = await b.store.snapshots.listSnapshots(MAP);
      expect(listed.filter((x) => x.auto !== null)).toHaveLength(KEEP_AUTO_SNAPSHOTS);
      expect(listed[0]).toMatchObject({ id: named.id, name: 'Cycle 1', author: 'Aminata', auto: null, factors: 2 });
      expect(listed[0]!.bytes).toBeGreaterThan(0);
    } finally {
      await closeAll(a, b);
    }
  }, 120_000);

  it('answer only for a snapshot of the map asked about, and keep the state byte for byte', async () => {
    const s = await storeWithMap();
    try {
      const snap = await s.service.take(MAP, { name: 'Cycle 1' });
      const state = await s.store.snapshots.getSnapshotState(MAP, snap.id);
      expect(state).not.toBeNull();
      expect(state!.byteLength).toBe(snap.bytes);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state!);
      expect(readSnapshot(doc, quiet).factors.map((f) => f.label).sort()).toEqual(['Migration', 'Sécheresse']);
      expect(await s.store.snapshots.getSnapshotState('map-bbbbbbbbbbbbbbbb', snap.id)).toBeNull();
      expect(await s.store.snapshots.getSnapshot('map-bbbbbbbbbbbbbbbb', snap.id)).toBeNull();
      expect(await s.store.snapshots.getSnapshot(MAP, snap.id)).toMatchObject({ id: snap.id, name: 'Cycle 1' });
    } finally {
      await closeAll(s);
    }
  }, 120_000);
});

describe('snapshot routes on relays sharing one PostgreSQL', () => {
  const relays: RelayProcess[] = [];
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
  });

  it('a snapshot saved through one relay is listed, exported and restored through another', async () => {
    const url = await server.createSchema();
    for (let i = 0; i < 2; i++) relays.push(await startRelay({ env: { DATABASE_URL: url }, startTimeoutMs: 60_000 }));
    const [a, b] = relays as [RelayProcess, RelayProcess];
    const csv = readFileSync(join(import.meta.dirname, '../../fixtures/mali-centre-links.csv'), 'utf8');
    const created = await fetch(`${a.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(created.status).toBe(201);
    const map = (await created.json()) as CreatedMap;
    const api = (relay: RelayProcess, path: string, token: string, init?: RequestInit) =>
      fetch(`${relay.url}/api/maps/${map.id}${path}?token=${token}`, init);

    const saved = await api(a, '/snapshots', map.editToken, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Cycle 1', author: 'Aminata' }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    const snap = (await saved.json()) as { id: string };
    const listed = (await (await api(b, '/snapshots', map.viewToken)).json()) as { snapshots: { id: string; factors: number; links: number }[] };
    expect(listed.snapshots.map((s) => [s.id, s.factors, s.links])).toEqual([[snap.id, 30, 55]]);
    const exported = (await (await api(b, `/snapshots/${snap.id}/export.json`, map.viewToken)).json()) as { factors: unknown[] };
    expect(exported.factors).toHaveLength(30);

    // An edit through relay A, then a restore through relay B: a client of A sees the map come back.
    const editor = connectClient(a, map.id, map.editToken);
    await whenSynced(editor);
    const labels = () => readSnapshot(editor.doc, quiet).factors.map((f) => f.label);
    const gone = readSnapshot(editor.doc, quiet).factors[0]!;
    removeFactors(editor.doc, [gone.id]);
    const check = connectClient(b, map.id, map.viewToken);
    await waitFor(() => readSnapshot(check.doc, quiet).factors.length === 29, 'the edit stored and seen through relay B', 30_000);
    const restored = await api(b, `/snapshots/${snap.id}/restore`, map.editToken, { method: 'POST' });
    expect(restored.status, await restored.clone().text()).toBe(200);
    await waitFor(() => labels().includes(gone.label), 'the restore to reach a client of relay A', 30_000);
    destroyAll(editor, check);
  }, 240_000);
});
