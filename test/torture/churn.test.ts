import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFactor, addLink } from '../../src/model';
import { createMap, startRelay, waitFor, whenSynced, type RelayProcess } from '../helpers/relay';
import { client, LONG, loopbackAddress } from './helpers';

/**
 * Churn: maps opened, edited and closed one after the other must leave no document and no
 * peer in memory. The relay runs with TRAME_DEBUG=1 (GET /debug/stats: maps and peers in
 * memory). How much heap a closed map leaves behind is measured by the relay bench.
 */
const MAPS = LONG ? 1000 : 200;
const PARALLEL = 8;

interface Stats {
  rooms: number;
  peers: number;
}

let relay: RelayProcess;

beforeAll(async () => {
  relay = await startRelay({ env: { TRAME_DEBUG: '1' } });
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
  const map = await createMap(relay, `Churn ${n}`, { localAddress: loopbackAddress(n) });
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
    expect(after.rooms).toBe(0);
    expect(after.peers).toBe(0);
  }, LONG ? 1_800_000 : 400_000);
});
