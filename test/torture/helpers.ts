import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readSnapshot } from '../../src/model';
import type { RelayProcess } from '../helpers/relay';

/**
 * Shared by the torture tests. `TORTURE=long` runs each for minutes instead of seconds; the
 * short versions are what `npm test` runs.
 */
export const LONG = process.env.TORTURE === 'long';

export const quiet = (): void => undefined;

/** mulberry32: a failing run is replayed from the seed it printed. */
export function prng(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T | undefined; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

export function newSeed(): number {
  const env = process.env.TORTURE_SEED;
  return env ? Number(env) : Math.floor(Math.random() * 2 ** 31);
}

/**
 * The relay limits connections per client address (a burst of 300, then 50/s). Tests that open
 * thousands of sockets spread them over loopback addresses (all of 127.0.0.0/8 is local on
 * Linux), as many devices behind different addresses would.
 */
export function loopbackAddress(i: number): string {
  return `127.0.${1 + ((i >> 8) % 250)}.${1 + (i % 250)}`;
}

export function socketFrom(localAddress: string): typeof globalThis.WebSocket {
  class Bound extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
    }
  }
  return Bound as unknown as typeof globalThis.WebSocket;
}

/** The stock provider, as the app uses it; BroadcastChannel off so sync goes through the relay. */
export function client(
  relay: Pick<RelayProcess, 'wsUrl'>, mapId: string, token: string,
  opts: { localAddress?: string; connect?: boolean } = {},
): WebsocketProvider {
  return new WebsocketProvider(relay.wsUrl, mapId, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: opts.localAddress ? socketFrom(opts.localAddress) : WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
  });
}

/** The visible map, in a canonical order, for comparing two copies. */
export function canonical(doc: Y.Doc): string {
  const s = readSnapshot(doc, quiet);
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify({ factors: byId(s.factors), links: byId(s.links), meta: s.meta });
}

/** Every client id at the same clock in every document: they have seen the same updates. */
export function sameStateVectors(docs: readonly Y.Doc[]): boolean {
  const key = (d: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(d))].sort((a, b) => a[0] - b[0]).join(';');
  const [first, ...rest] = docs.map(key);
  return rest.every((v) => v === first);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
