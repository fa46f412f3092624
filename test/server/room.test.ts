import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc } from '../../src/model';
import type { CloseCode } from '../../server/close-codes';
import { createLogger } from '../../server/log';
import { InProcessFanout } from '../../server/relay/fanout';
import { encodeUpdate } from '../../server/relay/protocol';
import type { Peer } from '../../server/relay/room';
import { Rooms } from '../../server/relay/rooms';
import { hashToken, newMapId } from '../../server/store/secrets';
import { SqliteMapStore } from '../../server/store/sqlite-store';
import { makeTempDir } from '../helpers/relay';

/**
 * The room's queue, driven directly: a real SQLite store and real documents, with peers that
 * record what the room sends them (a peer is the room's own interface, not a socket).
 */
const dirs: string[] = [];
const stores: SqliteMapStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setup(): Promise<{ rooms: Rooms; mapId: string }> {
  const dir = makeTempDir();
  dirs.push(dir);
  const store = new SqliteMapStore(dir);
  stores.push(store);
  const mapId = newMapId();
  await store.createMap(
    { id: mapId, editTokenHash: hashToken('e'.repeat(20)), viewTokenHash: hashToken('v'.repeat(20)), createdAt: 1 },
    Y.encodeStateAsUpdate(createMapDoc({ title: 'File' })),
  );
  const log = createLogger(() => undefined, () => undefined);
  return { rooms: new Rooms(store, new InProcessFanout(), log), mapId };
}

function recordingPeer(): Peer & { received: Uint8Array[]; closes: CloseCode[] } {
  const received: Uint8Array[] = [];
  const closes: CloseCode[] = [];
  return {
    access: 'edit', received, closes, send: (m, written) => {
      received.push(m);
      written?.();
    }, close: (c) => closes.push(c), pendingBytes: () => 0,
  };
}

function anEdit(label: string): Uint8Array {
  const doc = createMapDoc();
  addFactor(doc, { label, x: 0, y: 0 });
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

describe('the room queue', () => {
  it('a peer that leaves before its join has run does not stay in the room', async () => {
    const { rooms, mapId } = await setup();
    const stayer = recordingPeer();
    const ghost = recordingPeer();
    const room = rooms.acquire(mapId);
    room.retain();
    // Both calls happen while the map is still loading: the join waits in the queue, and the
    // leave (a socket closed meanwhile) must wait behind it.
    room.join(stayer);
    room.join(ghost);
    room.leave(ghost);
    room.release();
    await room.ready();
    expect(room.peerCount).toBe(1);

    const before = ghost.received.length;
    room.receive(stayer, anEdit('Après le départ'));
    await room.ready();
    expect(ghost.received.length).toBe(before);
    room.release();
  });

  it('an edit is relayed to the other peers only, once stored', async () => {
    const { rooms, mapId } = await setup();
    const a = recordingPeer();
    const b = recordingPeer();
    const room = rooms.acquire(mapId);
    room.join(a);
    room.join(b);
    await room.ready();
    const [na, nb] = [a.received.length, b.received.length];
    room.receive(a, anEdit('Relayé'));
    await room.ready();
    expect(a.received.length).toBe(na);
    expect(b.received.length).toBe(nb + 1);
    expect(Buffer.from(b.received.at(-1)!).includes('Relayé')).toBe(true);
    const fresh = new Y.Doc();
    for (const u of await rooms.store.loadUpdates(mapId)) Y.applyUpdate(fresh, u);
    expect(JSON.stringify(fresh.getMap('factors').toJSON())).toContain('Relayé');
    room.release();
  });
});
