import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { change, putFactor, putLink } from '../../src/model';
import { seeded, sleep } from './stats';

/** The stock provider in node, as test/helpers/relay.ts uses it (BroadcastChannel off). */
export function provider(wsUrl: string, room: string, token: string | null, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, room, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

export function synced(p: WebsocketProvider): Promise<void> {
  if (p.synced) return Promise.resolve();
  return new Promise((res) => {
    const on = (s: boolean) => {
      if (!s) return;
      p.off('sync', on);
      res();
    };
    p.on('sync', on);
  });
}

export async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export function close(...ps: WebsocketProvider[]): void {
  for (const p of ps) {
    p.destroy();
    p.doc.destroy();
  }
}

/**
 * Writes a generated map into doc as one transaction: factors on a grid, each with `perFactor`
 * outgoing links to factors a few places away (as a workshop links neighbours in a cluster),
 * polarities mostly +. Returns the number of links written.
 */
export function writeMap(doc: Y.Doc, factors: number, perFactor: number, seed = 7): number {
  const random = seeded(seed);
  const cols = Math.ceil(Math.sqrt(factors));
  const ids = Array.from({ length: factors }, (_, i) => `f${String(i).padStart(5, '0')}`);
  let links = 0;
  change(doc, () => {
    ids.forEach((id, i) => putFactor(doc, {
      id, label: `Facteur ${i + 1}`, x: (i % cols) * 260, y: Math.floor(i / cols) * 140,
    }));
    const seen = new Set<string>();
    ids.forEach((source, i) => {
      let made = 0;
      for (let tries = 0; made < perFactor && tries < perFactor * 10; tries++) {
        const j = (i + 1 + Math.floor(random() * Math.min(12, factors - 1))) % factors;
        const target = ids[j]!;
        const key = `${source}>${target}`;
        if (j === i || seen.has(key)) continue;
        seen.add(key);
        const r = random();
        putLink(doc, { source, target, polarity: r < 0.7 ? '+' : r < 0.95 ? '-' : '?' });
        made++;
        links++;
      }
    });
  });
  return links;
}
