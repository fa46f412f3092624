import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, readSnapshot } from '../../src/model';
import { CLOSE } from '../../server/close-codes';
import { newMapId, newToken } from '../../server/store/secrets';
import { DB_FILE } from '../../server/store/sqlite-store';
import {
  connectClient, createMap, destroyAll, startRelay, waitFor, whenSynced, type RelayProcess,
} from '../helpers/relay';
import { rawClient } from './raw-client';

const quiet = () => undefined;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

function syncMessage(step: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function storedBytes(): Buffer {
  const db = new Database(join(relay.dataDir, DB_FILE), { readonly: true });
  const rows = db.prepare('SELECT data FROM updates').all() as { data: Buffer }[];
  db.close();
  return Buffer.concat(rows.map((r) => r.data));
}

describe('view links', () => {
  it('a view link cannot change the map, and its attempts are neither relayed nor stored', async () => {
    const map = await createMap(relay, 'Lecture seule');
    const editor = connectClient(relay, map.id, map.editToken);
    const other = connectClient(relay, map.id, map.editToken);
    const viewer = connectClient(relay, map.id, map.viewToken);
    await Promise.all([editor, other, viewer].map(whenSynced));
    addFactor(editor.doc, { label: 'Visible', x: 0, y: 0 });
    await waitFor(() => labels(viewer.doc).includes('Visible'), 'viewer receives edits');
    expect(readSnapshot(viewer.doc, quiet).meta.title).toBe('Lecture seule');

    // The stock provider sends the viewer's local edit as an update message...
    addFactor(viewer.doc, { label: 'Intrus par le fournisseur', x: 1, y: 1 });
    // ...and a hand-made client sends sync step 2 and update messages.
    const raw = rawClient(relay.wsUrl, map.id, map.viewToken);
    await raw.opened;
    const forged = createMapDoc();
    addFactor(forged, { label: 'Intrus forgé', x: 2, y: 2 });
    const forgedUpdate = Y.encodeStateAsUpdate(forged);
    raw.ws.send(syncMessage(1, forgedUpdate));
    raw.ws.send(syncMessage(2, forgedUpdate));

    // Presence is allowed; it travels after the edits on the same connections, and the
    // relay handles a connection's messages in order, so once it arrives the edits were seen.
    viewer.awareness.setLocalState({ user: { name: 'Observatrice' } });
    await waitFor(() => [...editor.awareness.getStates().values()]
      .some((s) => (s as { user?: { name?: string } }).user?.name === 'Observatrice'), 'viewer presence');
    raw.ws.send(new Uint8Array([3])); // query awareness: answered only after the forged updates
    await waitFor(() => raw.received.some((m) => m[0] === 1), 'answer to the raw viewer');

    addFactor(editor.doc, { label: 'Après', x: 3, y: 3 });
    await waitFor(() => labels(other.doc).includes('Après'), 'later edit relayed');
    expect(labels(other.doc)).toEqual(['Après', 'Visible']);
    expect(labels(editor.doc)).toEqual(['Après', 'Visible']);
    expect(raw.received.every((m) => !Buffer.from(m).includes('Intrus'))).toBe(true);
    const stored = storedBytes();
    expect(stored.includes('Intrus')).toBe(false);
    expect(stored.includes('Après')).toBe(true);

    const fresh = connectClient(relay, map.id, map.viewToken);
    await whenSynced(fresh);
    expect(labels(fresh.doc)).toEqual(['Après', 'Visible']);
    raw.ws.close();
    destroyAll(editor, other, viewer, fresh);
  });

  it('GET /api/maps/<id> tells each token its rights', async () => {
    const map = await createMap(relay, 'Droits');
    const get = (token: string) => fetch(`${relay.url}/api/maps/${map.id}?token=${token}`);
    expect(await (await get(map.editToken)).json()).toEqual({ id: map.id, title: 'Droits', access: 'edit' });
    expect(await (await get(map.viewToken)).json()).toEqual({ id: map.id, title: 'Droits', access: 'view' });
    const bearer = await fetch(`${relay.url}/api/maps/${map.id}`, { headers: { authorization: `Bearer ${map.viewToken}` } });
    expect((await bearer.json()) as unknown).toMatchObject({ access: 'view' });
  });
});

describe('refused connections', () => {
  it('wrong and missing tokens are closed with 4401 before any document byte', async () => {
    const map = await createMap(relay, 'Secret');
    const other = await createMap(relay, 'Autre');
    const attempts = [
      rawClient(relay.wsUrl, map.id, null),
      rawClient(relay.wsUrl, map.id, ''),
      rawClient(relay.wsUrl, map.id, newToken()),
      rawClient(relay.wsUrl, map.id, other.editToken),
      rawClient(relay.wsUrl, map.id, `${map.editToken}x`),
      rawClient(relay.wsUrl, map.id, map.editToken.slice(0, -1)),
    ];
    for (const a of attempts) {
      expect(await a.closed).toBe(CLOSE.UNAUTHORIZED);
      expect(a.received).toHaveLength(0);
    }
  });

  it('an unknown map is closed with 4404 before any byte', async () => {
    for (const id of [newMapId(), 'not a map id', 'a.b', 'x'.repeat(300)]) {
      const a = rawClient(relay.wsUrl, encodeURIComponent(id), newToken());
      expect(await a.closed).toBe(CLOSE.UNKNOWN_MAP);
      expect(a.received).toHaveLength(0);
    }
  });

  it('the stock provider stops retrying after 4401 and keeps an empty document', async () => {
    const map = await createMap(relay, 'Secret');
    const provider = connectClient(relay, map.id, newToken());
    const closes: number[] = [];
    provider.on('connection-close', (e) => closes.push(e?.code ?? 0));
    const closed = await new Promise<{ code: number }>((r) => provider.once('closed', (e) => r(e)));
    expect(closed.code).toBe(CLOSE.UNAUTHORIZED);
    // 'closed' is emitted once the provider has given up: no reconnect is scheduled any more.
    expect(provider.shouldConnect).toBe(false);
    expect(provider.ws).toBeNull();
    expect(closes).toEqual([CLOSE.UNAUTHORIZED]);
    expect(provider.doc.share.size).toBe(0);
    destroyAll(provider);
  });
});
