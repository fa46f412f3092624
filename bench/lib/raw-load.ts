import { fork } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoadConfig, LoadResult, ToParent } from './raw-load-client';
import { root } from './servers';

/** The relay caps open sockets per address: the clients come from several loopback addresses. */
const LOCAL_ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];

export interface RawLoad {
  /** ws URL of the relay, or of each relay (clients of a map take them in turn). */
  wsUrls: string[];
  rooms: { room: string; token: string | null }[];
  clients: number;
  editsPerSecond: number;
  warmupMs: number;
  measureMs: number;
  /** Generator processes (each a node process of its own). */
  generators: number;
  /** Called when every generator has entered, then left, the measurement window. */
  onMeasureStart?: () => void;
  onMeasureEnd?: () => void;
}

export interface RawLoadResult {
  latencies: number[];
  crossLatencies: number[];
  /** Receptions that never happened: every edit must reach every other client of its map. */
  lost: number;
  edits: number;
  windowSeconds: number;
  /** CPU seconds of every generator over the window. */
  loadCpuSeconds: number;
  reconnects: number;
}

function loadProcess(cfg: LoadConfig, onPhase: (m: ToParent) => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(root, 'bench/lib/raw-load-client.ts'), [JSON.stringify(cfg)], {
      cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: LoadResult | null = null;
    child.on('message', (m: ToParent) => {
      if (m.type === 'result') result = m.result;
      else if (m.type === 'error') reject(new Error(`load generator: ${m.message}`));
      else onPhase(m);
    });
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited ${code}`))));
  });
}

/**
 * The cheap load of bench/lib/raw-load-client.ts, split over `generators` processes: client i
 * is on room i % rooms and in process i % generators; every process connects its share
 * first, then all start editing at one wall-clock time.
 */
export async function runRawLoad(load: RawLoad): Promise<RawLoadResult> {
  const { rooms, clients, generators } = load;
  const all = Array.from({ length: clients }, (_, i) => i);
  const roomSizes = rooms.map((_, r) => all.filter((i) => i % rooms.length === r).length);
  const startAt = performance.timeOrigin + performance.now() + (clients / 100) * 1000 + 5000;
  let started = 0;
  let ended = 0;
  const results = await Promise.all(Array.from({ length: generators }, (_, g) => loadProcess({
    wsUrl: load.wsUrls[0]!, ...(load.wsUrls.length > 1 ? { wsUrls: load.wsUrls } : {}),
    rooms, clients: all.filter((i) => i % generators === g), roomSizes,
    editsPerSecond: load.editsPerSecond, warmupMs: load.warmupMs, measureMs: load.measureMs,
    connectPerSecond: 100 / generators, drainMs: 3000, localAddresses: LOCAL_ADDRESSES, startAt,
  }, (m) => {
    if (m.type === 'measure-start' && ++started === generators) load.onMeasureStart?.();
    else if (m.type === 'measure-end' && ++ended === generators) load.onMeasureEnd?.();
  })));
  const sentPerRoom = rooms.map((_, r) => results.reduce((sum, x) => sum + x.sentPerRoom[r]!, 0));
  const expected = sentPerRoom.reduce((sum, n, r) => sum + n * (roomSizes[r]! - 1), 0);
  const observed = results.reduce((sum, x) => sum + x.observed, 0);
  return {
    latencies: results.flatMap((r) => r.latencies),
    crossLatencies: results.flatMap((r) => r.crossLatencies),
    lost: Math.max(0, expected - observed),
    edits: results.reduce((sum, r) => sum + r.edits, 0),
    windowSeconds: Math.max(...results.map((r) => r.windowSeconds)),
    loadCpuSeconds: results.reduce((sum, r) => sum + r.loadCpuSeconds, 0),
    reconnects: results.reduce((sum, r) => sum + r.reconnects, 0),
  };
}
