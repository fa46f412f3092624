import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addFactor, factorsOf, moveFactors, readSnapshot, renameFactor } from '../../../src/model';
import { connectMap, type MapConnection } from '../../../src/sync';
import { startPostgres, type PostgresServer } from '../../helpers/postgres';
import { connectClient, createMap, startRelay, waitFor, whenSynced, type RelayProcess } from '../../helpers/relay';

/**
 * Several relay processes (server/main.ts with PORT and DATABASE_URL, as `npm run serve`) on
 * one real PostgreSQL, joined by the PostgreSQL fan-out: stock y-websocket clients on
 * different relays of one map converge, and killing a relay loses nothing a client saw.
 */
let server: PostgresServer;
const relays: RelayProcess[] = [];
const clients: WebsocketProvider[] = [];
const apps: MapConnection[] = [];

beforeAll(async () => {
  server = await startPostgres();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.destroy()));
  for (const c of clients.splice(0)) {
    c.destroy();
    c.doc.destroy();
  }
  await Promise.all(relays.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await server?.stop();
});

const quiet = () => undefined;
/** Relay processes start in seconds, but two busy cores shared with other suites can take a minute. */
const RELAY_START_MS = 60_000;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cluster(n: number, url: string): Promise<RelayProcess[]> {
  // One after the other: on two busy cores, parallel starts (each compiling the server) time out.
  const started: RelayProcess[] = [];
  for (let i = 0; i < n; i++) {
    const r = await startRelay({ env: { DATABASE_URL: url }, startTimeoutMs: RELAY_START_MS });
    relays.push(r);
    started.push(r);
  }
  return started;
}

function client(relay: Pick<RelayProcess, 'wsUrl'>, mapId: string, token: string, doc?: Y.Doc): WebsocketProvider {
  const c = connectClient(relay, mapId, token, doc);
  clients.push(c);
  return c;
}

function presenceNames(p: WebsocketProvider): string[] {
  return [...p.awareness.getStates().values()]
    .map((s) => (s as { user?: { name?: string } }).user?.name)
    .filter((n): n is string => typeof n === 'string');
}

describe('several relays on one PostgreSQL', () => {
  it('a map created through one relay opens through another with its tokens, and their clients converge live', async () => {
    const [a, b] = await cluster(2, await server.createSchema());
    const map = await createMap(a!, 'Atelier de Mopti');
    expect((await fetch(`${b!.url}/api/maps/${map.id}?token=${map.editToken}`)).status).toBe(200);
    const onA = client(a!, map.id, map.editToken);
    const onB = client(b!, map.id, map.editToken);
    const viewerOnB = client(b!, map.id, map.viewToken);
    await Promise.all([whenSynced(onA), whenSynced(onB), whenSynced(viewerOnB)]);
    expect(readSnapshot(onB.doc, quiet).meta.title).toBe('Atelier de Mopti');

    const f = addFactor(onA.doc, { label: 'Par A', x: 0, y: 0 });
    addFactor(onB.doc, { label: 'Par B', x: 1, y: 1 });
    await waitFor(() => [onA, onB, viewerOnB].every((c) => labels(c.doc).length === 2), 'edits cross relays both ways');
    renameFactor(onB.doc, f, 'Renommé par B');
    await waitFor(() => labels(onA.doc).includes('Renommé par B'), 'a rename from B reaches A');

    // A burst from both sides at once: every edit arrives once, in both documents.
    for (let i = 0; i < 40; i++) {
      addFactor(onA.doc, { label: `A${i}`, x: i, y: 0 });
      addFactor(onB.doc, { label: `B${i}`, x: i, y: 1 });
    }
    await waitFor(() => labels(onA.doc).length === 82 && labels(onB.doc).length === 82 && labels(viewerOnB.doc).length === 82,
      'both bursts everywhere');
    expect(labels(onA.doc)).toEqual(labels(onB.doc));
    expect(Y.encodeStateVector(onA.doc)).toEqual(Y.encodeStateVector(viewerOnB.doc));

    onB.awareness.setLocalState({ user: { name: 'Bintou', color: '#c0392b' } });
    await waitFor(() => presenceNames(onA).includes('Bintou'), 'presence from B shown on A');
    onB.awareness.setLocalState(null);
    await waitFor(() => !presenceNames(onA).includes('Bintou'), 'presence removed on A');
  }, 120_000);

  it('a relay killed mid-stream, repeatedly, loses nothing a client saw relayed; clients move to another relay and converge', async () => {
    const url = await server.createSchema();
    const three = await cluster(3, url);
    const map = await createMap(three[0]!, 'Trois relais');
    // The writer starts on relay 0; watchers sit on 1 and 2. An edit counts as acknowledged
    // once a watcher has it: it was relayed, so it must be stored.
    const writerDoc = new Y.Doc();
    let writer = client(three[0]!, map.id, map.editToken, writerDoc);
    const watchers = [client(three[1]!, map.id, map.viewToken), client(three[2]!, map.id, map.editToken)];
    await Promise.all([writer, ...watchers].map(whenSynced));
    const acked = new Set<string>();
    const ackedX = new Map<string, number>();
    for (const w of watchers) {
      factorsOf(w.doc).observeDeep(() => factorsOf(w.doc).forEach((f, id) => {
        acked.add(id);
        const x = f.get('x');
        if (typeof x === 'number' && x > (ackedX.get(id) ?? -1)) ackedX.set(id, x);
      }));
    }

    let n = 0;
    let streaming = true;
    const mine: string[] = [];
    const stream = (async () => {
      while (streaming) {
        n++;
        const own = mine[n % 7];
        if (own && n % 3 === 0) moveFactors(writerDoc, [{ id: own, x: n, y: 0 }]);
        else mine.push(addFactor(writerDoc, { id: `k${n}`, label: `Édition ${n}`, x: n, y: 0 }));
        await sleep(5);
      }
    })();

    const KILLS = 3;
    let writerOn = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      await waitFor(() => acked.size > (kill + 1) * 10, 'edits acknowledged before the kill', 20_000);
      const victim = three[writerOn]!;
      await victim.kill('SIGKILL');
      const seen = new Set(acked);
      const seenX = new Map(ackedX);
      // The load balancer sends the writer elsewhere: the same document, through another relay.
      writerOn = (writerOn + 1) % 3;
      writer.destroy();
      writer = client(three[writerOn]!, map.id, map.editToken, writerDoc);

      // A fresh client on a relay that is still up, before the writer resends what it holds.
      const survivor = three[(writerOn + 1) % 3] === victim ? three[(writerOn + 2) % 3]! : three[(writerOn + 1) % 3]!;
      const fresh = client(survivor, map.id, map.viewToken);
      await whenSynced(fresh);
      const got = factorsOf(fresh.doc);
      expect([...seen].filter((id) => !got.has(id)), `kill ${kill + 1}: acknowledged factors missing`).toEqual([]);
      expect([...seenX].filter(([id, x]) => (got.get(id)?.get('x') as number) < x), `kill ${kill + 1}: moves lost`)
        .toEqual([]);

      // The killed relay comes back on its port (its clients retry there).
      const back = await startRelay({ port: victim.port, env: { DATABASE_URL: url }, startTimeoutMs: RELAY_START_MS });
      relays[relays.indexOf(victim)] = back;
      three[three.indexOf(victim)] = back;
    }
    streaming = false;
    await stream;
    await whenSynced(writer);
    await waitFor(() => watchers.every((w) => labels(w.doc).length === labels(writerDoc).length), 'same factors everywhere', 20_000);
    expect(labels(watchers[0]!.doc)).toEqual(labels(writerDoc));
    expect(acked.size).toBeGreaterThan(KILLS * 10);
  }, 300_000);

  it('compaction on one relay while another appends loses nothing', async () => {
    const url = await server.createSchema();
    const [a, b, c] = await cluster(3, url);
    const map = await createMap(a!, 'Compaction');
    const onA = client(a!, map.id, map.editToken);
    const onB = client(b!, map.id, map.editToken);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    const schema = decodeURIComponent(new URL(url).searchParams.get('options')!).split('=')[1]!;
    const rows = async () => Number((await server.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.updates WHERE map_id = $1`, [map.id]))[0]!.n);

    // Each relay folds its map's log past 500 updates of its own clients; A's client writes
    // twice as much as B's, so the two relays compact at different moments, each while the
    // other appends.
    const idA = addFactor(onA.doc, { label: 'A', x: 0, y: 0 });
    const idB = addFactor(onB.doc, { label: 'B', x: 0, y: 0 });
    let maxRows = 0;
    for (let i = 1; i <= 1300; i++) {
      moveFactors(onA.doc, [{ id: idA, x: i, y: 0 }]);
      if (i % 2 === 0) moveFactors(onB.doc, [{ id: idB, x: i, y: 0 }]);
      if (i % 25 === 0) {
        await sleep(10);
        if (i % 100 === 0) maxRows = Math.max(maxRows, await rows());
      }
    }
    addFactor(onA.doc, { label: 'Dernier de A', x: 0, y: 0 });
    addFactor(onB.doc, { label: 'Dernier de B', x: 0, y: 0 });
    await waitFor(() => labels(onA.doc).length === 4 && labels(onB.doc).length === 4, 'last edits cross', 20_000);
    const x = (doc: Y.Doc, id: string) => factorsOf(doc).get(id)?.get('x');
    await waitFor(() => x(onB.doc, idA) === 1300 && x(onA.doc, idB) === 1300, 'last moves cross', 20_000);
    // Compaction happens (the log becomes far shorter than the ~2,000 updates written); it runs
    // in a worker thread, late on a loaded machine, so the count is polled, not read once...
    let finalRows = await rows();
    for (let tries = 0; finalRows >= 1500 && tries < 600; tries++) {
      await sleep(100);
      finalRows = await rows();
    }
    expect(finalRows).toBeLessThan(1500);
    expect(maxRows).toBeGreaterThan(0);
    // ...and a client of a third relay, loading from the table alone, has everything.
    const fresh = client(c!, map.id, map.viewToken);
    await whenSynced(fresh);
    expect(labels(fresh.doc)).toEqual(['A', 'B', 'Dernier de A', 'Dernier de B']);
    expect(x(fresh.doc, idA)).toBe(1300);
    expect(x(fresh.doc, idB)).toBe(1300);
  }, 240_000);

  it('PostgreSQL restarted under load: clients see the relays close, nothing acknowledged is lost, all converge after', async () => {
    const url = await server.createSchema();
    const [a, b] = await cluster(2, url);
    const map = await createMap(a!, 'Redémarrage');
    const writer = client(a!, map.id, map.editToken);
    const watcher = client(b!, map.id, map.editToken);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    // The app's own connection layer, as a facilitator's laptop has it: it must say the relay
    // is in trouble (not "offline", not silence) while the database is down.
    const app = connectMap(new Y.Doc(), {
      mapId: map.id, token: map.editToken, url: a!.url, persist: false, disableBc: true,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    apps.push(app);
    await waitFor(() => app.status === 'online', 'the app online');
    const codes: number[] = [];
    writer.on('connection-close', (e: CloseEvent | null) => codes.push(e?.code ?? 0));
    const acked = new Set<string>();
    factorsOf(watcher.doc).observeDeep(() => factorsOf(watcher.doc).forEach((_, id) => acked.add(id)));

    let n = 0;
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        n++;
        addFactor(writer.doc, { id: `r${n}`, label: `R${n}`, x: n, y: 0 });
        await sleep(10);
      }
    })();
    await waitFor(() => acked.size > 20, 'edits acknowledged before the restart', 20_000);
    await server.halt('immediate');
    const seen = new Set(acked);
    // While the database is down the writer's relay cannot store: it closes (1011), not silence.
    await waitFor(() => codes.length > 0, 'the writer is told', 20_000);
    expect(codes).toContain(1011);
    // A client opening the map meanwhile is told too: a named code and reason, not a drop.
    const late = client(b!, map.id, map.viewToken);
    const told: string[] = [];
    late.on('connection-close', (e: CloseEvent | null) => told.push(`${e?.code ?? 0} ${e?.reason ?? ''}`));
    await waitFor(() => told.length > 0, 'a client arriving while the database is down is told', 30_000);
    expect(told[0]).toBe('1013 storage unavailable');
    await waitFor(() => app.status === 'server-error', 'the app says the relay cannot store', 30_000);
    await server.resume();
    streaming = false;
    await stream;

    const fresh = client(b!, map.id, map.viewToken);
    await whenSynced(fresh);
    expect([...seen].filter((id) => !factorsOf(fresh.doc).has(id))).toEqual([]);
    await waitFor(() => [watcher, fresh].every((c) => factorsOf(c.doc).size === n), 'everything arrives after the restart', 30_000);
    await waitFor(() => app.status === 'online', 'the app online again', 60_000);
    expect(a!.output() + b!.output()).toMatch(/reconnecting|storage|PostgreSQL/);
  }, 240_000);
});
