import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { readTrustProxy, TrustProxyError } from './http/client-address';
import { startBanner } from './lan';
import { createLogger, describeError } from './log';
import { DatabaseStartError, openStorage, type Storage } from './store/open';
import { readUpstreamConfig, startForwarding, UpstreamConfigError, type Forwarding } from './upstream';

/**
 * `npm start`: the built app and the relay on one port.
 *   PORT      (default 8080; 0 picks a free port, printed at start)
 *   HOST      (default 0.0.0.0: reachable from the workshop's network)
 *   DATA_DIR  (default ./data: the SQLite file with every map)
 *   DATABASE_URL  (optional postgres://user:password@host:port/db: every map in PostgreSQL
 *             instead, shared by several relays; see docs/deploy.md)
 *   DIST_DIR  (default <repo>/dist: the built app)
 *   UPSTREAM_MAPS, UPSTREAM_URL  (optional: maps carried to another relay, see server/upstream)
 *   TRUST_PROXY  (default 0; 1 behind nginx: per-address limits count the client address from
 *             X-Forwarded-For, see server/http/client-address.ts and docs/deploy.md)
 *   TRAME_DEBUG=1  also serve GET /debug/stats (tests and benches; never in a workshop)
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.PORT ?? 8080);
const HOST = process.env.HOST ?? '0.0.0.0';
const DATA_DIR = resolve(process.env.DATA_DIR ?? 'data');
const DIST_DIR = resolve(process.env.DIST_DIR ?? join(root, 'dist'));

const log = createLogger();

let upstream: ReturnType<typeof readUpstreamConfig>;
try {
  upstream = readUpstreamConfig(process.env);
} catch (e) {
  if (!(e instanceof UpstreamConfigError)) throw e;
  // A facilitator who thinks the map is carried home must not find out at home that it was not.
  console.error(e.message);
  process.exit(1);
}
let forwarding: Forwarding | null = null;

let trustProxy: number;
try {
  trustProxy = readTrustProxy(process.env);
} catch (e) {
  if (!(e instanceof TrustProxyError)) throw e;
  console.error(`Cannot start: ${e.message}`);
  process.exit(1);
}

process.on('uncaughtException', (e) => {
  // A bug must not take every workshop down; the log shows it (without content) to be fixed.
  log.warn('uncaught', describeError(e));
});
process.on('unhandledRejection', (e) => log.warn('uncaught', describeError(e)));

let storage: Storage;
try {
  storage = await openStorage(process.env, DATA_DIR, log);
} catch (e) {
  if (!(e instanceof DatabaseStartError)) throw e;
  // One line, and no half-started relay: a server that cannot store must not take clients.
  console.error(`Cannot start: ${e.message}`);
  process.exit(1);
}
const app = createApp({
  store: storage.store, fanout: storage.fanout, distDir: DIST_DIR, log, debug: process.env.TRAME_DEBUG === '1', trustProxy,
});

app.server.on('error', (e) => {
  console.error(`Cannot listen on ${HOST}:${PORT}: ${(e as NodeJS.ErrnoException).code ?? describeError(e)}`);
  process.exit(1);
});

app.server.listen(PORT, HOST, () => {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : PORT;
  // Machine-readable first line: test/helpers/relay.ts waits for it.
  log.info(`TRAME_RELAY_READY port=${port}`);
  startForwarding(app.rooms, upstream, log)
    .then((f) => {
      if (stopping) void f.stop();
      else forwarding = f;
    })
    .catch((e: unknown) => log.warn('upstream', describeError(e)));
  startBanner(HOST, port)
    .then((banner) => log.info(banner))
    .catch(() => undefined);
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  // Forwarders first: what they received from upstream is stored before the rooms close.
  (forwarding?.stop() ?? Promise.resolve()).then(() => app.close()).then(() => storage.stop()).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
