import { createServer, type Server } from 'node:http';
import { clientAddress } from './http/client-address';
import { installModel } from '../src/model';
import { registerLanRoute } from './http/lan-route';
import { createRoutes } from './http/routes';
import { sendJson } from './http/router';
import { describeError, type Logger } from './log';
import { InProcessFanout, type Fanout } from './relay/fanout';
import { storePipeline } from './relay/durability';
import { Rooms } from './relay/rooms';
import { attachWebSocketRelay } from './relay/websocket';
import type { MapStore } from './store/map-store';
import { notifyChanges } from './store/snapshot-daily';
import { SnapshotService } from './store/snapshot-service';
import { setSecurityHeaders } from './http/security-headers';
import { HEADERS_TIMEOUT_MS, MAX_CONNECTIONS_PER_ADDRESS, REQUEST_TIMEOUT_MS } from './limits';
import { ConnectionCount } from './relay/rate-limit';
import { serveStatic } from './static';

export interface AppOptions {
  readonly store: MapStore;
  readonly distDir: string;
  readonly log: Logger;
  readonly fanout?: Fanout;
  /** Serves GET /debug/stats (maps in memory, heap); main.ts sets it from TRAME_DEBUG=1. */
  readonly debug?: boolean;
  /** Reverse proxies in front of the relay (TRUST_PROXY, see http/client-address.ts); 0 by default. */
  readonly trustProxy?: number;
}

export interface App {
  readonly server: Server;
  readonly rooms: Rooms;
  /** Closes sockets (1001, clients reconnect elsewhere), then the HTTP server and the store. */
  close(): Promise<void>;
}

/** One HTTP server: the API, the relay's WebSockets under /ws/, and the built app. */
export function createApp({
  store, distDir, log, fanout = new InProcessFanout(), debug = false, trustProxy = 0,
}: AppOptions): App {
  // The model's JSON sections and removal cascade, for imports and exports. No logger: the
  // relay's log carries no document content, and a peer's malformed entry is for clients to show.
  installModel();
  // Snapshots where the store keeps them; told of changes for the daily automatic one.
  const snapshots = store.snapshots ? new SnapshotService(store, store.snapshots, log) : null;
  const pipeline = storePipeline(store, fanout, log);
  const rooms = new Rooms(store, fanout, log, snapshots ? notifyChanges(pipeline, (id) => snapshots.mapChanged(id)) : pipeline);
  // Every per-address limit counts the same address: the socket's, or the one the proxy saw.
  const addressOf = clientAddress(trustProxy);
  const router = createRoutes(rooms, log, { debug, addressOf, snapshots });

  const server = createServer({
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
  }, (req, res) => {
    setSecurityHeaders(res);
    router.handle(req, res)
      .then((handled) => {
        if (handled) return;
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path.startsWith('/api/') || path.startsWith('/ws/')) {
          sendJson(res, 404, { error: 'not-found' });
          return;
        }
        serveStatic(req, res, distDir);
      })
      .catch((e: unknown) => {
        log.warn('http', `${req.method ?? ''} route failed: ${describeError(e)}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
        else res.destroy();
      });
  });
  registerLanRoute(router, server, addressOf);
  // Sockets per address, HTTP and WebSocket alike: one host cannot hold a thousand open.
  // Behind a proxy every socket is the proxy's: the cap then applies to WebSockets per
  // forwarded address (websocket.ts), and slow HTTP clients are the proxy's to time out.
  const open = new ConnectionCount(MAX_CONNECTIONS_PER_ADDRESS);
  if (trustProxy === 0) server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (!open.acquire(address)) {
      log.warn('rate-limit', `more than ${MAX_CONNECTIONS_PER_ADDRESS} open connections from one address, refused`);
      socket.destroy();
      return;
    }
    socket.once('close', () => open.release(address));
  });
  // Malformed HTTP from a client: answer 400 and drop that socket only.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const relay = attachWebSocketRelay(server, rooms, log, { addressOf, capOpenPerAddress: trustProxy > 0 });

  return {
    server,
    rooms,
    async close() {
      await relay.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      snapshots?.close();
      await store.close();
    },
  };
}
