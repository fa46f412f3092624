import readXlsxFile from 'read-excel-file/node';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, startRelay, type CreatedMap, type RelayProcess } from '../helpers/relay';

/** Peers' formats over HTTP: Excel, GEXF and DOT out. */
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
