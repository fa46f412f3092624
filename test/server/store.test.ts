import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, readSnapshot, renameFactor } from '../../src/model';
import type { MapRecord } from '../../server/store/map-store';
import { replayUpdates } from '../../server/store/replay';
import { hashToken, isMapId, newMapId, newToken, tokenMatches } from '../../server/store/secrets';
import { DB_FILE, SqliteMapStore } from '../../server/store/sqlite-store';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'trame-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function record(id = newMapId()): MapRecord {
  return { id, editTokenHash: hashToken('e'.repeat(20)), viewTokenHash: hashToken('v'.repeat(20)), createdAt: 1 };
}

/** Records every update a doc emits, the way the relay receives them from a client. */
function recording(doc: Y.Doc): Uint8Array[] {
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  return out;
}

async function docOf(store: SqliteMapStore, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  expect(replayUpdates(doc, await store.loadUpdates(id))).toBe(0);
  return doc;
}

describe('secrets', () => {
  it('ids carry 128 random bits and tokens 256, all distinct', () => {
    const ids = new Set(Array.from({ length: 200 }, newMapId));
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    expect(ids.size).toBe(200);
    expect(tokens.size).toBe(200);
    for (const id of ids) {
      expect(Buffer.from(id, 'base64url').length).toBe(16);
      expect(isMapId(id)).toBe(true);
    }
    for (const t of tokens) expect(Buffer.from(t, 'base64url').length).toBe(32);
  });

  it('a token matches only its own hash', () => {
    const t = newToken();
    expect(tokenMatches(t, hashToken(t))).toBe(true);
    expect(tokenMatches(newToken(), hashToken(t))).toBe(false);
    expect(tokenMatches(t, new Uint8Array(3))).toBe(false);
  });
});

describe('SqliteMapStore', () => {
  it('stores only token hashes, never the tokens', async () => {
    const dir = tempDir();
    const store = new SqliteMapStore(dir);
    const edit = newToken();
    const r = { ...record(), editTokenHash: hashToken(edit) };
    await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc({ title: 'T' })));
    await store.close();
    const raw = new Database(join(dir, DB_FILE), { readonly: true });
    const row = raw.prepare('SELECT * FROM maps').get() as Record<string, unknown>;
    raw.close();
    expect(JSON.stringify(row)).not.toContain(edit);
    expect(Buffer.from(row.edit_hash as Buffer).equals(hashToken(edit))).toBe(true);
  });

  it('gives back the record and the document after a reopen', async () => {
    const dir = tempDir();
    let store = new SqliteMapStore(dir);
    const r = record();
    const doc = createMapDoc({ title: 'Mali centre' });
    await store.createMap(r, Y.encodeStateAsUpdate(doc));
    const updates = recording(doc);
    const a = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
    renameFactor(doc, a, 'Sécheresse prolongée');
    for (const u of updates) await store.appendUpdate(r.id, u);
    await store.close();

    store = new SqliteMapStore(dir);
    expect(await store.getMap(r.id)).toMatchObject({ id: r.id, createdAt: 1 });
    expect(await store.getMap(newMapId())).toBeNull();
    const back = readSnapshot(await docOf(store, r.id));
    expect(back.meta.title).toBe('Mali centre');
    expect(back.factors.map((f) => f.label)).toEqual(['Sécheresse prolongée']);
    expect(await store.logStats(r.id)).toMatchObject({ updates: 3 });
    await store.close();
  });

  it('refuses a second map with the same id', async () => {
    const store = new SqliteMapStore(tempDir());
    const r = record();
    await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
    await expect(store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()))).rejects.toThrow();
    expect((await store.loadUpdates(r.id)).length).toBe(1);
    await store.close();
  });

  it('compaction folds the log into one row with the same content', async () => {
    const store = new SqliteMapStore(tempDir());
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
    const store = new SqliteMapStore(tempDir());
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
    const store = new SqliteMapStore(tempDir());
    const r = record();
    await store.createMap(r, Y.encodeStateAsUpdate(createMapDoc()));
    await store.appendUpdate(r.id, new Uint8Array([1, 2, 3, 250, 250]));
    await store.compact(r.id);
    expect((await store.logStats(r.id)).updates).toBe(2);
    await store.close();
  });

  it('keeps other maps apart', async () => {
    const store = new SqliteMapStore(tempDir());
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
});
