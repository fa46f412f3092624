/**
 * The load generator of bench/relay-load.ts, run as its own process (`node --import tsx
 * bench/lib/load-client.ts`) with an IPC channel: N stock y-websocket providers over R rooms,
 * each renaming or moving its own factor E times a second through the model's named
 * operations, every edit carrying its send time. Every other client of the room records the
 * delay at which it sees the edit. The parent reads the relay's CPU time between the
 * 'measure-start' and 'measure-end' messages.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addFactor, factorsOf, moveFactors, renameFactor } from '../../src/model';
import { sleep } from './stats';

export interface LoadConfig {
  wsUrl: string;
  /** Several relays (bench/cluster.bench.ts): clients spread over them instead of wsUrl. */
  wsUrls?: string[];
  rooms: { room: string; token: string | null }[];
  clients: number;
  editsPerSecond: number;
  warmupMs: number;
  measureMs: number;
  connectPerSecond: number;
  drainMs: number;
}

export interface LoadResult {
  /** Edit-to-peer delays (ms) of edits sent inside the measurement window. */
  latencies: number[];
  /** The same, only where author and receiver are on different relays (wsUrls). */
  crossLatencies: number[];
  edits: number;
  /** Receptions expected: every edit at every other client of its room. */
  expected: number;
  observed: number;
  /** Clients whose final copy of some factor differs from its author's. */
  finalMismatches: number;
  connectMs: number;
  /** CPU seconds this load process used during the window (it shares the 2 cores). */
  loadCpuSeconds: number;
  windowSeconds: number;
  reconnects: number;
}

export type ToParent =
  | { type: 'measure-start' }
  | { type: 'measure-end' }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string };

interface Client {
  idx: number;
  room: number;
  relay: number;
  provider: WebsocketProvider;
  doc: Y.Doc;
  seq: number;
  observed: number;
}

const send = (m: ToParent) => process.send?.(m);

function label(idx: number, seq: number, t: number): string {
  return `c${idx}|${seq}|${t.toFixed(3)}`;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export async function runLoad(cfg: LoadConfig): Promise<LoadResult> {
  const clients: Client[] = [];
  let reconnects = 0;
  const t0 = Date.now();
  const gap = 1000 / cfg.connectPerSecond;
  for (let i = 0; i < cfg.clients; i++) {
    const room = i % cfg.rooms.length;
    const r = cfg.rooms[room]!;
    const doc = new Y.Doc();
    // Rooms go round first (i % rooms), relays by round: every room has clients on each relay.
    const relay = cfg.wsUrls ? Math.floor(i / cfg.rooms.length) % cfg.wsUrls.length : 0;
    const provider = new WebsocketProvider(cfg.wsUrls?.[relay] ?? cfg.wsUrl, r.room, doc, {
      params: r.token ? { token: r.token } : {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    let connectedOnce = false;
    provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      if (connectedOnce) reconnects++;
      connectedOnce = true;
    });
    clients.push({ idx: i, room, relay, provider, doc, seq: 0, observed: 0 });
    await sleep(gap);
  }
  await waitUntil(() => clients.every((c) => c.provider.synced), 'every client synced', 60_000);
  const connectMs = Date.now() - t0;

  for (const c of clients) addFactor(c.doc, { id: `c${c.idx}`, label: `c${c.idx}`, x: 0, y: 0 });
  const perRoom = cfg.rooms.map((_, r) => clients.filter((c) => c.room === r).length);
  await waitUntil(
    () => clients.every((c) => factorsOf(c.doc).size === perRoom[c.room]),
    'every client sees its room', 60_000,
  );

  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  const crossLatencies: number[] = [];
  for (const c of clients) {
    factorsOf(c.doc).observeDeep((events, tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const e of events) {
        if (!(e.target instanceof Y.Map) || e.target === factorsOf(c.doc)) continue;
        const keys = (e as Y.YMapEvent<unknown>).keysChanged;
        let t: number;
        if (keys.has('label')) {
          const parts = String(e.target.get('label')).split('|');
          if (parts.length !== 3) continue;
          t = Number(parts[2]);
        } else if (keys.has('x')) {
          t = Number(e.target.get('y'));
        } else continue;
        c.observed++;
        if (t >= windowStart && t < windowEnd) {
          latencies.push(now - t);
          // The author is in the factor's label, c<idx> (set at start, then on every rename).
          const author = clients[Number(/^c(\d+)/.exec(String(e.target.get('label')))?.[1])];
          if (author && author.relay !== c.relay) crossLatencies.push(now - t);
        }
      }
    });
  }

  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / cfg.editsPerSecond;
  const edit = (c: Client) => {
    c.seq++;
    const t = performance.now();
    if (c.seq % 2 === 0) renameFactor(c.doc, `c${c.idx}`, label(c.idx, c.seq, t));
    else moveFactors(c.doc, [{ id: `c${c.idx}`, x: c.seq, y: t }]);
  };
  for (const c of clients) {
    timers.push(setTimeout(() => {
      edit(c);
      timers.push(setInterval(() => edit(c), period));
    }, Math.random() * period));
  }

  await sleep(cfg.warmupMs);
  const cpu0 = process.cpuUsage();
  windowStart = performance.now();
  send({ type: 'measure-start' });
  await sleep(cfg.measureMs);
  windowEnd = performance.now();
  send({ type: 'measure-end' });
  const cpu = process.cpuUsage(cpu0);
  timers.forEach((t) => clearTimeout(t));

  const edits = clients.reduce((s, c) => s + c.seq, 0);
  const sentInRoom = cfg.rooms.map((_, r) => clients.filter((c) => c.room === r).reduce((s, c) => s + c.seq, 0));
  const expectedOf = (c: Client) => sentInRoom[c.room]! - c.seq;
  const expected = clients.reduce((s, c) => s + expectedOf(c), 0);
  const observedAll = () => clients.reduce((s, c) => s + Math.min(c.observed, expectedOf(c)), 0);
  await waitUntil(() => observedAll() >= expected, 'every edit everywhere', cfg.drainMs).catch(() => undefined);

  let finalMismatches = 0;
  for (const c of clients) {
    const mine = factorsOf(c.doc);
    for (const author of clients) {
      if (author.room !== c.room || author === c) continue;
      const a = factorsOf(author.doc).get(`c${author.idx}`);
      const b = mine.get(`c${author.idx}`);
      if (!a || !b || a.get('label') !== b.get('label') || a.get('x') !== b.get('x')) {
        finalMismatches++;
        break;
      }
    }
  }
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  return {
    latencies,
    crossLatencies,
    edits,
    expected,
    observed: observedAll(),
    finalMismatches,
    connectMs,
    loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
    windowSeconds: (windowEnd - windowStart) / 1000,
    reconnects,
  };
}

if (process.send) {
  // Every provider adds a process 'exit' listener (to say goodbye in awareness).
  process.setMaxListeners(0);
  const finish = (m: ToParent, code: number) => process.send?.(m, undefined, {}, () => process.exit(code));
  const cfg = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
  runLoad(cfg).then(
    (result) => finish({ type: 'result', result }, 0),
    (e: unknown) => finish({ type: 'error', message: e instanceof Error ? e.message : String(e) }, 1),
  );
}
