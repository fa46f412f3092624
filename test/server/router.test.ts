import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router, sendJson } from '../../server/http/router';

/** The router on a real HTTP server in this process; each route echoes what it was given. */
let server: Server;
let base: string;
beforeAll(async () => {
  const router = new Router();
  router.get('/api/maps/:id', ({ res, params, token }) => sendJson(res, 200, { route: 'map', params, token }));
  router.get('/api/maps/:id/export.json', ({ res, params }) => sendJson(res, 200, { route: 'export', params }));
  router.post('/api/maps', ({ res }) => sendJson(res, 201, { route: 'create' }));
  server = createServer((req, res) => {
    void router.handle(req, res).then((handled) => {
      if (!handled) sendJson(res, 404, { route: null });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const get = async (path: string, init?: RequestInit) => {
  const r = await fetch(`${base}${path}`, init);
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe('route parsing', () => {
  it('a :name segment matches one path segment, URL-decoded', async () => {
    expect(await get('/api/maps/abc%20d')).toEqual({ status: 200, body: { route: 'map', params: { id: 'abc d' }, token: null } });
    expect((await get('/api/maps/a/b')).status).toBe(404);
    expect((await get('/api/maps/')).status).toBe(404);
  });

  it('a literal dot in a pattern is not a wildcard', async () => {
    expect((await get('/api/maps/x/export.json')).body.route).toBe('export');
    expect((await get('/api/maps/x/exportxjson')).status).toBe(404);
  });

  it('the token comes from a Bearer header before the query', async () => {
    expect((await get('/api/maps/x?token=q')).body.token).toBe('q');
    expect((await get('/api/maps/x?token=q', { headers: { authorization: 'Bearer h ' } })).body.token).toBe('h');
  });

  it('a known path with another method is 405, a broken escape 400', async () => {
    expect(await get('/api/maps/x', { method: 'DELETE' })).toEqual({ status: 405, body: { error: 'method-not-allowed' } });
    expect(await get('/api/maps/%E0%A4%A')).toEqual({ status: 400, body: { error: 'bad-path' } });
    expect((await get('/api/maps', { method: 'POST' })).status).toBe(201);
    expect((await fetch(`${base}/api/maps/x`, { method: 'HEAD' })).status).toBe(200);
  });

  it('the query string is not part of the path', async () => {
    expect((await get('/api/maps/x?y=/z')).body.params).toEqual({ id: 'x' });
  });
});
