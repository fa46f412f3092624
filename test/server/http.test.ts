import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LABEL_CHARS } from '../../src/model';
import { MAX_BODY_BYTES } from '../../server/limits';
import { createMap, makeTempDir, startRelay, type RelayProcess } from '../helpers/relay';

let relay: RelayProcess;
let dist: string;

beforeAll(async () => {
  dist = makeTempDir('trame-dist-');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Trame</title>');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  relay = await startRelay({ env: { DIST_DIR: dist } });
});
afterAll(async () => {
  await relay?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const post = (body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json') =>
  fetch(`${relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('POST /api/maps', () => {
  it('returns an id and tokens of at least 128 random bits, tokens only in URL fragments', async () => {
    const r = await post(JSON.stringify({ title: 'Atelier de Mopti' }));
    expect(r.status).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const m = (await r.json()) as Record<string, string>;
    for (const v of [m.id!, m.editToken!, m.viewToken!]) {
      expect(v).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(v, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set([m.id, m.editToken, m.viewToken]).size).toBe(3);
    expect(m.editUrl).toBe(`/m/${m.id}#edit=${m.editToken}`);
    expect(m.viewUrl).toBe(`/m/${m.id}#view=${m.viewToken}`);
    const info = await fetch(`${relay.url}/api/maps/${m.id}?token=${m.editToken}`);
    expect(await info.json()).toEqual({ id: m.id, title: 'Atelier de Mopti', access: 'edit' });
  });

  it('two maps never share an id or a token', async () => {
    const [a, b] = await Promise.all([createMap(relay), createMap(relay)]);
    expect(a.id).not.toBe(b.id);
    expect(a.editToken).not.toBe(b.editToken);
    expect(a.viewToken).not.toBe(b.viewToken);
  });

  it('accepts an empty JSON body and trims the title', async () => {
    const empty = await fetch(`${relay.url}/api/maps`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(201);
    const m = (await (await post(JSON.stringify({ title: '  Ségou  ' }))).json()) as Record<string, string>;
    const info = await fetch(`${relay.url}/api/maps/${m.id}?token=${m.viewToken}`);
    expect(await info.json()).toMatchObject({ title: 'Ségou', access: 'view' });
  });

  it('refuses bad bodies with an error naming the problem', async () => {
    const notJson = await post('{title:');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'invalid-json' });
    const badTitle = await post(JSON.stringify({ title: 42 }));
    expect(badTitle.status).toBe(400);
    expect(await badTitle.json()).toMatchObject({ error: 'invalid-field', field: 'title' });
    const longTitle = await post(JSON.stringify({ title: 'x'.repeat(MAX_LABEL_CHARS + 1) }));
    expect(longTitle.status).toBe(400);
    expect(await longTitle.json()).toMatchObject({ field: 'title' });
    const array = await post('[]');
    expect(array.status).toBe(400);
    const text = await post('hello', 'text/plain');
    expect(text.status).toBe(415);
  });

  it('answers 413 to a body over MAX_BODY_BYTES', async () => {
    const r = await post(new Uint8Array(MAX_BODY_BYTES + 1));
    expect(r.status).toBe(413);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });
});

describe('GET /api/maps/<id>', () => {
  it('answers 401 without a valid token and 404 for an unknown map', async () => {
    const m = await createMap(relay, 'Privée');
    const none = await fetch(`${relay.url}/api/maps/${m.id}`);
    expect(none.status).toBe(401);
    expect(JSON.stringify(await none.json())).not.toContain('Privée');
    expect((await fetch(`${relay.url}/api/maps/${m.id}?token=${m.viewToken.slice(1)}`)).status).toBe(401);
    expect((await fetch(`${relay.url}/api/maps/${m.id}?token=`)).status).toBe(401);
    const unknown = await fetch(`${relay.url}/api/maps/AAAAAAAAAAAAAAAAAAAAAA?token=${m.editToken}`);
    expect(unknown.status).toBe(404);
  });
});

describe('one port for the app and the relay', () => {
  it('serves the app, with index.html for app routes and 404 for unknown API paths', async () => {
    const home = await fetch(`${relay.url}/`);
    expect(await home.text()).toContain('<title>Trame</title>');
    const route = await fetch(`${relay.url}/m/abc`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toContain('text/html');
    const asset = await fetch(`${relay.url}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${relay.url}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${relay.url}/api/nothing/here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'not-found' });
    expect((await fetch(`${relay.url}/api/maps`)).status).toBe(405);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });

  it('prints no token', async () => {
    const m = await createMap(relay);
    await fetch(`${relay.url}/api/maps/${m.id}?token=${m.editToken}`);
    expect(relay.output()).not.toContain(m.editToken);
    expect(relay.output()).not.toContain(m.viewToken);
  });
});
