import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, readSnapshot } from '../../src/model';
import { DAILY_SNAPSHOT_MS, dueForDaily, SnapshotService } from '../../server/store/snapshot-service';
import { KEEP_AUTO_SNAPSHOTS } from '../../server/store/snapshot-store';
import { SqliteMapStore } from '../../server/store/sqlite-store';
import { makeTempDir } from '../helpers/relay';

/** The SQLite snapshot table and the automatic snapshots, on a real store in a temp folder. */
const log = { info: () => undefined, warn: () => undefined };
let dir: string;
let store: SqliteMapStore;
let now: number;
let service: SnapshotService;
const T0 = Date.UTC(2027, 2, 1, 9);

beforeEach(async () => {
  dir = makeTempDir('trame-snapshots-');
  store = new SqliteMapStore(dir);
  now = T0;
  service = new SnapshotService(store, store.snapshots, log, () => now);
  const doc = createMapDoc({ title: 'Mali centre', language: 'fr' });
  addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
  addFactor(doc, { label: 'Migration', x: 100, y: 0 });
  await store.createMap({ id: 'map-aaaaaaaaaaaaaaaa', editTokenHash: new Uint8Array(32), viewTokenHash: new Uint8Array(32), createdAt: T0 },
    Y.encodeStateAsUpdate(doc));
});
afterEach(async () => {
  service.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('automatic snapshots', () => {
  it('are due once a day after the newest snapshot, or after the map was made', () => {
    expect(dueForDaily(T0 + DAILY_SNAPSHOT_MS - 1, null, T0)).toBe(false);
    expect(dueForDaily(T0 + DAILY_SNAPSHOT_MS, null, T0)).toBe(true);
    expect(dueForDaily(T0 + 2 * DAILY_SNAPSHOT_MS, T0 + DAILY_SNAPSHOT_MS + 1, T0)).toBe(false);
  });

  it('take the map as it stands when it changes a day after it was made', async () => {
    now = T0 + DAILY_SNAPSHOT_MS + 1000;
    service.mapChanged('map-aaaaaaaaaaaaaaaa');
    let listed: Awaited<ReturnType<typeof store.snapshots.listSnapshots>> = [];
    const poll = async () => {
      listed = await store.snapshots.listSnapshots('map-aaaaaaaaaaaaaaaa');
      return listed.length > 0;
    };
    for (let i = 0; i < 500 && !(await poll()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(listed.map((s) => [s.name, s.auto, s.factors, s.author])).toEqual([['Sauvegarde du jour', 'daily', 2, '']]);
  });

  it(`keep the last ${KEEP_AUTO_SNAPSHOTS} automatic ones, and every named one`, async () => {
    const mapId = 'map-aaaaaaaaaaaaaaaa';
    const named = await service.take(mapId, { name: 'Cycle 1', author: 'Aminata' });
    for (let i = 0; i < KEEP_AUTO_SNAPSHOTS + 5; i++) {
      now += 1000;
      await service.take(mapId, { auto: i % 2 === 0 ? 'restore' : 'import' });
    }
    const listed = await store.snapshots.listSnapshots(mapId);
    expect(listed.filter((s) => s.auto !== null)).toHaveLength(KEEP_AUTO_SNAPSHOTS);
    expect(listed[0]).toMatchObject({ id: named.id, name: 'Cycle 1', author: 'Aminata', auto: null });
    // The oldest automatic ones went: the first kept is the sixth taken.
    expect(listed[1]!.createdAt).toBe(T0 + 6000);
  });

  it('see every change made between two snapshots of one map (the snapshot thread keeps the map it rebuilt)', async () => {
    const mapId = 'map-aaaaaaaaaaaaaaaa';
    const first = await service.take(mapId, { name: 'Cycle 1' });
    const doc = new Y.Doc();
    for (const u of await store.loadUpdates(mapId)) Y.applyUpdate(doc, u);
    const sv = Y.encodeStateVector(doc);
    addFactor(doc, { label: 'Orpaillage artisanal', x: 0, y: 100 });
    await store.appendUpdate(mapId, Y.encodeStateAsUpdate(doc, sv));
    await store.compact(mapId);
    const second = await service.take(mapId, { name: 'Cycle 2' });
    expect([first.factors, second.factors]).toEqual([2, 3]);
    const state = await store.snapshots.getSnapshotState(mapId, second.id);
    const opened = new Y.Doc();
    Y.applyUpdate(opened, state!);
    expect(readSnapshot(opened, () => undefined).factors.map((f) => f.label).sort()).toEqual(['Migration', 'Orpaillage artisanal', 'Sécheresse']);
  });

  it('answer only for a snapshot of the map asked about', async () => {
    const s = await service.take('map-aaaaaaaaaaaaaaaa', { name: 'Cycle 1' });
    expect(await store.snapshots.getSnapshotState('map-aaaaaaaaaaaaaaaa', s.id)).not.toBeNull();
    expect(await store.snapshots.getSnapshotState('map-bbbbbbbbbbbbbbbb', s.id)).toBeNull();
    expect(await store.snapshots.getSnapshot('map-bbbbbbbbbbbbbbbb', s.id)).toBeNull();
  });
});
