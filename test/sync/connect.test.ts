import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addFactor, readSnapshot } from '../../src/model';
import {
  CLOSE_INTERNAL, CLOSE_TRY_AGAIN_LATER, CLOSE_UNAUTHORIZED, CLOSE_UNKNOWN_MAP, connectMap, isServerTrouble, createMapOnServer, fetchMapInfo, MapApiError,
  relaySocketUrl, type ConnectionStatus, type MapConnection,
} from '../../src/sync';
import { CLOSE } from '../../server/close-codes';
import { startRelay, waitFor, type RelayProcess } from '../helpers/relay';

const quiet = () => undefined;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

function open(mapId: string, token: string, url = relay.url): { doc: Y.Doc; conn: MapConnection; seen: ConnectionStatus[] } {
  const doc = new Y.Doc();
  const conn = connectMap(doc, {
    mapId, token, url, persist: false, disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const seen: ConnectionStatus[] = [conn.status];
  conn.onStatus((s) => seen.push(s));
  return { doc, conn, seen };
}

describe('client pieces against a real relay', () => {
  it('the close codes the client knows are the relay\'s', () => {
    expect(CLOSE_UNAUTHORIZED).toBe(CLOSE.UNAUTHORIZED);
    expect(CLOSE_UNKNOWN_MAP).toBe(CLOSE.UNKNOWN_MAP);
    expect(CLOSE_INTERNAL).toBe(CLOSE.INTERNAL);
    expect(CLOSE_TRY_AGAIN_LATER).toBe(CLOSE.TRY_AGAIN_LATER);
    // A slow reader closed with 1013 is a network matter; the store not answering is the relay's.
    expect(isServerTrouble(CLOSE.TRY_AGAIN_LATER, 'storage unavailable')).toBe(true);
    expect(isServerTrouble(CLOSE.TRY_AGAIN_LATER, 'too slow')).toBe(false);
    expect(isServerTrouble(CLOSE.INTERNAL, 'storage error')).toBe(true);
    expect(relaySocketUrl('https://trame.example.org/m/x')).toBe('wss://trame.example.org/ws');
    expect(relaySocketUrl('http://192.168.1.4:8080')).toBe('ws://192.168.1.4:8080/ws');
  });

  it('creates a map, reads its rights, and two connections edit it together', async () => {
    const map = await createMapOnServer('Atelier Bamako', { baseUrl: relay.url });
    expect(map.editUrl).toBe(`/m/${map.id}#edit=${map.editToken}`);
    expect(await fetchMapInfo(map.id, map.viewToken, { baseUrl: relay.url }))
      .toEqual({ id: map.id, title: 'Atelier Bamako', access: 'view' });
    await expect(fetchMapInfo(map.id, 'faux-jeton-faux-jeton', { baseUrl: relay.url }))
      .rejects.toMatchObject({ status: 401, code: 'unauthorized' });

    const a = open(map.id, map.editToken);
    const b = open(map.id, map.editToken);
    await waitFor(() => a.conn.status === 'online' && b.conn.status === 'online', 'both online');
    expect(a.seen).toEqual(['connecting', 'online']);
    expect(readSnapshot(a.doc, quiet).meta.title).toBe('Atelier Bamako');
    addFactor(a.doc, { label: 'Accès à l’eau', x: 0, y: 0 });
    await waitFor(() => labels(b.doc).includes('Accès à l’eau'), 'edit reaches b');
    await a.conn.destroy();
    await b.conn.destroy();
    expect(a.conn.provider).toBeNull();
  });

  it('goes offline when the relay dies, keeps local edits, and syncs them when it is back', async () => {
    const r = await startRelay();
    let r2: RelayProcess | null = null;
    try {
      const map = await createMapOnServer('Coupure', { baseUrl: r.url });
      const a = open(map.id, map.editToken, r.url);
      await waitFor(() => a.conn.status === 'online', 'online');
      await r.kill('SIGKILL');
      await waitFor(() => a.conn.status === 'offline', 'offline');
      addFactor(a.doc, { label: 'Écrit hors ligne', x: 0, y: 0 });

      r2 = await startRelay({ dataDir: r.dataDir, port: r.port });
      await waitFor(() => a.conn.status === 'online', 'back online', 15_000);
      expect(a.seen.filter((s) => s === 'connecting')).toHaveLength(1);
      const b = open(map.id, map.viewToken, r2.url);
      await waitFor(() => labels(b.doc).includes('Écrit hors ligne'), 'offline edit reached the relay');
      await a.conn.destroy();
      await b.conn.destroy();
    } finally {
      await r.kill();
      if (r2) await r2.stop();
    }
  });

  it('reports unauthorized and not-found, and stops there', async () => {
    const map = await createMapOnServer('Refus', { baseUrl: relay.url });
    const wrong = open(map.id, 'faux-jeton-faux-jeton');
    const unknown = open('AAAAAAAAAAAAAAAAAAAAAA', map.editToken);
    await waitFor(() => wrong.conn.status === 'unauthorized' && unknown.conn.status === 'not-found', 'refusals');
    expect(wrong.doc.share.size).toBe(0);
    // No retry can follow: the provider has given up (a retry is scheduled only while it
    // should connect) and holds no socket; the status went connecting → unauthorized once.
    expect(wrong.conn.provider?.shouldConnect).toBe(false);
    expect(wrong.conn.provider?.ws ?? null).toBeNull();
    expect(wrong.seen.filter((s) => s === 'unauthorized')).toHaveLength(1);
    expect(wrong.seen.at(-1)).toBe('unauthorized');
    await wrong.conn.destroy();
    await unknown.conn.destroy();
  });

  it('createMapOnServer rejects with the relay\'s error code', async () => {
    const err = await createMapOnServer('x'.repeat(10_000), { baseUrl: relay.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MapApiError);
    expect(err).toMatchObject({ status: 400, code: 'invalid-field', field: 'title' });
  });
});
