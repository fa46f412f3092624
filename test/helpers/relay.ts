import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * A real relay process (`node --import tsx server/main.ts`, the same code `npm start` runs)
 * on a free port with its own data folder. Tests talk to it over real sockets only.
 *
 *   const relay = await startRelay();
 *   ... relay.url, relay.wsUrl ...
 *   await relay.stop();
 *
 * It is spawned as node itself, not through the tsx CLI, so kill('SIGKILL') really kills
 * the relay (the tsx CLI would be a parent process that dies alone).
 */
export interface RelayProcess {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** ws://127.0.0.1:<port>/ws — the serverUrl a WebsocketProvider takes. */
  readonly wsUrl: string;
  readonly dataDir: string;
  /** Everything the relay printed so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM, wait for exit; removes the data folder if startRelay created it. */
  stop(): Promise<void>;
  /** Sends a signal (default SIGKILL) and waits for exit; the data folder stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export type Relay = RelayProcess;

export interface StartRelayOptions {
  /** Reuse a data folder (restart after a kill); by default a fresh temp folder. */
  dataDir?: string;
  /** Extra environment, e.g. DIST_DIR. */
  env?: Record<string, string>;
  /** A fixed port (to restart where clients expect it); by default the OS picks one. */
  port?: number;
  /** How long to wait for the ready line (default 20 s); several relays on busy cores need more. */
  startTimeoutMs?: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const READY = /TRAME_RELAY_READY port=(\d+)/;
// Generous: on two cores shared with builds and browsers, tsx compiling the relay can take long.
const START_TIMEOUT_MS = 60_000;
const running = new Set<ChildProcess>();

// A test that crashes must not leave relays behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function makeTempDir(prefix = 'trame-relay-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startRelay(options: StartRelayOptions = {}): Promise<RelayProcess> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDir();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => {
    running.delete(child);
    res();
  }));

  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`relay did not start:\n${out}`)), options.startTimeoutMs ?? START_TIMEOUT_MS);
    const check = () => {
      const m = READY.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        res(Number(m[1]));
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`relay exited with ${code}:\n${out}`));
    });
  });

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    output: () => out,
    kill,
    async stop() {
      await kill('SIGTERM');
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CreatedMap {
  id: string;
  editToken: string;
  viewToken: string;
  editUrl: string;
  viewUrl: string;
}

/**
 * Creates a map as the app does. The relay limits creations per address (CREATE_BURST, then
 * one a second): tests that create hundreds wait when told to, as a client should, or spread
 * them over loopback addresses (`localAddress`), as many devices would.
 */
export async function createMap(
  relay: Pick<RelayProcess, 'url'>, title = 'Carte de test', opts: { localAddress?: string } = {},
): Promise<CreatedMap> {
  for (;;) {
    const r = await postJson(`${relay.url}/api/maps`, JSON.stringify({ title }), opts.localAddress);
    if (r.status === 429) {
      await new Promise((res) => setTimeout(res, 1000 * Number(r.retryAfter ?? 1)));
      continue;
    }
    if (r.status !== 201) throw new Error(`POST /api/maps answered ${r.status}`);
    return JSON.parse(r.body) as CreatedMap;
  }
}

function postJson(url: string, body: string, localAddress?: string): Promise<{ status: number; body: string; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    // A connection of its own (agent: false): a kept-alive socket the relay closes just as it
    // is reused ends in "socket hang up", which on a loaded machine happened between tests.
    const req = httpRequest(url, {
      method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, retryAfter: res.headers['retry-after'] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The stock y-websocket provider, as the app uses it, with `ws` standing in for the browser's
 * WebSocket. BroadcastChannel is off: Node has one, and providers in one test process would
 * otherwise sync through it instead of through the relay.
 */
export function connectClient(
  relay: Pick<RelayProcess, 'wsUrl'>,
  mapId: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
  opts: { connect?: boolean } = {},
): WebsocketProvider {
  return new WebsocketProvider(relay.wsUrl, mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
  });
}

export function whenSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((res) => {
    const on = (s: boolean) => {
      if (!s) return;
      provider.off('sync', on);
      res();
    };
    provider.on('sync', on);
  });
}

/**
 * Polls until check() is truthy; fails with `what` after timeoutMs. Not a timing assertion:
 * the default leaves room for a relay on two cores shared with builds and browsers (an edit
 * that takes milliseconds took seconds there), within the node tests' 30 s.
 */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function destroyAll(...providers: WebsocketProvider[]): void {
  for (const p of providers) {
    p.destroy();
    p.doc.destroy();
  }
}
