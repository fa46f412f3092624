import { request as httpRequest } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { addFactor, readSnapshot } from '../../../src/model';
import { startPostgres, type PostgresServer } from '../../helpers/postgres';
import { CREATE_BURST } from '../../../server/limits';
import { connectClient, createMap, startRelay, waitFor, whenSynced, type RelayProcess } from '../../helpers/relay';

/**
 * The nginx configuration of docs/deploy.md, as written there, in front of three relay
 * processes on the harness's PostgreSQL: routing by map id, and failover when a relay dies.
 * nginx comes from Debian (.ci/run installs it when missing).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

let server: PostgresServer;
const relays: RelayProcess[] = [];
let nginx: ChildProcess | null = null;
let dir = '';
let front = { url: '', wsUrl: '' };
const clients: WebsocketProvider[] = [];
const quiet = () => undefined;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** The configuration block of docs/deploy.md, with this test's ports and folders. */
function deployConfig(relayPorts: number[], listen: number, logFile: string): string {
  const doc = readFileSync(join(root, 'docs/deploy.md'), 'utf8');
  const block = /<!-- nginx\.conf[^>]*-->\s*```nginx\n([\s\S]*?)```\s*<!-- \/nginx\.conf -->/.exec(doc)?.[1];
  if (!block) throw new Error('docs/deploy.md has no tested nginx block');
  let conf = block.replace(/listen 8080;/, `listen 127.0.0.1:${listen};`)
    .replace('/var/log/nginx/trame.log', logFile);
  [8081, 8082, 8083].forEach((p, i) => (conf = conf.replace(`127.0.0.1:${p}`, `127.0.0.1:${relayPorts[i]}`)));
  return conf;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const start = Date.now();
  return new Promise((res, rej) => {
    const attempt = () => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        res();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() - start > timeoutMs) rej(new Error(`nothing listens on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function roomsOn(relay: RelayProcess): Promise<number> {
  const r = await fetch(`${relay.url}/debug/stats`);
  return ((await r.json()) as { rooms: number }).rooms;
}

beforeAll(async () => {
  if (!NGINX) throw new Error('nginx is not installed: `apt-get install -y nginx-light` (.ci/run does it)');
  server = await startPostgres();
  const url = await server.createSchema();
  for (let i = 0; i < 3; i++) {
    relays.push(await startRelay({ env: { DATABASE_URL: url, TRAME_DEBUG: '1', TRUST_PROXY: '1' }, startTimeoutMs: 60_000 }));
  }
  dir = mkdtempSync(join(tmpdir(), 'trame-nginx-'));
  const listen = await freePort();
  const logFile = join(dir, 'access.log');
  const asRoot = process.getuid?.() === 0;
  writeFileSync(join(dir, 'nginx.conf'), [
    'daemon off;',
    // Workers run as root only in this throwaway test; a deployment keeps nginx's default user.
    asRoot ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`),
    deployConfig(relays.map((r) => r.port), listen, logFile),
    '}',
  ].join('\n'));
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  nginx.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await waitForPort(listen, 10_000).catch((e: unknown) => {
    throw new Error(`${String(e)}\n${out}`);
  });
  front = { url: `http://127.0.0.1:${listen}`, wsUrl: `ws://127.0.0.1:${listen}/ws` };
}, 240_000);

afterAll(async () => {
  for (const c of clients.splice(0)) {
    c.destroy();
    c.doc.destroy();
  }
  if (nginx && nginx.exitCode === null) {
    const gone = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGTERM');
    await gone;
  }
  await Promise.all(relays.map((r) => r.stop()));
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function client(mapId: string, token: string): WebsocketProvider {
  const c = connectClient(front, mapId, token);
  clients.push(c);
  return c;
}

describe('three relays behind nginx, as docs/deploy.md configures them', () => {
  it('with TRUST_PROXY=1, per-address limits count the address nginx saw, not nginx itself', async () => {
    // Map creations go to any relay, each with its own bucket: four bursts' worth from one
    // address fills every relay's bucket for it, ten at a time.
    const statuses: number[] = [];
    for (let i = 0; i < 4 * CREATE_BURST; i += 10) {
      statuses.push(...await Promise.all(Array.from({ length: 10 }, () => postFrom('127.0.0.2'))));
    }
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(statuses).toContain(429);
    // Another participant behind the same nginx is still served: nginx's own address is not counted.
    expect(await postFrom('127.0.0.3')).toBe(201);
  }, 120_000);

  it('routes every client of a map to one relay, and to another when that one dies, losing nothing', async () => {
    const map = await createMap(front, 'Derrière nginx');
    const a = client(map.id, map.editToken);
    const b = client(map.id, map.editToken);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    addFactor(a.doc, { label: 'Avant la panne', x: 0, y: 0 });
    await waitFor(() => labels(b.doc).includes('Avant la panne'), 'an edit through nginx');

    // Routing by map id: the map is open on exactly one relay.
    const open = await Promise.all(relays.map(roomsOn));
    expect(open.filter((n) => n > 0)).toHaveLength(1);
    const home = relays[open.findIndex((n) => n > 0)]!;

    await home.kill('SIGKILL');
    // nginx finds the relay gone and sends the reconnecting clients to the next one.
    await waitFor(() => a.wsconnected && b.wsconnected && a.synced && b.synced, 'clients back through nginx', 30_000);
    addFactor(b.doc, { label: 'Après la panne', x: 1, y: 0 });
    await waitFor(() => labels(a.doc).includes('Après la panne'), 'edits after the failover', 20_000);
    const fresh = client(map.id, map.viewToken);
    await whenSynced(fresh);
    expect(labels(fresh.doc)).toEqual(['Après la panne', 'Avant la panne']);
    const alive = relays.filter((r) => r !== home);
    expect((await Promise.all(alive.map(roomsOn))).filter((n) => n > 0)).toHaveLength(1);

    // nginx's log, in the documented format, never holds a token.
    const log = readFileSync(join(dir, 'access.log'), 'utf8');
    expect(log).toContain(`/ws/${map.id}`);
    expect(log).not.toContain(map.editToken);
    expect(log).not.toContain(map.viewToken);
  }, 120_000);
});

/** POST /api/maps through nginx from a given loopback address; the status. */
function postFrom(localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = '{}';
    const req = httpRequest(`${front.url}/api/maps`, {
      method: 'POST', localAddress, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
