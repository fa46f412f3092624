import * as encoding from 'lib0/encoding';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addFactor, addLink, createMapDoc, moveFactors, renameFactor } from '../../src/model';
import { loopbackAddress, prng, sleep } from './helpers';

/**
 * Hostile input for the relay: frames built from valid sync and awareness messages, then
 * mutated (flipped bytes, truncated, extended, wrong types, lying lengths), random bytes,
 * text frames and oversized frames, over many connections from many loopback addresses,
 * while /healthz is polled. Shared by test/torture/hostile.test.ts and the relay bench.
 */
export interface AttackOptions {
  mapId: string;
  token: string;
  frames: number;
  /** Frames over the relay's 32 MiB limit (each allocates 33 MiB here). */
  hugeFrames: number;
  concurrency: number;
  seed: number;
}

export interface AttackStats {
  framesSent: number;
  connections: number;
  /** How the relay closed the connections, by close code. */
  closeCodes: Record<string, number>;
  healthz: { answered: number; failed: number; p50Ms: number; p99Ms: number; maxMs: number };
  seconds: number;
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** Valid messages of every kind a provider sends, from a small real map. */
function validFrames(): Uint8Array[] {
  const doc = createMapDoc({ title: 'Source' });
  const a = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'Exode rural', x: 300, y: 0 });
  addLink(doc, { source: a, target: b, polarity: '-' });
  const before = Y.encodeStateVector(doc);
  moveFactors(doc, [{ id: a, x: 40, y: 80 }]);
  renameFactor(doc, b, 'Migration');
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Awa', color: '#00796b' }, cursor: { x: 1, y: 2 } });
  const out = [
    frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)); }),
    frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc)); }),
    frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, before)); }),
    frame((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])); }),
    frame((e) => encoding.writeVarUint(e, 3)),
  ];
  awareness.destroy();
  doc.destroy();
  return out;
}

type Random = ReturnType<typeof prng>;

function bytes(r: Random, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = r.int(256);
  return out;
}

/** One hostile frame: what is sent and whether as text. */
function hostile(r: Random, valid: readonly Uint8Array[]): { data: Uint8Array | string; text: boolean } {
  const base = r.pick(valid)!;
  const roll = r.next();
  if (roll < 0.12) return { data: base, text: false };
  if (roll < 0.4) {
    const m = Uint8Array.from(base);
    for (let i = 0, n = 1 + r.int(4); i < n; i++) m[r.int(m.length)] = r.int(256);
    return { data: m, text: false };
  }
  if (roll < 0.55) return { data: base.slice(0, r.int(base.length)), text: false };
  if (roll < 0.63) return { data: new Uint8Array([...base, ...bytes(r, 1 + r.int(64))]), text: false };
  if (roll < 0.7) return { data: new Uint8Array([4 + r.int(250), ...base.slice(1)]), text: false };
  if (roll < 0.76) {
    // A length prefix claiming far more bytes than follow.
    return { data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, r.int(3)); encoding.writeVarUint(e, 2 ** 31 - 1); }), text: false };
  }
  if (roll < 0.86) return { data: bytes(r, 1 + r.int(r.chance(0.1) ? 200_000 : 2000)), text: false };
  if (roll < 0.93) return { data: r.chance(0.5) ? Buffer.from(base).toString('latin1') : 'hello', text: true };
  if (roll < 0.96) {
    // Awareness over the relay's 256 KiB presence limit, otherwise well formed.
    const state = JSON.stringify({ user: { name: 'x'.repeat(300_000) } });
    return {
      data: frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, frame((a) => {
          encoding.writeVarUint(a, 1); encoding.writeVarUint(a, 1 + r.int(1e6)); encoding.writeVarUint(a, 1); encoding.writeVarString(a, state);
        }));
      }),
      text: false,
    };
  }
  return { data: new Uint8Array(0), text: false };
}

export async function attack(relay: { url: string; wsUrl: string }, opts: AttackOptions): Promise<AttackStats> {
  const r = prng(opts.seed);
  const valid = validFrames();
  const huge = opts.hugeFrames > 0 ? new Uint8Array(32 * 1024 * 1024 + 1024) : null;
  let framesSent = 0;
  let connections = 0;
  let hugeLeft = opts.hugeFrames;
  const closeCodes: Record<string, number> = {};
  const healthz: number[] = [];
  let healthFailed = 0;
  let attacking = true;

  const poll = (async () => {
    while (attacking) {
      const t = performance.now();
      try {
        const res = await fetch(`${relay.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await res.text();
        if (res.status === 200) healthz.push(performance.now() - t);
        else healthFailed++;
      } catch {
        healthFailed++;
      }
      await sleep(50);
    }
  })();

  const oneConnection = async (): Promise<void> => {
    const n = connections++;
    const which = r.next();
    const mapId = which < 0.05 ? 'AAAAAAAAAAAAAAAAAAAAAA' : opts.mapId;
    const token = which < 0.12 ? 'B'.repeat(43) : opts.token;
    const ws = new WebSocket(`${relay.wsUrl}/${mapId}?token=${token}`, {
      perMessageDeflate: false, localAddress: loopbackAddress(n), maxPayload: 64 * 1024 * 1024,
    });
    ws.on('error', () => undefined);
    const closed = new Promise<void>((res) => ws.once('close', (code) => {
      closeCodes[code] = (closeCodes[code] ?? 0) + 1;
      res();
    }));
    const opened = await new Promise<boolean>((res) => {
      ws.once('open', () => res(true));
      ws.once('close', () => res(false));
    });
    if (opened) {
      for (let i = 0, k = 1 + r.int(8); i < k && framesSent < opts.frames && ws.readyState === WebSocket.OPEN; i++) {
        if (huge && hugeLeft > 0 && r.chance(0.02)) {
          hugeLeft--;
          ws.send(huge);
        } else {
          const f = hostile(r, valid);
          ws.send(f.data, { binary: !f.text });
        }
        framesSent++;
        await new Promise((res) => setImmediate(res));
      }
      await Promise.race([closed, sleep(300)]);
    }
    ws.terminate();
    await closed;
  };

  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (framesSent < opts.frames) await oneConnection();
  }));
  const seconds = (performance.now() - t0) / 1000;
  attacking = false;
  await poll;
  const sorted = [...healthz].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    framesSent, connections, closeCodes, seconds,
    healthz: { answered: healthz.length, failed: healthFailed, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] ?? Number.NaN },
  };
}
