import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/limits';
import { DB_FILE } from '../../server/store/sqlite-store';
import { createMap, makeTempDir, startRelay, type CreatedMap, type RelayProcess } from '../helpers/relay';

let relay: RelayProcess;
let dist: string;

beforeAll(async () => {
  dist = makeTempDir('trame-dist-');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Trame</title>');
  relay = await startRelay({ env: { DIST_DIR: dist } });
}, 30_000);
afterAll(async () => {
  await relay?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
const linksCsv = fixture('mali-centre-links.csv');

function post(body: string | Uint8Array<ArrayBuffer>, contentType: string) {
  return fetch(`${relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function created(r: Response): Promise<CreatedMap> {
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as CreatedMap;
}

function exportOf(id: string, ext: string, token: string | null) {
  return fetch(`${relay.url}/api/maps/${id}/export.${ext}${token === null ? '' : `?token=${token}`}`);
}

/** Maps the relay holds, read from its own database file: "nothing created" is checked there. */
function mapCount(): number {
  const db = new Database(join(relay.dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM maps').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

interface JsonMap {
  format: string;
  meta: { title?: string };
  factors: { id: string; label: string; x: number; y: number }[];
  links: { source: string; target: string; polarity: string; strength?: number }[];
}

/** A links CSV as comparable rows: cause → effect, polarity, strength, delay. */
function linkRows(csv: string): string[] {
  const { data } = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return data.map((r) => [r.cause, r.effect, r.polarity, r.strength ?? '', r.delay === 'true' ? 'delay' : ''].join(' | ')).sort();
}

describe('GET /api/maps/<id>/export.*', () => {
  let map: CreatedMap;
  beforeAll(async () => {
    map = await created(await post(linksCsv, 'text/csv'));
  }, 30_000);

  it('gives the map as JSON, CSV of links and GraphML to an edit or a view token', async () => {
    for (const token of [map.editToken, map.viewToken]) {
      const json = await exportOf(map.id, 'json', token);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"/);
      expect(json.headers.get('cache-control')).toBe('no-store');
      const body = (await json.json()) as JsonMap;
      expect(body.format).toBe('trame');
      expect(body.factors).toHaveLength(30);

      const csv = await exportOf(map.id, 'csv', token);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(/filename="[^"]*liens\.csv"/);
      expect((await csv.text()).split('\r\n')[0]).toBe('cause,effect,polarity,strength,delay,note');

      const graphml = await exportOf(map.id, 'graphml', token);
      expect(graphml.status).toBe(200);
      expect(graphml.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
      const xml = await graphml.text();
      expect(xml.match(/<node /g)).toHaveLength(30);
      expect(xml.match(/<edge /g)).toHaveLength(55);
    }
  });

  it('answers 401 without a token or with a wrong one, and 404 for an unknown map', async () => {
    for (const ext of ['json', 'csv', 'graphml']) {
      expect((await exportOf(map.id, ext, null)).status).toBe(401);
      expect((await exportOf(map.id, ext, 'A'.repeat(43))).status).toBe(401);
      expect((await exportOf(map.id, ext, 'not a token')).status).toBe(401);
      const other = await createMap(relay);
      expect((await exportOf(map.id, ext, other.editToken)).status).toBe(401);
      expect((await exportOf('nosuchmap0000000000000', ext, map.editToken)).status).toBe(404);
    }
  });

  it('names the file after the title, accents kept in filename*', async () => {
    const m = await createMap(relay, 'Sécheresse à Mopti / 2024');
    const r = await exportOf(m.id, 'json', m.viewToken);
    const disposition = r.headers.get('content-disposition')!;
    expect(disposition).toContain('filename="Secheresse-a-Mopti-2024.json"');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe('Sécheresse à Mopti 2024.json');
  });

  it('writes the CSV for Excel on ?excel=1', async () => {
    const r = await fetch(`${relay.url}/api/maps/${map.id}/export.csv?token=${map.viewToken}&excel=1`);
    // Response.text() would drop the BOM: look at the bytes.
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8').startsWith('cause;effect;')).toBe(true);
  });
});

describe('POST /api/maps with a whole map', () => {
  it('creates a map from the fixture CSV of links, laid out, and gives the same links back', async () => {
    const before = mapCount();
    const m = await created(await post(linksCsv, 'text/csv; charset=utf-8'));
    expect(mapCount()).toBe(before + 1);
    const json = (await (await exportOf(m.id, 'json', m.editToken)).json()) as JsonMap;
    expect(json.links).toHaveLength(55);
    expect(json.factors).toHaveLength(30);
    for (const f of json.factors) expect(Number.isFinite(f.x) && Number.isFinite(f.y)).toBe(true);
    // Laid out, not piled up: no two factors at one place.
    expect(new Set(json.factors.map((f) => `${f.x},${f.y}`)).size).toBe(30);
    const csv = await (await exportOf(m.id, 'csv', m.viewToken)).text();
    expect(linkRows(csv)).toEqual(linkRows(linksCsv));
  });

  it('creates a map from Trame JSON: exporting it again gives the same map', async () => {
    const source = await created(await post(linksCsv, 'text/csv'));
    const original = await (await exportOf(source.id, 'json', source.editToken)).text();
    const titled = JSON.stringify({ ...JSON.parse(original), meta: { title: 'Copie de Mopti', language: 'fr' } });
    const copy = await created(await post(titled, 'application/json'));
    expect(copy.id).not.toBe(source.id);
    const info = await (await fetch(`${relay.url}/api/maps/${copy.id}?token=${copy.viewToken}`)).json();
    expect(info).toMatchObject({ title: 'Copie de Mopti' });
    const again = (await (await exportOf(copy.id, 'json', copy.editToken)).json()) as JsonMap;
    const first = JSON.parse(original) as JsonMap;
    expect(again.factors).toEqual(first.factors);
    expect(again.links).toEqual(first.links);
  });

  it('still takes { "title" } alone as an empty map', async () => {
    const m = await created(await post(JSON.stringify({ title: 'Vide' }), 'application/json'));
    const json = (await (await exportOf(m.id, 'json', m.editToken)).json()) as JsonMap;
    expect(json.factors).toEqual([]);
    expect(json.meta.title).toBe('Vide');
  });

  const futureJson = JSON.stringify({ format: 'trame', schemaVersion: 99, meta: {}, factors: [], links: [] });
  const junk = new Uint8Array(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;

  it.each([
    ['a CSV with an unknown header', 'width,height\n1,2\n', 'text/csv', { code: 'csv.badHeader', line: 1 }],
    ['a CSV with an unknown polarity', 'cause,effect,polarity\nA,B,+\nB,C,maybe\n', 'text/csv', { code: 'csv.unknownPolarity', line: 3 }],
    ['broken JSON', '{"format": "trame",\n "factors": [}', 'application/json', { error: 'invalid-json', code: 'json.syntax', line: 2 }],
    ['JSON from a newer Trame', futureJson, 'application/json', { code: 'json.newerVersion', field: 'schemaVersion' }],
    ['a JSON map with a link to nowhere', JSON.stringify({
      format: 'trame', schemaVersion: 1, meta: {}, factors: [{ id: 'a', label: 'A', x: 0, y: 0 }],
      links: [{ id: 'l', source: 'a', target: 'zz', polarity: '+' }],
    }), 'application/json', { code: 'json.unknownFactor', field: 'links[0].target' }],
    ['binary junk as CSV', junk, 'text/csv', { code: 'text.binary' }],
    ['binary junk as JSON', junk, 'application/json', { code: 'text.binary' }],
  ] as const)('refuses %s with 400, the located io error, and creates nothing', async (_name, body, type, expected) => {
    const before = mapCount();
    const r = await post(typeof body === 'string' ? body : new Uint8Array(body), type);
    expect(r.status).toBe(400);
    const answer = (await r.json()) as Record<string, unknown>;
    expect(answer).toMatchObject(expected);
    expect(typeof answer.message).toBe('string');
    expect(answer.message).not.toBe('');
    expect(Array.isArray(answer.issues)).toBe(true);
    expect(mapCount()).toBe(before);
  });

  it('answers 413 to a map file over the size limit and creates nothing', async () => {
    const before = mapCount();
    const head = 'cause,effect,polarity\n';
    const big = head + 'A,B,+\n'.repeat(Math.ceil((MAX_BODY_BYTES + 10) / 6));
    const r = await post(big, 'text/csv');
    expect(r.status).toBe(413);
    expect(mapCount()).toBe(before);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });
});
