import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, readSnapshot, renameFactor } from '../../../src/model';
import { createLogger } from '../../../server/log';
import { PgMapStore } from '../../../server/store/pg-store';
import { hashToken, newMapId, newToken } from '../../../server/store/secrets';
import { SqliteMapStore } from '../../../server/store/sqlite-store';
import { startPostgres, type PostgresServer } from '../../helpers/postgres';
import { connectClient, makeTempDir, startRelay, whenSynced } from '../../helpers/relay';
import { recording } from '../store-contract';

/**
 * `npm run migrate:sqlite-to-pg -- <folder>` (server/tools/sqlite-to-pg.ts) run as a process,
 * from a SQLite data folder made by the SQLite store, into the harness's PostgreSQL.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let server: PostgresServer;
const dirs: string[] = [];
const quietLog = createLogger(() => undefined, () => undefined);

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface LaptopMap {
  id: string;
  editToken: string;
  viewToken: string;
  doc: Y.Doc;
  log: Uint8Array[];
}

/** A laptop's data folder with `n` maps, each with a few edits stored as the relay stores them. */
async function laptop(n: number): Promise<{ dir: string; maps: LaptopMap[] }> {
  const dir = makeTempDir('trame-laptop-');
  dirs.push(dir);
  const store = new SqliteMapStore(dir);
  const maps: LaptopMap[] = [];
  for (let i = 0; i < n; i++) {
    const id = newMapId();
    const editToken = newToken();
    const viewToken = newToken();
    const doc = createMapDoc({ title: `Atelier ${i}` });
    await store.createMap({ id, editTokenHash: hashToken(editToken), viewTokenHash: hashToken(viewToken), createdAt: i },
      Y.encodeStateAsUpdate(doc));
    const log = recording(doc);
    const f = addFactor(doc, { label: `Sécheresse ${i}`, x: 0, y: 0 });
    renameFactor(doc, f, `Sécheresse prolongée ${i}`);
    addFactor(doc, { label: `Exode ${i}`, x: 1, y: 0 });
    for (const u of log) await store.appendUpdate(id, u);
    maps.push({ id, editToken, viewToken, doc, log });
  }
  await store.close();
  return { dir, maps };
}

interface Run {
  code: number | null;
  out: string;
}

/** Runs the command; `killAfterLines` SIGKILLs it once that many map lines were printed. */
function migrate(dir: string, url: string, killAfterLines?: number): Promise<Run> {
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/tools/sqlite-to-pg.ts', dir], {
      cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const take = (d: Buffer) => {
      out += d.toString();
      if (killAfterLines !== undefined && (out.match(/^map \d+\/\d+ .*: copied/gm) ?? []).length >= killAfterLines) {
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code) => res({ code, out }));
  });
}

async function pgStore(url: string): Promise<PgMapStore> {
  return PgMapStore.open(url, quietLog);
}

describe('moving a laptop\'s maps into PostgreSQL', () => {
  it('copies every map with every update, row for row, and the maps open on a PostgreSQL relay with their tokens', async () => {
    const { dir, maps } = await laptop(3);
    const url = await server.createSchema();
    const run = await migrate(dir, url);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/done: 3 copied, 0 brought up to date, 0 unchanged, 0 not copied/);
    for (const m of maps) expect(run.out).not.toContain(m.editToken);

    const store = await pgStore(url);
    const source = new SqliteMapStore(dir);
    const hex = (rows: Uint8Array[]) => rows.map((r) => Buffer.from(r).toString('hex'));
    for (const m of maps) {
      // Every row, in order: the creation, then each stored edit.
      const rows = await store.loadUpdates(m.id);
      expect(rows.length).toBe(1 + m.log.length);
      expect(hex(rows)).toEqual(hex(await source.loadUpdates(m.id)));
      const record = await store.getMap(m.id);
      expect(Buffer.from(record!.editTokenHash).equals(hashToken(m.editToken))).toBe(true);
      expect(Buffer.from(record!.viewTokenHash).equals(hashToken(m.viewToken))).toBe(true);
    }
    await source.close();
    await store.close();

    const relay = await startRelay({ env: { DATABASE_URL: url }, startTimeoutMs: 60_000 });
    try {
      const c = connectClient(relay, maps[1]!.id, maps[1]!.viewToken);
      await whenSynced(c);
      const snap = readSnapshot(c.doc, () => undefined);
      expect(snap.meta.title).toBe('Atelier 1');
      expect(snap.factors.map((f) => f.label).sort()).toEqual(['Exode 1', 'Sécheresse prolongée 1']);
      c.destroy();
    } finally {
      await relay.stop();
    }
  }, 120_000);

  it('is idempotent, and brings a map up to date when the laptop went on editing after a first copy', async () => {
    const { dir, maps } = await laptop(2);
    const url = await server.createSchema();
    expect((await migrate(dir, url)).code).toBe(0);
    const again = await migrate(dir, url);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/done: 0 copied, 0 brought up to date, 2 unchanged, 0 not copied/);

    // The workshop goes on offline: one more edit on the laptop.
    const store = new SqliteMapStore(dir);
    const m = maps[0]!;
    m.log.length = 0;
    addFactor(m.doc, { label: 'Ajouté après la copie', x: 2, y: 2 });
    for (const u of m.log) await store.appendUpdate(m.id, u);
    await store.close();
    const third = await migrate(dir, url);
    expect(third.out).toMatch(/done: 0 copied, 1 brought up to date, 1 unchanged, 0 not copied/);
    expect((await migrate(dir, url)).out).toMatch(/0 brought up to date, 2 unchanged/);

    const pg = await pgStore(url);
    const back = new Y.Doc();
    for (const u of await pg.loadUpdates(m.id)) Y.applyUpdate(back, u);
    expect(readSnapshot(back).factors.map((f) => f.label).sort())
      .toEqual(readSnapshot(m.doc).factors.map((f) => f.label).sort());
    await pg.close();
  }, 120_000);

  it("copies the maps' snapshots once, and those taken on the laptop after a first copy", async () => {
    const { dir, maps } = await laptop(1);
    const m = maps[0]!;
    const state = Y.encodeStateAsUpdate(m.doc);
    const snap = (id: string, name: string, createdAt: number) => ({
      id, mapId: m.id, name, createdAt, author: 'Aminata', auto: null, factors: 2, links: 0,
    });
    const laptopStore = new SqliteMapStore(dir);
    await laptopStore.snapshots.addSnapshot(snap('snap-aaaaaaaaaaaaaaaa', 'Cycle 1', 1000), state);
    await laptopStore.close();
    const url = await server.createSchema();
    const first = await migrate(dir, url);
    expect(first.out).toMatch(/copied, \d+ updates, 1 snapshot\b/);
    const again = await migrate(dir, url);
    expect(again.out).toMatch(/done: 0 copied, 0 brought up to date, 1 unchanged/);

    const later = new SqliteMapStore(dir);
    await later.snapshots.addSnapshot(snap('snap-bbbbbbbbbbbbbbbb', 'Cycle 2', 2000), state);
    await later.close();
    const third = await migrate(dir, url);
    expect(third.out).toMatch(/brought up to date \(0 updates, 1 snapshot\)/);

    const pg = await pgStore(url);
    const listed = await pg.snapshots.listSnapshots(m.id);
    expect(listed.map((x) => [x.id, x.name, x.author, x.factors, x.bytes]))
      .toEqual([['snap-aaaaaaaaaaaaaaaa', 'Cycle 1', 'Aminata', 2, state.byteLength], ['snap-bbbbbbbbbbbbbbbb', 'Cycle 2', 'Aminata', 2, state.byteLength]]);
    expect(Buffer.from((await pg.snapshots.getSnapshotState(m.id, 'snap-aaaaaaaaaaaaaaaa'))!).equals(Buffer.from(state))).toBe(true);
    await pg.close();
  }, 120_000);

  it('resumes after being killed mid-way: every map ends up copied once, whole', async () => {
    const { dir, maps } = await laptop(60);
    const url = await server.createSchema();
    const killed = await migrate(dir, url, 5);
    expect(killed.code).toBeNull();
    const rest = await migrate(dir, url);
    expect(rest.code, rest.out).toBe(0);
    const copied = Number(/done: (\d+) copied/.exec(rest.out)?.[1]);
    const unchanged = Number(/(\d+) unchanged/.exec(rest.out)?.[1]);
    expect(copied + unchanged).toBe(60);
    expect(unchanged).toBeGreaterThanOrEqual(5);
    const pg = await pgStore(url);
    for (const m of maps) expect((await pg.loadUpdates(m.id)).length).toBe(1 + m.log.length);
    await pg.close();
  }, 120_000);

  it('leaves alone, and reports, a map id the database holds with other tokens', async () => {
    const { dir, maps } = await laptop(2);
    const url = await server.createSchema();
    const pg = await pgStore(url);
    await pg.createMap({ id: maps[0]!.id, editTokenHash: hashToken(newToken()), viewTokenHash: hashToken(newToken()), createdAt: 9 },
      Y.encodeStateAsUpdate(createMapDoc({ title: 'Une autre carte' })));
    const run = await migrate(dir, url);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`${maps[0]!.id}: NOT COPIED: the database has a map with this id and other tokens`));
    expect(run.out).toMatch(/done: 1 copied, 0 brought up to date, 0 unchanged, 1 not copied/);
    expect((await pg.loadUpdates(maps[0]!.id)).length).toBe(1);
    await pg.close();
  }, 60_000);

  it('says in one line what is wrong with its arguments', async () => {
    const url = await server.createSchema();
    const empty = makeTempDir('trame-empty-');
    dirs.push(empty);
    const run = await migrate(empty, url);
    expect(run.code).toBe(1);
    expect(run.out.trim()).toMatch(/^No Trame data in .* \(trame\.sqlite not found\)$/);
    const { dir } = await laptop(1);
    const wrong = new URL(server.url());
    wrong.password = 'nope';
    const refused = await migrate(dir, wrong.href);
    expect(refused.code).toBe(1);
    expect(refused.out.trim()).toMatch(/^Cannot copy: PostgreSQL at 127\.0\.0\.1:\d+ refused user "postgres"/);
  }, 60_000);
});
