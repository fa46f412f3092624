import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMapDoc, factorsOf, readSnapshot, silent } from '../../src/model';
import { readAnswers, readFactorSourceMap, rememberAnswers, SOURCES_FIELD, sortedSources } from '../../src/model/merge';
import { exportXlsxAsync, importIntoDoc, parseCsv } from '../../src/model/io';
import {
  connectClient, destroyAll, makeTempDir, startRelay, waitFor, whenSynced, type CreatedMap, type RelayProcess,
} from '../helpers/relay';

/** POST /api/maps/<id>/merge against a real relay, with a client connected to the map. */
let relay: RelayProcess;
let dist: string;

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name));
const MALI = fixture('mali-centre-links.csv');
const FEMMES = fixture('mini-maps/groupe-femmes.csv');

beforeAll(async () => {
  dist = makeTempDir('trame-dist-');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Trame</title>');
  relay = await startRelay({ env: { DIST_DIR: dist } });
}, 60_000);
afterAll(async () => {
  await relay?.stop();
  rmSync(dist, { recursive: true, force: true });
});

function post(path: string, body: string | Uint8Array, contentType: string) {
  return fetch(`${relay.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body: body as BodyInit });
}

async function maliMap(): Promise<CreatedMap> {
  const r = await post('/api/maps', MALI, 'text/csv');
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as CreatedMap;
}

function merge(m: CreatedMap, body: string | Uint8Array, contentType = 'text/csv', source = 'Groupe des femmes', token = m.editToken) {
  return post(`/api/maps/${m.id}/merge?token=${token}&source=${encodeURIComponent(source)}`, body, contentType);
}

async function exported(m: CreatedMap): Promise<string> {
  const r = await fetch(`${relay.url}/api/maps/${m.id}/export.json?token=${m.viewToken}`);
  expect(r.status).toBe(200);
  return r.text();
}

async function countsOf(m: CreatedMap) {
  const data = JSON.parse(await exported(m)) as { factors: unknown[]; links: unknown[] };
  return { factors: data.factors.length, links: data.links.length };
}

describe('POST /api/maps/<id>/merge', () => {
  it('merges the normalised matches, adds the rest, suggests near matches, and connected clients see it live', async () => {
    const m = await maliMap();
    const client = connectClient(relay, m.id, m.editToken);
    try {
      await whenSynced(client);
      expect(readSnapshot(client.doc, silent).factors).toHaveLength(30);
      const r = await merge(m, FEMMES);
      expect(r.status, await r.clone().text()).toBe(200);
      const answer = await r.json() as Record<string, unknown>;
      expect(answer).toMatchObject({ matched: 11, added: 6, linksMatched: 4, linksAdded: 8 });
      expect(answer.suggestions).toContainEqual(expect.objectContaining({ label: 'Sécheresse', candidate: 'Sécheresses et pluies irrégulières' }));
      expect(answer.conflicts).toEqual([{ cause: 'Aide humanitaire', effect: 'Pauvreté des ménages', map: '-', mini: '+' }]);
      await waitFor(() => readSnapshot(client.doc, silent).factors.length === 36, 'the merge to reach the client');
      expect(readSnapshot(client.doc, silent).links).toHaveLength(63);
      // Provenance went along: which mini-map, under which label.
      const insecurite = readSnapshot(client.doc, silent).factors.find((f) => f.label === 'Insécurité')!;
      const sources = readFactorSourceMap('test', factorsOf(client.doc).get(insecurite.id)!.get(SOURCES_FIELD), silent);
      expect(sortedSources(sources)).toEqual([expect.objectContaining({ map: 'Groupe des femmes', label: 'insecurite' })]);
    } finally {
      destroyAll(client);
    }
  });

  it('updates what came from a mini-map when it is merged again, instead of duplicating', async () => {
    const m = await maliMap();
    expect((await merge(m, FEMMES)).status).toBe(200);
    const once = await countsOf(m);
    const again = await merge(m, FEMMES);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ added: 0, linksAdded: 0 });
    expect(await countsOf(m)).toEqual(once);
  });

  it('reads a mini-map sent as an Excel workbook or Trame JSON, and a large one off the relay thread', async () => {
    const group = createMapDoc({ title: 'Jeunes' });
    const csv = parseCsv(fixture('mini-maps/groupe-jeunes.csv').toString('utf8'));
    if (!csv.ok) throw new Error('fixture');
    expect(importIntoDoc(group, csv.map, { mode: 'new' }).ok).toBe(true);
    const m = await maliMap();
    const xlsx = await merge(m, await exportXlsxAsync(group), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Jeunes');
    expect(xlsx.status, await xlsx.clone().text()).toBe(200);
    expect(await xlsx.json()).toMatchObject({ added: expect.any(Number) });

    const eleveurs = await merge(m, fixture('mini-maps/groupe-eleveurs.json'), 'application/json', '');
    expect(eleveurs.status, await eleveurs.clone().text()).toBe(200);

    // Beyond the inline size the body is parsed and matched in a worker thread.
    const rows = Array.from({ length: 800 }, (_, i) => `Facteur numéro ${i} du groupe,Conséquence numéro ${i} du groupe,+`);
    const big = `cause,effect,polarity\n${rows.join('\n')}\n`;
    expect(big.length).toBeGreaterThan(16 * 1024);
    const before = await countsOf(m);
    const r = await merge(m, big, 'text/csv', 'Grand groupe');
    expect(r.status, await r.clone().text()).toBe(200);
    expect(await r.json()).toMatchObject({ added: 1600, linksAdded: 800 });
    expect(await countsOf(m)).toEqual({ factors: before.factors + 1600, links: before.links + 800 });
    // Merged in the worker, with its provenance: the same mini-map again adds nothing.
    const again = await merge(m, big, 'text/csv', 'Grand groupe');
    expect(await again.json()).toMatchObject({ matched: 1600, added: 0, linksAdded: 0 });
    expect(await countsOf(m)).toEqual({ factors: before.factors + 1600, links: before.links + 800 });
  }, 60_000);

  it('refuses a view token (403), no token (401) and an unknown map (404), the map unchanged', async () => {
    const m = await maliMap();
    const before = await exported(m);
    const view = await merge(m, FEMMES, 'text/csv', 'G', m.viewToken);
    expect(view.status).toBe(403);
    expect(await view.json()).toMatchObject({ error: 'read-only' });
    expect((await post(`/api/maps/${m.id}/merge?source=G`, FEMMES, 'text/csv')).status).toBe(401);
    expect((await post(`/api/maps/AAAAAAAAAAAAAAAAAAAAAA/merge?token=${m.editToken}&source=G`, FEMMES, 'text/csv')).status).toBe(404);
    expect(await exported(m)).toBe(before);
  });

  it('refuses bad bodies with the same 400s as POST /api/maps, the map unchanged', async () => {
    const m = await maliMap();
    const before = await exported(m);
    const bodies: [string, string][] = [
      ['cause,effect,polarity\nA,B,peut-être\n', 'text/csv'],
      ['{"factors": [', 'application/json'],
      ['{"format":"trame","schemaVersion":1,"factors":[{"id":"a"}],"links":[]}', 'application/json'],
      ['PK\u0003\u0004 not a workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ];
    for (const [body, type] of bodies) {
      const created = await post('/api/maps', body, type);
      const merged = await merge(m, body, type);
      expect(merged.status, body).toBe(400);
      expect(created.status, body).toBe(400);
      expect(await merged.json(), body).toEqual(await created.json());
    }
    expect((await merge(m, 'x', 'text/plain')).status).toBe(415);
    const titleOnly = await merge(m, '{"title":"x"}', 'application/json');
    expect(titleOnly.status).toBe(400);
    expect(await titleOnly.json()).toMatchObject({ error: 'invalid-map', code: 'import.jsonNotMap' });
    expect(await exported(m)).toBe(before);
  });

  it('answers clearly for empty labels, no title, an empty body, and a map merged into itself', async () => {
    const m = await maliMap();
    const before = await exported(m);
    const empty = await merge(m, '{"format":"trame","schemaVersion":1,"factors":[{"id":"a","label":"?"},{"id":"b","label":"—"}],"links":[]}', 'application/json');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'invalid-merge', code: 'merge.noLabels', params: { count: 2 } });
    const noTitle = await merge(m, FEMMES, 'text/csv', '  ');
    expect(await noTitle.json()).toMatchObject({ error: 'invalid-merge', code: 'merge.noTitle' });
    const nothing = await merge(m, '', 'text/csv');
    expect(await nothing.json()).toMatchObject({ error: 'invalid-merge', code: 'merge.empty' });
    const self = await merge(m, before, 'application/json', 'Moi');
    expect(self.status).toBe(400);
    expect(await self.json()).toMatchObject({ error: 'invalid-merge', code: 'merge.self' });
    expect(await exported(m)).toBe(before);
  });

  it('matches everything and adds nothing for a mini-map identical to the map, and says so', async () => {
    const m = await maliMap();
    const r = await merge(m, MALI, 'text/csv', 'Copie');
    expect(r.status).toBe(200);
    const answer = await r.json() as { notices: { code: string }[] };
    expect(answer).toMatchObject({ matched: 30, added: 0, linksMatched: 55, linksAdded: 0, suggestions: [] });
    expect(answer.notices.map((n) => n.code)).toContain('merge.identical');
    expect(await countsOf(m)).toEqual({ factors: 30, links: 55 });
  });

  it('merges a 5,000-factor mini-map off the relay thread, in one piece', async () => {
    const m = await maliMap();
    const rows = Array.from({ length: 4_998 }, (_, i) => `Facteur ${i} du village,Facteur ${i + 1} du village,+`);
    rows.push('Facteur 0 du village,insecurite,+');
    const r = await merge(m, `cause,effect,polarity\n${rows.join('\n')}\n`, 'text/csv', 'Grand atelier');
    expect(r.status, await r.clone().text()).toBe(200);
    expect(await r.json()).toMatchObject({ matched: 1, added: 4_999, linksMatched: 0, linksAdded: 4_999, suggestions: [], conflicts: [] });
    expect(await countsOf(m)).toEqual({ factors: 5_029, links: 5_054 });
  }, 120_000);

  it('keeps the map\'s polarity on each of many conflicting links and lists every conflict', async () => {
    const meta = Array.from({ length: 200 }, (_, i) => `Cause ${i},Effet ${i},+`);
    const created = await post('/api/maps', `cause,effect,polarity\n${meta.join('\n')}\n`, 'text/csv');
    expect(created.status).toBe(201);
    const m = (await created.json()) as CreatedMap;
    const mini = Array.from({ length: 200 }, (_, i) => `cause ${i},effet ${i},-`);
    const r = await merge(m, `cause,effect,polarity\n${mini.join('\n')}\n`, 'text/csv', 'Groupe contraire');
    expect(r.status, await r.clone().text()).toBe(200);
    const answer = await r.json() as { conflicts: { cause: string; effect: string; map: string; mini: string }[] };
    expect(answer).toMatchObject({ matched: 400, added: 0, linksMatched: 200, linksAdded: 0 });
    expect(answer.conflicts).toHaveLength(200);
    expect(answer.conflicts).toContainEqual({ cause: 'cause 17', effect: 'effet 17', map: '+', mini: '-' });
    const links = (JSON.parse(await exported(m)) as { links: { polarity: string }[] }).links;
    expect(links).toHaveLength(200);
    expect(new Set(links.map((l) => l.polarity))).toEqual(new Set(['+']));
  });

  it('takes a near match a person confirmed in the app, synced through the relay, and no longer suggests it', async () => {
    const m = await maliMap();
    const alice = connectClient(relay, m.id, m.editToken);
    const bob = connectClient(relay, m.id, m.editToken);
    try {
      await Promise.all([whenSynced(alice), whenSynced(bob)]);
      const drought = readSnapshot(alice.doc, silent).factors.find((f) => f.label === 'Sécheresses et pluies irrégulières')!;
      rememberAnswers(alice.doc, 'Groupe des femmes', [{ label: 'Sécheresse', factor: drought.id, answer: 'same' }]);
      // Another person's device has it: the answer is part of the map.
      await waitFor(() => readAnswers(bob.doc, silent).length === 1, 'the answer to reach another client');
      const r = await merge(m, FEMMES);
      expect(r.status, await r.clone().text()).toBe(200);
      const answer = await r.json() as { suggestions: { label: string }[] };
      expect(answer).toMatchObject({ matched: 12, added: 5 });
      expect(answer.suggestions.map((x) => x.label)).not.toContain('Sécheresse');
      await waitFor(() => readSnapshot(bob.doc, silent).factors.length === 35, 'the merge to reach another client');
    } finally {
      destroyAll(alice, bob);
    }
  });
});
