import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFactor, addLink } from '../../src/model';
import { createMap, startRelay, waitFor, whenSynced, type RelayProcess } from '../helpers/relay';
import { client, LONG, loopbackAddress } from './helpers';

/**
 * Churn: maps opened, edited and closed one after the other must leave no document in memory
 * and the heap back near where it started. The relay runs with TRAME_DEBUG=1 (GET
 * /debug/stats: maps in memory, heap after a full GC, which --expose-gc allows).
 */
const MAPS = LONG ? 1000 : 200;
const PARALLEL = 8;
/** Heap a closed map may leave behind, on average (a leaked Y.Doc with its room is far more). */
const MAX_HEAP_PER_MAP_BYTES = 10 * 1024;

interface Stats {
  rooms: number;
  rss: number;
  heapUsed: number;
}

let relay: RelayProcess;

beforeAll(async () => {
  relay = await startRelay({ env: { TRAME_DEBUG: '1', NODE_OPTIONS: '--expose-gc' } });
});
afterAll(async () => {
  await relay?.stop();
});

async function stats(): Promise<Stats> {
  const r = await fetch(`${relay.url}/debug/stats`);
  expect(r.status).toBe(200);
  return (await r.json()) as Stats;
}

let opened = 0;
async function openEditClose(): Promise<void> {
  const n = opened++;
  const map = await createMap(relay, `Churn ${n}`);
  const p = client(relay, map.id, map.editToken, { localAddress: loopbackAddress(n) });
  try {
    await whenSynced(p);
    const a = addFactor(p.doc, { label: 'Pluies', x: 0, y: 0 });
    const b = addFactor(p.doc, { label: 'Récoltes', x: 200, y: 0 });
    addLink(p.doc, { source: a, target: b });
    // The edits reached the relay once a second client sees them; then both leave.
    const q = client(relay, map.id, map.editToken, { localAddress: loopbackAddress(n + 5000) });
    try {
      await whenSynced(q);
      await waitFor(() => q.doc.getMap('links').size === 1, 'the edits at a second client');
    } finally {
      q.destroy();
      q.doc.destroy();
    }
  } finally {
    p.destroy();
    p.doc.destroy();
  }
}

/** Stats once no map is in memory, or after 15 s (a room closes once its last peer has left). */
async function settled(): Promise<Stats> {
  let s = await stats();
  const deadline = Date.now() + 15_000;
  while (s.rooms > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    s = await stats();
  }
  return s;
}

async function churn(count: number): Promise<void> {
  const target = opened + count;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (opened < target) await openEditClose();
  }));
}

describe('map churn', () => {
  it(`${MAPS} maps opened and closed leave no document in memory`, async () => {
    // Warm up first, so one-off costs (compiled code, prepared statements) are not counted.
    await churn(20);
    const before = await settled();
    expect(before.rooms).toBe(0);

    await churn(MAPS);
    const after = await settled();
    const perMap = (after.heapUsed - before.heapUsed) / MAPS;
    console.log(`churn: ${MAPS} maps; heap ${(before.heapUsed / 2 ** 20).toFixed(1)} → ${(after.heapUsed / 2 ** 20).toFixed(1)} MiB (${Math.round(perMap)} B per map); RSS ${(before.rss / 2 ** 20).toFixed(1)} → ${(after.rss / 2 ** 20).toFixed(1)} MiB`);
    expect(after.rooms).toBe(0);
    expect(perMap).toBeLessThan(MAX_HEAP_PER_MAP_BYTES);
  }, LONG ? 900_000 : 90_000);
});
