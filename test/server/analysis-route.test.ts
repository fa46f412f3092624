import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink, readSnapshot, type MapSnapshot } from '../../src/model';
import { importIntoDoc, parseImportFiles } from '../../src/model/io';
import {
  connectClient, createMap, destroyAll, startRelay, waitFor, whenSynced, type CreatedMap, type RelayProcess,
} from '../helpers/relay';

interface AnalysisBody {
  loops: { id: string; factors: string[]; links: string[]; kind: string }[];
  loopsTruncated: boolean;
  factors: { id: string; label: string; inDegree: number; outDegree: number; betweenness: number; loopCount: number }[];
}

const quiet = () => undefined;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

let relay: RelayProcess;
let mali: CreatedMap;
let maliSnap: MapSnapshot;

/** Writes the map through a client of the relay, as the app would, and keeps what it wrote. */
async function writeThroughClient(map: CreatedMap, fill: (doc: Y.Doc) => void): Promise<MapSnapshot> {
  const client = connectClient(relay, map.id, map.editToken);
  await whenSynced(client);
  fill(client.doc);
  const snap = readSnapshot(client.doc, quiet);
  // A second client that sees every link proves the relay holds them.
  const check = connectClient(relay, map.id, map.viewToken);
  await whenSynced(check);
  await waitFor(() => readSnapshot(check.doc, quiet).links.length === snap.links.length, 'the relay to hold every link');
  destroyAll(client, check);
  return snap;
}

const get = (id: string, query: string) => fetch(`${relay.url}/api/maps/${id}/analysis${query}`);

async function analysisOf(map: CreatedMap, query = `?token=${map.editToken}`): Promise<AnalysisBody> {
  const r = await get(map.id, query);
  expect(r.status).toBe(200);
  return (await r.json()) as AnalysisBody;
}

beforeAll(async () => {
  relay = await startRelay();
  mali = await createMap(relay, 'Mali centre');
  maliSnap = await writeThroughClient(mali, (doc) => {
    const parsed = parseImportFiles([
      { name: 'mali-centre-factors.csv', data: fixture('mali-centre-factors.csv') },
      { name: 'mali-centre-links.csv', data: fixture('mali-centre-links.csv') },
    ]);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    const r = importIntoDoc(doc, parsed.map, { mode: 'merge' });
    if (!r.ok) throw new Error(r.errors[0]?.message);
  });
});
afterAll(async () => {
  await relay?.stop();
});

describe('GET /api/maps/<id>/analysis', () => {
  it('lists the 116 loops of the Mali centre map, 83 reinforcing and 33 balancing', async () => {
    const a = await analysisOf(mali);
    expect(maliSnap.links).toHaveLength(55);
    expect(a.loops).toHaveLength(116);
    expect(a.loops.filter((l) => l.kind === 'reinforcing')).toHaveLength(83);
    expect(a.loops.filter((l) => l.kind === 'balancing')).toHaveLength(33);
    expect(a.loopsTruncated).toBe(false);
    const lengths = a.loops.map((l) => l.factors.length);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lengths)).toBe(15);
    expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
  });

  it('gives each loop its links in order and the kind its signs make', async () => {
    const a = await analysisOf(mali);
    const linkById = new Map(maliSnap.links.map((l) => [l.id, l]));
    for (const loop of a.loops) {
      expect(loop.links).toHaveLength(loop.factors.length);
      let negatives = 0;
      loop.links.forEach((id, i) => {
        const link = linkById.get(id);
        expect(link?.source).toBe(loop.factors[i]);
        expect(link?.target).toBe(loop.factors[(i + 1) % loop.factors.length]);
        if (link?.polarity === '-') negatives++;
      });
      expect(loop.kind).toBe(negatives % 2 === 0 ? 'reinforcing' : 'balancing');
    }
  });

  it('gives every factor its degrees and the number of loops through it', async () => {
    const a = await analysisOf(mali);
    expect(a.factors).toHaveLength(30);
    for (const f of a.factors) {
      expect(f.label).toBe(maliSnap.factorById.get(f.id)?.label);
      expect(f.inDegree).toBe(maliSnap.links.filter((l) => l.target === f.id).length);
      expect(f.outDegree).toBe(maliSnap.links.filter((l) => l.source === f.id).length);
      expect(f.loopCount).toBe(a.loops.filter((l) => l.factors.includes(f.id)).length);
      expect(f.betweenness).toBeGreaterThanOrEqual(0);
      expect(f.betweenness).toBeLessThanOrEqual(1);
    }
  });

  it('answers a view link the same as an edit link', async () => {
    const byView = await analysisOf(mali, `?token=${mali.viewToken}`);
    const byEdit = await analysisOf(mali);
    expect(byView).toEqual(byEdit);
  });

  it('keeps within the bounds asked for and says the search stopped early', async () => {
    const short = await analysisOf(mali, `?token=${mali.editToken}&maxLength=3`);
    expect(short.loops.length).toBeGreaterThan(0);
    expect(short.loops.every((l) => l.factors.length <= 3)).toBe(true);
    expect(short.loopsTruncated).toBe(true);
    const few = await analysisOf(mali, `?token=${mali.editToken}&maxCount=10`);
    expect(few.loops).toHaveLength(10);
    expect(few.loopsTruncated).toBe(true);
  });

  it('refuses bounds out of range, naming the parameter', async () => {
    for (const q of ['maxLength=1', 'maxLength=31', 'maxLength=abc', 'maxCount=0', 'maxCount=10001', 'maxCount=2.5']) {
      const r = await get(mali.id, `?token=${mali.editToken}&${q}`);
      expect(r.status).toBe(400);
      const body = (await r.json()) as { error: string; param: string };
      expect(body.error).toBe('bad-param');
      expect(q.startsWith(body.param)).toBe(true);
    }
  });

  it('answers 401 without a token or with a wrong one, and 404 for an unknown map', async () => {
    expect((await get(mali.id, '')).status).toBe(401);
    expect((await get(mali.id, '?token=')).status).toBe(401);
    expect((await get(mali.id, `?token=${mali.editToken}x`)).status).toBe(401);
    const other = await createMap(relay);
    expect((await get(mali.id, `?token=${other.editToken}`)).status).toBe(401);
    expect((await get('nosuchmap000', `?token=${mali.editToken}`)).status).toBe(404);
  });

  it('finds no loop in an empty map, and one balancing loop once two factors counteract', async () => {
    const map = await createMap(relay);
    expect(await analysisOf(map)).toEqual({ loops: [], loopsTruncated: false, factors: [] });
    await writeThroughClient(map, (doc) => {
      const a = addFactor(doc, { label: 'Prix du mil', x: 0, y: 0 });
      const b = addFactor(doc, { label: 'Demande', x: 200, y: 0 });
      addLink(doc, { source: a, target: b, polarity: '-' });
      addLink(doc, { source: b, target: a, polarity: '+' });
    });
    const a = await analysisOf(map);
    expect(a.loops.map((l) => l.kind)).toEqual(['balancing']);
    expect(a.factors.map((f) => f.loopCount)).toEqual([1, 1]);
  });
});
