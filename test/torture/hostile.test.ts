import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { addFactor, factorsOf, renameFactor } from '../../src/model';
import { createMap, startRelay, waitFor, whenSynced, type CreatedMap, type RelayProcess } from '../helpers/relay';
import { client, LONG, newSeed, sleep } from './helpers';
import { attack } from './hostile-frames';

/**
 * Hostile input: thousands of random and mutated frames over many connections. The relay must
 * stay up, answer every /healthz, and two ordinary clients editing meanwhile must keep syncing.
 * How fast /healthz answers meanwhile is a figure of the relay bench, not an assertion here.
 */
const FRAMES = LONG ? 10_000 : 2_000;

let relay: RelayProcess;
let map: CreatedMap;
let a: WebsocketProvider;
let b: WebsocketProvider;

beforeAll(async () => {
  relay = await startRelay();
  map = await createMap(relay, 'Hostile');
  a = client(relay, map.id, map.editToken);
  b = client(relay, map.id, map.editToken);
  await Promise.all([whenSynced(a), whenSynced(b)]);
});

afterAll(async () => {
  for (const p of [a, b]) {
    p?.destroy();
    p?.doc.destroy();
  }
  await relay?.stop();
});

describe('hostile frames', () => {
  it(`the relay survives ${FRAMES} hostile frames and keeps serving`, async () => {
    const seed = newSeed();
    console.log(`hostile seed ${seed} (TORTURE_SEED=${seed} to replay)`);
    const id = addFactor(a.doc, { label: 'e0', x: 0, y: 0 });
    const seen = new Set<string>();
    factorsOf(b.doc).observeDeep(() => {
      const label = factorsOf(b.doc).get(id)?.get('label');
      if (typeof label === 'string') seen.add(label);
    });
    let edits = 0;
    let editing = true;
    const stream = (async () => {
      while (editing) {
        edits++;
        renameFactor(a.doc, id, `e${edits}`);
        await sleep(100);
      }
    })();

    const stats = await attack(relay, {
      mapId: map.id, token: map.editToken, frames: FRAMES, hugeFrames: LONG ? 3 : 1, concurrency: 8, seed,
    });
    editing = false;
    await stream;
    console.log(`hostile: ${JSON.stringify(stats)}`);

    expect(stats.framesSent).toBeGreaterThanOrEqual(FRAMES);
    expect(stats.healthz.failed).toBe(0);
    expect(stats.healthz.answered).toBeGreaterThan(0);
    // No frame reached an uncaught exception (main.ts logs those and keeps running).
    expect(relay.output()).not.toContain('[uncaught]');

    // The two ordinary clients kept syncing: every rename arrived, in order, at the other.
    await waitFor(() => seen.has(`e${edits}`), 'the last edit at the other client', 20_000);
    const missed = Array.from({ length: edits }, (_, i) => `e${i + 1}`).filter((l) => !seen.has(l));
    expect(missed).toEqual([]);
    const fresh = client(relay, map.id, map.editToken);
    try {
      await whenSynced(fresh);
      expect(factorsOf(fresh.doc).get(id)?.get('label')).toBe(`e${edits}`);
    } finally {
      fresh.destroy();
      fresh.doc.destroy();
    }
  }, LONG ? 1_800_000 : 400_000);
});
