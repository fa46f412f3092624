import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { addFactor, factorsOf, moveFactors } from '../../src/model';
import { createMap, startRelay, waitFor, whenSynced, type RelayProcess } from '../helpers/relay';
import { client, LONG, newSeed, prng, sleep } from './helpers';

/**
 * Durability: one client streams edits, the relay is SIGKILLed at random moments. An edit
 * counts as acknowledged once a second connected client has seen it: the relay stores an
 * update before relaying it, so whatever a peer saw must be on disk. After each restart a
 * fresh client, connecting before the two others come back (they would resend what they
 * hold and hide a loss), must have every acknowledged edit.
 */
// A relay restart costs 2–5 s on the 2 busy cores (tsx compiles the server; 20 s and more when
// the machine is loaded: the timeouts are a guard against hangs, not a budget), which bounds
// the short version; TORTURE=long kills it 50 times.
const KILLS = LONG ? 50 : 8;

let relay: RelayProcess | null = null;
const open: WebsocketProvider[] = [];

afterEach(async () => {
  for (const p of open.splice(0)) {
    p.destroy();
    p.doc.destroy();
  }
  await relay?.stop();
  relay = null;
});

interface Acked {
  /** Factors the watcher has seen. */
  factors: Set<string>;
  /** The largest x the watcher has seen per factor: its single writer only ever raises it. */
  x: Map<string, number>;
}

function watch(doc: Y.Doc, acked: Acked): void {
  factorsOf(doc).observeDeep(() => {
    factorsOf(doc).forEach((f, id) => {
      acked.factors.add(id);
      const x = f.get('x');
      if (typeof x === 'number' && x > (acked.x.get(id) ?? -Infinity)) acked.x.set(id, x);
    });
  });
}

describe('durability when the relay is killed', () => {
  it(`a fresh client has every acknowledged edit after each of ${KILLS} SIGKILLs`, async () => {
    const seed = newSeed();
    console.log(`durability seed ${seed} (TORTURE_SEED=${seed} to replay)`);
    const r = prng(seed);
    relay = await startRelay();
    const { port, dataDir } = relay;
    const map = await createMap(relay, 'Durabilité');
    const writer = client(relay, map.id, map.editToken);
    const watcher = client(relay, map.id, map.editToken);
    open.push(writer, watcher);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    const acked: Acked = { factors: new Set(), x: new Map() };
    watch(watcher.doc, acked);

    let seq = 0;
    let streaming = true;
    const mine: string[] = [];
    const stream = (async () => {
      while (streaming) {
        seq++;
        const own = r.pick(mine);
        if (own && r.chance(0.4)) moveFactors(writer.doc, [{ id: own, x: seq, y: 0 }]);
        else mine.push(addFactor(writer.doc, { id: `k${seq}`, label: `Édition ${seq}`, x: seq, y: 0 }));
        await sleep(2 + r.int(12));
      }
    })();

    let checkedFactors = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(150 + r.int(700));
      await relay.kill('SIGKILL');
      writer.disconnect();
      watcher.disconnect();
      const factors = new Set(acked.factors);
      const xs = new Map(acked.x);
      relay = await startRelay({ port, dataDir });

      const fresh = client(relay, map.id, map.editToken);
      try {
        await whenSynced(fresh);
        const got = factorsOf(fresh.doc);
        const missing = [...factors].filter((id) => !got.has(id));
        expect(missing, `kill ${kill + 1}: acknowledged factors missing`).toEqual([]);
        const behind = [...xs].filter(([id, x]) => (got.get(id)?.get('x') as number) < x);
        expect(behind, `kill ${kill + 1}: acknowledged moves lost`).toEqual([]);
        checkedFactors = factors.size;
      } finally {
        fresh.destroy();
        fresh.doc.destroy();
      }
      writer.connect();
      watcher.connect();
      await waitFor(() => writer.synced && watcher.synced, 'clients back', 20_000);
    }
    streaming = false;
    await stream;
    console.log(`durability: ${seq} edits, ${checkedFactors} acknowledged factors checked after the last kill`);
    // The stream must have been acknowledged at all, or the checks above checked nothing.
    expect(checkedFactors).toBeGreaterThan(KILLS);
  }, LONG ? 1_800_000 : 400_000);
});
