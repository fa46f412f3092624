import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, readSnapshot, renameFactor } from '../../src/model';
import type { MapRecord, MapStore } from '../../server/store/map-store';
import { replayUpdates } from '../../server/store/replay';
import { hashToken, newMapId } from '../../server/store/secrets';

/**
 * What every MapStore must do, run against each store (SQLite in store.test.ts, PostgreSQL
 * in pg/store.test.ts). `place()` gives a fresh, empty place to store maps; `open(place)`
 * opens a store on it, again after a close to check what survived.
 */
export interface StoreFixture<P> {
  place(): Promise<P>;
  open(place: P): Promise<MapStore>;
}

export function record(id = newMapId()): MapRecord {
  return { id, editTokenHash: hashToken('e'.repeat(20)), viewTokenHash: hashToken('v'.repeat(20)), createdAt: 1 };
}

/** Records every update a doc emits, the way the relay receives them from a client. */
export function recording(doc: Y.Doc): Uint8Array[] {
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  return out;
}

export async function docOf(store: MapStore, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  expect(replayUpdates(doc, await store.loadUpdates(id))).toBe(0);
  return doc;
}

export function describeMapStore<P>(name: string, fixture: StoreFixture<P>): void {
  const fresh = async () => fixture.open(await fixture.place());

  describe(`${name}: the MapStore contract`, () => {
    it('gives back the record and the document after a reopen', async () => {
      const place = await fixture.place();
      let store = await fixture.open(place);
      const r = record();
      const doc = createMapDoc({ title: 'Mali centre' });
      await store.createMap(r, Y.encodeStateAsUpdate(doc));
      const updates = recording(doc);
      const a = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
      renameFactor(doc, a, 'Sécheresse prolongée');
      for (const u of updates) await store.appendUpdate(r.id, u);
      await store.close();

      store = await fixture.open(place);
      expect(await store.getMap(r.id)).toMatchObject({ id: r.id, createdAt: 1 });
      expect(Buffer.from((await store.getMap(r.id))!.editTokenHash).equals(r.editTokenHash as Buffer)).toBe(true);
      expect(await store.getMap(newMapId())).toBeNull();
      const back = readSnapshot(await docOf(store, r.id));
      expect(back.meta.title).toBe('Mali centre');
      expect(back.factors.map((f) => f.label)).toEqual(['Sécheresse prolongée']);
      expect(await store.logStats(r.id)).toMatchObject({ updates: 3 });
      await store.close();
    });

    it('refuses a second map with the same id', async () => {
      const store = await fresh();
      const r = record();
      await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
      await expect(store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()))).rejects.toThrow();
      expect((await store.loadUpdates(r.id)).length).toBe(1);
      await store.close();
    });

    it('appends made together, across maps, are all stored in order', async () => {
      const store = await fresh();
      const a = record();
      const b = record();
      const docs = [createMapDoc({ title: 'A' }), createMapDoc({ title: 'B' })];
      await store.createMap(a, Y.encodeStateAsUpdate(docs[0]!));
      await store.createMap(b, Y.encodeStateAsUpdate(docs[1]!));
      const logs = docs.map(recording);
      for (let i = 0; i < 30; i++) docs.forEach((d) => addFactor(d, { label: `F${i}`, x: i, y: 0 }));
      // Not awaited one by one: one event-loop turn, one group commit.
      await Promise.all(logs.flatMap((log, k) => log.map((u) => store.appendUpdate([a, b][k]!.id, u))));
      for (const [k, r] of [a, b].entries()) {
        const rows = await store.loadUpdates(r.id);
        expect(rows.length).toBe(31);
        // Log order is append order: each row applies with nothing pending.
        const back = new Y.Doc();
        for (const row of rows) {
          Y.applyUpdate(back, row);
          expect(back.store.pendingStructs).toBeNull();
        }
        expect(readSnapshot(back).factors.length).toBe(30);
        expect(rows.slice(1).map((u) => Buffer.from(u).toString('hex'))).toEqual(logs[k]!.map((u) => Buffer.from(u).toString('hex')));
      }
      await store.close();
    });

    it('compaction folds the log into one row with the same content', async () => {
      const store = await fresh();
      const r = record();
      const doc = createMapDoc({ title: 'Compact' });
      await store.createMap(r, Y.encodeStateAsUpdate(doc));
      const updates = recording(doc);
      const ids = Array.from({ length: 50 }, (_, i) => addFactor(doc, { label: `F${i}`, x: i, y: 0 }));
      ids.forEach((id, i) => renameFactor(doc, id, `Facteur ${i}`));
      for (const u of updates) await store.appendUpdate(r.id, u);
      const before = await store.logStats(r.id);
      expect(before.updates).toBe(101);

      await store.compact(r.id);

      const after = await store.logStats(r.id);
      expect(after.updates).toBe(1);
      expect(after.bytes).toBeLessThan(before.bytes);
      const back = readSnapshot(await docOf(store, r.id));
      expect(back.factors.map((f) => f.label).sort()).toEqual(readSnapshot(doc).factors.map((f) => f.label).sort());
      expect(back.meta.title).toBe('Compact');
      await store.close();
    });

    it('updates appended while a compaction runs load after the fold they build on', async () => {
      const store = await fresh();
      const r = record();
      const doc = createMapDoc();
      await store.createMap(r, Y.encodeStateAsUpdate(doc));
      const updates = recording(doc);
      const id = addFactor(doc, { label: 'Pluies', x: 0, y: 0 });
      for (let i = 0; i < 20; i++) renameFactor(doc, id, `Pluies ${i}`);
      for (const u of updates.splice(0)) await store.appendUpdate(r.id, u);
      const compaction = store.compact(r.id);
      renameFactor(doc, id, 'Pluies tardives');
      for (const u of updates.splice(0)) await store.appendUpdate(r.id, u);
      await compaction;

      // Replayed in log order, no row may wait for a later one (Yjs re-merges pending rows).
      const back = new Y.Doc();
      for (const row of await store.loadUpdates(r.id)) {
        Y.applyUpdate(back, row);
        expect(back.store.pendingStructs).toBeNull();
      }
      expect(readSnapshot(back).factors[0]?.label).toBe('Pluies tardives');
      expect((await store.logStats(r.id)).updates).toBe(2);
      await store.close();
    });

    it('compaction leaves a log with a damaged row untouched', async () => {
      const store = await fresh();
      const r = record();
      await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
      await store.appendUpdate(r.id, new Uint8Array([1, 2, 3, 250, 250]));
      await store.compact(r.id);
      expect((await store.logStats(r.id)).updates).toBe(2);
      await store.close();
    });

    it('keeps other maps apart', async () => {
      const store = await fresh();
      const a = record();
      const b = record();
      await store.createMap(a, Y.encodeStateAsUpdate(createMapDoc({ title: 'A' })));
      await store.createMap(b, Y.encodeStateAsUpdate(createMapDoc({ title: 'B' })));
      await store.appendUpdate(a.id, Y.encodeStateAsUpdate(createMapDoc({ title: 'A2' })));
      await store.compact(a.id);
      expect((await store.loadUpdates(b.id)).length).toBe(1);
      expect(readSnapshot(await docOf(store, b.id)).meta.title).toBe('B');
      await store.close();
    });

    it('refuses appends after close', async () => {
      const store = await fresh();
      const r = record();
      await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
      await store.close();
      await expect(store.appendUpdate(r.id, new Uint8Array([0, 0]))).rejects.toThrow();
    });
  });
}
