/**
 * The load generator of bench/relay-load.ts, run as one or more processes of its own (`node
 * --import tsx bench/lib/raw-load-client.ts`) with an IPC channel. It must cost far less than the
 * relay it measures, so it speaks the y-websocket wire format directly:
 *
 * - each client is one raw WebSocket; as a sender it keeps a private Y.Doc holding only its own
 *   factor and encodes its own small edit (a rename) as one update frame, the send time and a
 *   marker in the new label;
 * - as a receiver it finds the marker in the raw frame (a byte search) and never decodes Yjs.
 *
 * Times are wall-clock with sub-millisecond resolution (performance.timeOrigin + now()), so a
 * sender and a receiver in different generator processes compare. The parent reads each
 * process's CPU time, and the relay's, between 'measure-start' and 'measure-end'.
 */
import * as encoding from 'lib0/encoding';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { sleep } from './stats';

export interface LoadConfig {
  wsUrl: string;
  /**
   * Several relays serving the same maps (bench/cluster.bench.ts): the clients of each map
   * alternate between them (see relayOf), and receptions across relays are counted apart.
   */
  wsUrls?: string[];
  rooms: { room: string; token: string | null }[];
  /** The clients of this process: global indexes, client i on room i % rooms.length. */
  clients: number[];
  /** Clients of each room over every generator process (to count expected receptions). */
  roomSizes: number[];
  editsPerSecond: number;
  warmupMs: number;
  measureMs: number;
  connectPerSecond: number;
  drainMs: number;
  /** Loopback addresses to connect from (the relay caps open sockets per address). */
  localAddresses: string[];
  /** Wall-clock time at which every process starts editing (they connect first). */
  startAt: number;
}

export interface LoadResult {
  /** Edit-to-peer delays (ms) of edits sent inside the measurement window. */
  latencies: number[];
  /** The same, only where author and receiver are on different relays (wsUrls). */
  crossLatencies: number[];
  edits: number;
  /** Receptions of this process's clients. */
  observed: number;
  /** Edits sent by this process's clients, per room (expected receptions are computed by the parent). */
  sentPerRoom: number[];
  connectMs: number;
  /** CPU seconds this process used during the window. */
  loadCpuSeconds: number;
  windowSeconds: number;
  reconnects: number;
}

export type ToParent =
  | { type: 'connected' }
  | { type: 'measure-start' }
  | { type: 'measure-end' }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string };

const send = (m: ToParent) => process.send?.(m);

/** The relay (index in wsUrls) of client `idx`: a map's clients take the relays in turn. */
export const relayOf = (idx: number, rooms: number, relays: number): number => Math.floor(idx / rooms) % relays;
const now = () => performance.timeOrigin + performance.now();

/** `M|<client>|<time>|` in a label: what receivers look for in raw frames. */
const MARKER = Buffer.from('M|');

interface Client {
  idx: number;
  room: number;
  relay: number;
  ws: WebSocket;
  doc: Y.Doc;
  factor: Y.Map<unknown>;
  seq: number;
  observed: number;
  /** The update frame of the edit being made (set by the doc's update event). */
  frame: Uint8Array | null;
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
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
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  const crossLatencies: number[] = [];
  const relays = cfg.wsUrls?.length ?? 1;
  const t0 = Date.now();
  const gap = 1000 / cfg.connectPerSecond;

  const onFrame = (c: Client, data: Buffer) => {
    // Only sync updates (type 0, step 2 = update); presence and answers are not edits.
    if (data[0] !== 0 || data[1] !== 2) return;
    let at = data.indexOf(MARKER);
    while (at >= 0) {
      const end = data.indexOf(0x7c, at + 2);
      const end2 = end < 0 ? -1 : data.indexOf(0x7c, end + 1);
      if (end2 < 0) return;
      const author = Number(data.toString('latin1', at + 2, end));
      const t = Number(data.toString('latin1', end + 1, end2));
      if (author !== c.idx) {
        c.observed++;
        if (t >= windowStart && t < windowEnd) {
          const delay = now() - t;
          latencies.push(delay);
          if (relays > 1 && relayOf(author, cfg.rooms.length, relays) !== c.relay) crossLatencies.push(delay);
        }
      }
      at = data.indexOf(MARKER, end2);
    }
  };

  for (const idx of cfg.clients) {
    const room = idx % cfg.rooms.length;
    const r = cfg.rooms[room]!;
    const relay = relayOf(idx, cfg.rooms.length, relays);
    const url = `${cfg.wsUrls?.[relay] ?? cfg.wsUrl}/${r.room}${r.token ? `?token=${r.token}` : ''}`;
    const doc = new Y.Doc();
    const factor = new Y.Map<unknown>();
    const c: Client = { idx, room, relay, ws: null as unknown as WebSocket, doc, factor, seq: 0, observed: 0, frame: null };
    doc.on('update', (u: Uint8Array) => (c.frame = updateFrame(u)));
    const connect = () => {
      const ws = new WebSocket(url, {
        perMessageDeflate: false, localAddress: cfg.localAddresses[idx % cfg.localAddresses.length],
      });
      ws.on('error', () => undefined);
      ws.on('message', (data: Buffer) => onFrame(c, data));
      ws.once('close', () => {
        if (windowEnd !== Number.POSITIVE_INFINITY && now() > windowEnd) return;
        reconnects++;
        setTimeout(connect, 200);
      });
      c.ws = ws;
    };
    connect();
    clients.push(c);
    await sleep(gap);
  }
  await waitUntil(() => clients.every((c) => c.ws.readyState === WebSocket.OPEN), 'every client connected', 60_000);
  const connectMs = Date.now() - t0;
  // Each sender's factor, made once in its own document.
  for (const c of clients) {
    c.doc.transact(() => {
      c.doc.getMap('factors').set(`c${c.idx}`, c.factor);
      c.factor.set('x', 0);
      c.factor.set('y', 0);
    });
    if (c.frame) c.ws.send(c.frame);
  }
  send({ type: 'connected' });
  await sleep(Math.max(0, cfg.startAt - now()));

  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / cfg.editsPerSecond;
  const sentPerRoom = cfg.rooms.map(() => 0);
  const edit = (c: Client) => {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    c.seq++;
    sentPerRoom[c.room]!++;
    c.factor.set('label', `M|${c.idx}|${now().toFixed(3)}|`);
    if (c.frame) c.ws.send(c.frame);
  };
  for (const c of clients) {
    timers.push(setTimeout(() => {
      edit(c);
      timers.push(setInterval(() => edit(c), period));
    }, Math.random() * period));
  }

  await sleep(cfg.warmupMs);
  const cpu0 = process.cpuUsage();
  windowStart = now();
  send({ type: 'measure-start' });
  await sleep(cfg.measureMs);
  windowEnd = now();
  send({ type: 'measure-end' });
  const cpu = process.cpuUsage(cpu0);
  timers.forEach((t) => clearTimeout(t));
  // Receptions still in flight arrive during the drain: it lasts until none has arrived for
  // drainMs (at most 30 s), so a relay that is late is counted late, not as losing updates.
  let lastObserved = -1;
  let quietSince = Date.now();
  const drainEnd = Date.now() + 30_000;
  while (Date.now() < drainEnd && Date.now() - quietSince < cfg.drainMs) {
    await sleep(250);
    const observed = clients.reduce((s, c) => s + c.observed, 0);
    if (observed !== lastObserved) {
      lastObserved = observed;
      quietSince = Date.now();
    }
  }
  for (const c of clients) {
    c.ws.close();
    c.doc.destroy();
  }
  return {
    latencies,
    crossLatencies,
    edits: clients.reduce((s, c) => s + c.seq, 0),
    observed: clients.reduce((s, c) => s + c.observed, 0),
    sentPerRoom,
    connectMs,
    loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
    windowSeconds: (windowEnd - windowStart) / 1000,
    reconnects,
  };
}

if (process.send) {
  const finish = (m: ToParent, code: number) => process.send?.(m, undefined, {}, () => process.exit(code));
  const cfg = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
  runLoad(cfg).then(
    (result) => finish({ type: 'result', result }, 0),
    (e: unknown) => finish({ type: 'error', message: e instanceof Error ? e.message : String(e) }, 1),
  );
}
