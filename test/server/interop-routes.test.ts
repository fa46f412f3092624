import Database from 'better-sqlite3';
import readXlsxFile from 'read-excel-file/node';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../server/store/sqlite-store';
import { makeTempDir, startRelay, type CreatedMap, type RelayProcess } from '../helpers/relay';
import { buildXlsx } from '../model/io/xlsx-build';

/** Peers' formats over HTTP: Excel and Kumu in, Excel, GEXF and DOT out. */
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

function post(body: string | Uint8Array<ArrayBuffer>, contentType: string) {
  return fetch(`${relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function created(r: Response): Promise<CreatedMap> {
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as CreatedMap;
}

function exportOf(id: string, ext: string, token: string | null, query = '') {
  return fetch(`${relay.url}/api/maps/${id}/export.${ext}${token === null ? '' : `?token=${token}${query}`}`);
}

const MAP = JSON.stringify({
  format: 'trame',
  schemaVersion: 1,
  meta: { title: 'Sécheresse à Mopti', language: 'fr' },
  factors: [
    { id: 'f1', label: 'Sécheresse', x: 0, y: 0, theme: 'Environnement' },
    { id: 'f2', label: 'Récoltes', x: 200, y: 50 },
  ],
  links: [{ id: 'l1', source: 'f1', target: 'f2', polarity: '-', strength: 2 }],
  stories: [{ id: 's1', code: 'R-7', summary: 'le mil a séché', citedOn: { factors: ['f1'] } }],
});

describe('GET /api/maps/<id>/export.xlsx, .gexf, .dot', () => {
  it('sends a workbook Excel opens, named after the map, stories without texts unless asked', async () => {
    const m = await created(await post(MAP, 'application/json'));
    const r = await exportOf(m.id, 'xlsx', m.viewToken);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toContain("filename*=UTF-8''S%C3%A9cheresse%20%C3%A0%20Mopti.xlsx");
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(Number(r.headers.get('content-length'))).toBe(bytes.length);
    const sheets = await readXlsxFile(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['Facteurs', 'Liens', 'Boucles', 'Récits']);
    expect(sheets[1]!.data[1]!.slice(0, 4)).toEqual(['Sécheresse', 'Récoltes', '-', 2]);
    expect(JSON.stringify(sheets[3]!.data)).not.toContain('séché');
    const withTexts = await readXlsxFile(Buffer.from(await (await exportOf(m.id, 'xlsx', m.editToken, '&stories=texts')).arrayBuffer()));
    expect(JSON.stringify(withTexts[3]!.data)).toContain('le mil a séché');
  });

  it('sends GEXF and DOT, and refuses all three without a token', async () => {
    const m = await created(await post(MAP, 'application/json'));
    const gexf = await exportOf(m.id, 'gexf', m.viewToken);
    expect(gexf.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    const text = await gexf.text();
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(text.match(/<node /g)).toHaveLength(2);
    const dot = await exportOf(m.id, 'dot', m.viewToken);
    expect(dot.headers.get('content-type')).toBe('text/vnd.graphviz; charset=utf-8');
    expect(await dot.text()).toContain('"f1" -> "f2" [color="#c62828"');
    for (const ext of ['xlsx', 'gexf', 'dot']) expect((await exportOf(m.id, ext, null)).status).toBe(401);
  });
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Maps the relay holds, read from its own database file: "nothing created" is checked there. */
function mapCount(): number {
  const db = new Database(join(relay.dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM maps').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function factorsOf(m: CreatedMap): Promise<{ label: string; theme?: string; x: number }[]> {
  const json = (await (await exportOf(m.id, 'json', m.viewToken)).json()) as { factors: { label: string; theme?: string; x: number }[] };
  return json.factors;
}

describe('POST /api/maps with a workbook or a Kumu blueprint', () => {
  it('creates a map from a Kumu workbook, laid out', async () => {
    const book = buildXlsx([
      { name: 'Elements', rows: [['Label', 'Type'], ['Sécheresse', 'Environnement'], ['Récoltes', null]] },
      { name: 'Connections', rows: [['From', 'To', 'Type'], ['Sécheresse', 'Récoltes', '-']] },
    ]);
    const m = await created(await post(book as Uint8Array<ArrayBuffer>, XLSX));
    const factors = await factorsOf(m);
    expect(factors.map((f) => f.label).sort()).toEqual(['Récoltes', 'Sécheresse']);
    expect(factors.every((f) => Number.isFinite(f.x))).toBe(true);
  });

  it('refuses a bad workbook naming sheet, row and column, and creates no map', async () => {
    const before = mapCount();
    const book = buildXlsx([{ name: 'Liens', rows: [['Cause', 'Effet', 'Polarité'], ['A', 'B', '+'], ['B', 'C', 'peut-être']] }]);
    const r = await post(book as Uint8Array<ArrayBuffer>, XLSX);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({
      error: 'invalid-map', code: 'xlsx.unknownPolarity', field: 'Liens!C3',
      params: { sheet: 'Liens', row: 3, column: 'C', value: 'peut-être' },
    });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const old = await post(xls, XLSX);
    expect(old.status).toBe(400);
    expect(await old.json()).toMatchObject({ code: 'xlsx.xls' });
    expect(mapCount()).toBe(before);
  });

  it('creates a map from a Kumu blueprint, titled by its map', async () => {
    const blueprint = {
      elements: [{ _id: 'e1', attributes: { label: 'Pluies' } }, { _id: 'e2', attributes: { label: 'Mil' } }],
      connections: [{ _id: 'c1', from: 'e1', to: 'e2', attributes: { 'connection type': '+' } }],
      maps: [{ _id: 'm1', name: 'Saison 2024', elements: [{ element: 'e1', position: { x: 5, y: 6 } }] }],
    };
    const m = await created(await post(JSON.stringify(blueprint), 'application/json'));
    expect((await factorsOf(m)).map((f) => f.label).sort()).toEqual(['Mil', 'Pluies']);
    const info = (await (await fetch(`${relay.url}/api/maps/${m.id}?token=${m.viewToken}`)).json()) as { title: string };
    expect(info.title).toBe('Saison 2024');
  });

  it('answers 400 to JSON that is neither {"title"} nor a map, instead of an empty map', async () => {
    const before = mapCount();
    const r = await post(JSON.stringify({ nodes: [{ id: 'a' }], edges: [] }), 'application/json');
    expect(r.status).toBe(400);
    const body = (await r.json()) as { code: string; message: string };
    expect(body.code).toBe('import.jsonNotMap');
    expect(body.message).toContain('{"title": "…"}');
    expect(mapCount()).toBe(before);
    expect((await post(JSON.stringify({ title: 'Vide' }), 'application/json')).status).toBe(201);
  });
});
