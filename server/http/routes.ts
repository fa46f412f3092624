import { metaOf } from '../../src/model';
import type { Logger } from '../log';
import type { Rooms } from '../relay/rooms';
import { clientAddress, type ClientAddress } from './client-address';
import type { SnapshotService } from '../store/snapshot-service';
import { registerAnalysisRoute } from './analysis-route';
import { registerCreateRoute } from './create-route';
import { registerExportRoutes } from './export-routes';
import { registerMergeRoute } from './merge-route';
import { LoopPauses } from './loop-pauses';
import { denied, Router, sendJson } from './router';
import { registerSnapshotRoutes } from './snapshot-routes';

/** The relay's HTTP API. See router.ts for how to add a route. */
export function createRoutes(
  rooms: Rooms, log: Logger,
  opts: { debug?: boolean; addressOf?: ClientAddress; snapshots?: SnapshotService | null } = {},
): Router {
  const router = new Router();

  if (opts.debug) {
    // TRAME_DEBUG=1 only (torture tests, benches): whether closed maps really leave memory.
    // Runs a full GC first when node was started with --expose-gc.
    router.get('/debug/stats', ({ res }) => {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      sendJson(res, 200, { rooms: rooms.size, peers: rooms.peerCount, rss: m.rss, heapUsed: m.heapUsed });
    });
    // Where a latency tail comes from (bench/relay-load.ts): the event loop's delays and the
    // garbage collector's pauses since the last call.
    const pauses = new LoopPauses();
    router.get('/debug/pauses', ({ res }) => sendJson(res, 200, pauses.take()));
  }

  router.get('/healthz', ({ res }) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('ok');
  });

  registerCreateRoute(router, rooms, log, opts.addressOf ?? clientAddress(0));

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
  const snapshots = opts.snapshots;
  registerMergeRoute(router, rooms, log, snapshots ? (id) => snapshots.take(id, { auto: 'merge' }) : undefined);
  registerSnapshotRoutes(router, rooms, opts.snapshots ?? null, log);

  return router;
}
