import * as Y from 'yjs';
import { metaOf } from '../../src/model';
import type { Logger } from '../log';
import type { Rooms } from '../relay/rooms';
import { hashToken, newMapId, newToken } from '../store/secrets';
import { registerAnalysisRoute } from './analysis-route';
import { BodyTooLarge, readBody } from './body';
import { registerExportRoutes } from './export-routes';
import { isMapBodyError, parseMapBody } from './map-body';
import { denied, Router, sendJson } from './router';
import { viewTokenFor } from '../../src/model/tokens';

/** The relay's HTTP API. See router.ts for how to add a route. */
export function createRoutes(rooms: Rooms, log: Logger, opts: { debug?: boolean } = {}): Router {
  const router = new Router();

  if (opts.debug) {
    // TRAME_DEBUG=1 only (torture tests, benches): whether closed maps really leave memory.
    // Runs a full GC first when node was started with --expose-gc.
    router.get('/debug/stats', ({ res }) => {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      sendJson(res, 200, { rooms: rooms.size, peers: rooms.peerCount, rss: m.rss, heapUsed: m.heapUsed });
    });
  }

  router.get('/healthz', ({ res }) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('ok');
  });

  router.post('/api/maps', async ({ req, res }) => {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) return sendJson(res, 413, { error: 'too-large' });
      throw e;
    }
    const parsed = parseMapBody(body, req.headers['content-type']);
    if (isMapBodyError(parsed)) {
      const { status, ...rest } = parsed;
      return sendJson(res, status, rest);
    }
    const id = newMapId();
    const editToken = newToken();
    // Derived one way from the edit token: editors can always hand out a read-only link.
    const viewToken = viewTokenFor(editToken);
    try {
      await rooms.store.createMap(
        { id, editTokenHash: hashToken(editToken), viewTokenHash: hashToken(viewToken), createdAt: Date.now() },
        Y.encodeStateAsUpdate(parsed),
      );
    } finally {
      parsed.destroy();
    }
    log.info(`map ${id} created`);
    // Tokens ride in the fragment: browsers never send it, so no server or proxy logs it.
    return sendJson(res, 201, {
      id, editToken, viewToken,
      editUrl: `/m/${id}#edit=${editToken}`,
      viewUrl: `/m/${id}#view=${viewToken}`,
    });
  });

  router.get('/api/maps/:id', async ({ res, params, token }) => {
    const r = await rooms.withMapDoc(params.id!, token, (doc, access) => {
      const title = metaOf(doc).get('title');
      return { id: params.id!, title: typeof title === 'string' ? title : '', access };
    });
    if (!r.ok) return denied(res, r.reason);
    return sendJson(res, 200, r.value);
  });

  registerAnalysisRoute(router, rooms);
  registerExportRoutes(router, rooms);

  return router;
}
