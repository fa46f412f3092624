import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addFactor, readSnapshot, removeFactors, renameFactor } from '../../src/model';
import { DB_FILE } from '../../server/store/sqlite-store';
import {
  connectClient, destroyAll, startRelay, waitFor, whenSynced, type CreatedMap, type RelayProcess,
} from '../helpers/relay';

/** The relay's snapshot routes, over real HTTP and websockets, on the Mali fixture (30 factors, 55 links). */
let relay: RelayProcess;
const quiet = () => undefined;
const linksCsv = readFileSync(join(import.meta.dirname, '../fixtures/mali-centre-links.csv'), 'utf8');

interface Listed { id: string; name: string; createdAt: number; author: string; auto: string | null; factors: number; links: number; bytes: number }
interface Report {
  factors: { added: { id: string; label: string }[]; removed: { id: string; label: string }[]; changed: { id: string; label: string; fields: string[]; from: Record<string, string> }[] };
  links: { added: { source: string; target: string; polarity: string }[]; removed: { source: string; target: string; polarity: string }[]; changed: unknown[] };
}

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

async function maliMap(): Promise<CreatedMap> {
  const r = await fetch(`${relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: linksCsv });
  expect(r.status).toBe(201);
  return (await r.json()) as CreatedMap;
}

const api = (map: CreatedMap, path: string, token: string | null, init?: RequestInit) =>
  fetch(`${relay.url}/api/maps/${map.id}${path}${token === null ? '' : `${path.includes('?') ? '&' : '?'}token=${token}`}`, init);

function save(map: CreatedMap, token: string | null, body: unknown) {
  return api(map, '/snapshots', token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function saved(map: CreatedMap, name: string): Promise<Listed> {
  const r = await save(map, map.editToken, { name, author: 'Aminata' });
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as Listed;
}

async function list(map: CreatedMap, token = map.viewToken): Promise<Listed[]> {
  const r = await api(map, '/snapshots', token);
  expect(r.status).toBe(200);
  return ((await r.json()) as { snapshots: Listed[] }).snapshots;
}

/** Edits the map as the app does, through a client of the relay, and waits for a viewer to see it. */
async function edit(map: CreatedMap, fn: (doc: Y.Doc) => void): Promise<void> {
  const client = connectClient(relay, map.id, map.editToken);
  await whenSynced(client);
  fn(client.doc);
  const want = JSON.stringify(readSnapshot(client.doc, quiet).factors.map((f) => f.label).sort());
  const check = connectClient(relay, map.id, map.viewToken);
  await waitFor(() => JSON.stringify(readSnapshot(check.doc, quiet).factors.map((f) => f.label).sort()) === want, 'the relay to hold the edit');
  destroyAll(client, check);
}

const idOf = (doc: Y.Doc, label: string) => readSnapshot(doc, quiet).factors.find((f) => f.label === label)!.id;

describe('POST and GET /api/maps/<id>/snapshots', () => {
  it('saves a named snapshot with an edit token, lists it to edit and view tokens with its counts, oldest first', async () => {
    const map = await maliMap();
    const first = await saved(map, '  Cycle 1 — atelier de Kangaba, mars 2027 ');
    expect(first.name).toBe('Cycle 1 — atelier de Kangaba, mars 2027');
    expect(typeof first.id).toBe('string');
    expect(first.createdAt).toBeGreaterThan(0);
    const second = await saved(map, 'Cycle 2');
    for (const token of [map.editToken, map.viewToken]) {
      const listed = await list(map, token);
      expect(listed.map((s) => [s.id, s.name, s.factors, s.links, s.author, s.auto]))
        .toEqual([[first.id, first.name, 30, 55, 'Aminata', null], [second.id, 'Cycle 2', 30, 55, 'Aminata', null]]);
      expect(listed[0]!.bytes).toBeGreaterThan(1000);
    }
  });

  it('refuses a view token (403), no token (401), an empty or over-200-character name (400), an unknown map (404)', async () => {
    const map = await maliMap();
    expect((await save(map, map.viewToken, { name: 'Cycle 1' })).status).toBe(403);
    expect((await save(map, null, { name: 'Cycle 1' })).status).toBe(401);
    for (const name of ['', '   ', 'x'.repeat(201), 42]) {
      const r = await save(map, map.editToken, { name });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: string }).error).toBe('bad-name');
    }
    expect((await save(map, map.editToken, { name: 'é'.repeat(200) })).status).toBe(201);
    const bad = await api(map, '/snapshots', map.editToken, { method: 'POST', body: 'not json' });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${relay.url}/api/maps/AAAAAAAAAAAAAAAAAAAAAA/snapshots?token=${map.editToken}`);
    expect(unknown.status).toBe(404);
    expect(await list(map)).toHaveLength(1);
  });

  it('limits a burst of snapshots of one map; every one answered 201 is listed', async () => {
    const map = await maliMap();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => save(map, map.editToken, { name: `Rafale ${i}` })));
    const statuses = answers.map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 201 || s === 429 || s === 503)).toBe(true);
    const limited = answers.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await list(map)).length).toBe(statuses.filter((s) => s === 201).length);
  });
});

describe('a snapshot, exported and compared', () => {
  let map: CreatedMap;
  let cycle1: Listed;
  let cycle2: Listed;
  let other: CreatedMap;
  let otherSnapshot: Listed;
  beforeAll(async () => {
    map = await maliMap();
    cycle1 = await saved(map, 'Cycle 1');
    await edit(map, (doc) => {
      renameFactor(doc, idOf(doc, 'Corruption'), 'Corruption et racket aux postes de contrôle');
      removeFactors(doc, [idOf(doc, 'Fermeture des écoles')]);
      addFactor(doc, { label: 'Orpaillage artisanal', x: 0, y: 0 });
    });
    cycle2 = await saved(map, 'Cycle 2');
    other = await maliMap();
    otherSnapshot = await saved(other, 'Autre carte');
  });

  it('exports the map as it was, as JSON, CSV and GraphML, to edit and view tokens', async () => {
    for (const token of [map.editToken, map.viewToken]) {
      const json = await api(map, `/snapshots/${cycle1.id}/export.json`, token);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toMatch(/Cycle-1\.json"/);
      const body = (await json.json()) as { factors: { label: string }[] };
      const labels = body.factors.map((f) => f.label);
      expect(labels).toContain('Corruption');
      expect(labels).toContain('Fermeture des écoles');
      expect(labels).not.toContain('Orpaillage artisanal');
      const csv = await api(map, `/snapshots/${cycle1.id}/export.csv`, token);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(await csv.text()).toContain('Fermeture des écoles');
      const graphml = await api(map, `/snapshots/${cycle1.id}/export.graphml`, token);
      expect(graphml.status).toBe(200);
      expect(await graphml.text()).toContain('<graphml');
    }
    const live = (await (await api(map, '/export.json', map.viewToken)).json()) as { factors: { label: string }[] };
    expect(live.factors.map((f) => f.label)).toContain('Orpaillage artisanal');
  });

  it('compares a snapshot with now and with another snapshot', async () => {
    for (const [to, token] of [['current', map.viewToken], [cycle2.id, map.editToken]] as const) {
      const r = await api(map, `/compare?from=${cycle1.id}&to=${to}`, token);
      expect(r.status).toBe(200);
      const report = (await r.json()) as Report;
      expect(report.factors.added.map((f) => f.label)).toEqual(['Orpaillage artisanal']);
      expect(report.factors.removed.map((f) => f.label)).toEqual(['Fermeture des écoles']);
      expect(report.factors.changed.map((c) => [c.label, c.fields, c.from.label]))
        .toEqual([['Corruption et racket aux postes de contrôle', ['label'], 'Corruption']]);
      // The links that went with the school closures, each with its ends and polarity.
      expect(report.links.removed.length).toBeGreaterThan(0);
      for (const l of report.links.removed) expect(l).toMatchObject({ source: expect.any(String), target: expect.any(String), polarity: expect.any(String) });
    }
    const same = (await (await api(map, `/compare?from=${cycle2.id}&to=current`, map.viewToken)).json()) as Report;
    expect(same.factors.added.length + same.factors.removed.length + same.factors.changed.length).toBe(0);
  });

  it('answers 404 for an unknown snapshot id and for another map’s snapshot, never its content', async () => {
    for (const sid of ['AAAAAAAAAAAAAAAAAAAAAA', 'nope', otherSnapshot.id]) {
      for (const path of [`/snapshots/${sid}/export.json`, `/snapshots/${sid}/state`, `/compare?from=${sid}&to=current`, `/compare?from=${cycle1.id}&to=${sid}`]) {
        const r = await api(map, path, map.editToken);
        expect(r.status, path).toBe(404);
        expect(await r.text()).not.toContain('Corruption');
      }
      expect((await api(map, `/snapshots/${sid}/restore`, map.editToken, { method: 'POST' })).status).toBe(404);
    }
    expect((await api(map, '/compare', map.viewToken)).status).toBe(400);
    expect((await api(map, `/snapshots/${cycle1.id}/export.json`, null)).status).toBe(401);
  });

  it('reports a corrupted stored state as unreadable, and the map and other snapshots are unaffected', async () => {
    const broken = await saved(map, 'Sera abîmé');
    const db = new Database(join(relay.dataDir, DB_FILE));
    try {
      db.prepare('UPDATE snapshots SET state = ? WHERE id = ?').run(Buffer.from([1, 2, 3, 250, 251, 252, 7]), broken.id);
    } finally {
      db.close();
    }
    const r = await api(map, `/snapshots/${broken.id}/export.json`, map.viewToken);
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toBe('snapshot-unreadable');
    expect((await api(map, `/compare?from=${broken.id}&to=current`, map.viewToken)).status).toBe(422);
    expect((await api(map, `/snapshots/${broken.id}/restore`, map.editToken, { method: 'POST' })).status).toBe(422);
    expect((await list(map)).map((s) => s.name)).toContain('Sera abîmé');
    expect((await api(map, '/export.json', map.viewToken)).status).toBe(200);
    expect((await api(map, `/snapshots/${cycle1.id}/export.json`, map.viewToken)).status).toBe(200);
  });
});

describe('POST /api/maps/<id>/snapshots/<sid>/restore', () => {
  it('is refused to a view token, and with an edit token brings the map back for everyone, after keeping what it replaced', async () => {
    const map = await maliMap();
    const cycle1 = await saved(map, 'Cycle 1');
    await edit(map, (doc) => {
      removeFactors(doc, [idOf(doc, 'Fermeture des écoles')]);
      addFactor(doc, { label: 'Orpaillage artisanal', x: 0, y: 0 });
    });
    expect((await api(map, `/snapshots/${cycle1.id}/restore`, map.viewToken, { method: 'POST' })).status).toBe(403);

    const watcher = connectClient(relay, map.id, map.viewToken);
    await whenSynced(watcher);
    const labels = () => readSnapshot(watcher.doc, quiet).factors.map((f) => f.label);
    expect(labels()).toContain('Orpaillage artisanal');
    const r = await api(map, `/snapshots/${cycle1.id}/restore`, map.editToken, { method: 'POST' });
    expect(r.status, await r.clone().text()).toBe(200);
    const body = (await r.json()) as { before: Listed; factors: { added: number; removed: number } };
    expect(body.factors).toMatchObject({ added: 1, removed: 1 });
    // Synced to a client that was connected all along: one forward change.
    await waitFor(() => labels().includes('Fermeture des écoles') && !labels().includes('Orpaillage artisanal'), 'the restore to reach a connected client');
    expect(labels()).toHaveLength(30);
    destroyAll(watcher);

    const listed = await list(map);
    expect(listed.map((s) => [s.name, s.auto])).toEqual([['Cycle 1', null], ['Avant la restauration', 'restore']]);
    expect(listed[1]!.id).toBe(body.before.id);
    // What the restore replaced is kept and can be looked at.
    const replaced = (await (await api(map, `/snapshots/${body.before.id}/export.json`, map.viewToken)).json()) as { factors: { label: string }[] };
    expect(replaced.factors.map((f) => f.label)).toContain('Orpaillage artisanal');
    // And a fresh load from the relay's store shows the restored map.
    const live = (await (await api(map, '/export.json', map.viewToken)).json()) as { factors: { label: string }[] };
    expect(live.factors.map((f) => f.label)).toContain('Fermeture des écoles');
  });
});

describe('automatic snapshots through the relay', () => {
  it('keeps the map as it stood before a merge posted to /merge', async () => {
    const map = await maliMap();
    const mini = 'cause,effect,polarity\nOrpaillage artisanal,Corruption,+\n';
    const r = await fetch(`${relay.url}/api/maps/${map.id}/merge?token=${map.editToken}&source=Groupe%20de%20Kangaba`, {
      method: 'POST', headers: { 'content-type': 'text/csv' }, body: mini,
    });
    expect(r.status, await r.clone().text()).toBe(200);
    const listed = await list(map);
    expect(listed.map((s) => [s.name, s.auto, s.factors])).toEqual([['Avant la fusion', 'merge', 30]]);
    const report = (await (await api(map, `/compare?from=${listed[0]!.id}&to=current`, map.viewToken)).json()) as Report;
    expect(report.factors.added.map((f) => f.label)).toEqual(['Orpaillage artisanal']);
  });
});
