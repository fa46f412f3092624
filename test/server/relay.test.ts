import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addLink, cyclePolarity, moveFactors, readSnapshot, removeFactors, renameFactor, setTitle,
} from '../../src/model';
import { COMPACT_AFTER_UPDATES } from '../../server/limits';
import { DB_FILE } from '../../server/store/sqlite-store';
import {
  connectClient, createMap, destroyAll, makeTempDir, startRelay, waitFor, whenSynced, type RelayProcess,
} from '../helpers/relay';

const quiet = () => undefined;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();
const state = (doc: Y.Doc) => {
  const s = readSnapshot(doc, quiet);
  return {
    title: s.meta.title,
    factors: [...s.factors].sort((a, b) => a.id.localeCompare(b.id)),
    links: [...s.links].sort((a, b) => a.id.localeCompare(b.id)),
  };
};

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

describe('sync through the relay', () => {
  it('three clients converge after concurrent edits', async () => {
    const map = await createMap(relay, 'Mali centre');
    const [a, b, c] = [0, 1, 2].map(() => connectClient(relay, map.id, map.editToken));
    await Promise.all([a!, b!, c!].map(whenSynced));
    expect(readSnapshot(a!.doc, quiet).meta.title).toBe('Mali centre');

    const drought = addFactor(a!.doc, { label: 'Sécheresse', x: 0, y: 0 });
    await waitFor(() => labels(b!.doc).length === 1 && labels(c!.doc).length === 1, 'first factor everywhere');

    // Concurrent: nobody waits for the others between these edits.
    const land = addFactor(b!.doc, { label: 'Pression foncière', x: 200, y: 0 });
    const cattle = addFactor(c!.doc, { label: 'Vol de bétail', x: 0, y: 200 });
    renameFactor(a!.doc, drought, 'Sécheresses répétées');
    moveFactors(c!.doc, [{ id: drought, x: 50, y: 60 }]);
    setTitle(b!.doc, 'Mali centre — atelier');
    await waitFor(() => [a, b, c].every((p) => labels(p!.doc).length === 3), 'all factors everywhere');
    const link = addLink(a!.doc, { source: drought, target: land });
    addLink(b!.doc, { source: land, target: cattle, polarity: '-' });
    await waitFor(() => [b, c].every((p) => readSnapshot(p!.doc, quiet).links.some((l) => l.id === link)), 'link');
    cyclePolarity(c!.doc, link);

    await waitFor(() => {
      const s = [a, b, c].map((p) => JSON.stringify(state(p!.doc)));
      return s[0] === s[1] && s[1] === s[2] && state(a!.doc).links.length === 2
        && state(a!.doc).links.some((l) => l.polarity === '-' && l.id === link);
    }, 'convergence');
    const final = state(a!.doc);
    expect(final.title).toBe('Mali centre — atelier');
    expect(final.factors.map((f) => f.label).sort()).toEqual(['Pression foncière', 'Sécheresses répétées', 'Vol de bétail']);
    expect(final.factors.find((f) => f.id === drought)).toMatchObject({ x: 50, y: 60 });
    destroyAll(a!, b!, c!);
  });

  it("an offline client's edits merge on reconnect", async () => {
    const map = await createMap(relay);
    const a = connectClient(relay, map.id, map.editToken);
    const b = connectClient(relay, map.id, map.editToken);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const shared = addFactor(a.doc, { label: 'Marché', x: 0, y: 0 });
    await waitFor(() => labels(b.doc).includes('Marché'), 'shared factor');

    b.disconnect();
    await waitFor(() => !b.wsconnected, 'b offline');
    const offline = addFactor(b.doc, { label: 'Hors ligne', x: 1, y: 1 });
    renameFactor(b.doc, shared, 'Marché de Mopti');
    addLink(b.doc, { source: offline, target: shared });
    addFactor(a.doc, { label: 'En ligne', x: 2, y: 2 });
    // Sentinel: an edit made after b's offline edits, by a third client, reaches a; b's would
    // have been sent before it on their own connection, had b one.
    const c = connectClient(relay, map.id, map.editToken);
    await whenSynced(c);
    const sentinel = addFactor(c.doc, { label: 'Témoin', x: 3, y: 3 });
    await waitFor(() => labels(a.doc).includes('Témoin'), 'sentinel at a');
    expect(labels(a.doc)).not.toContain('Hors ligne');
    removeFactors(c.doc, [sentinel]);
    await waitFor(() => !labels(a.doc).includes('Témoin'), 'sentinel removed');
    destroyAll(c);

    b.connect();
    await waitFor(() => JSON.stringify(state(a.doc)) === JSON.stringify(state(b.doc))
      && labels(a.doc).length === 3, 'merge after reconnect');
    expect(labels(a.doc)).toEqual(['En ligne', 'Hors ligne', 'Marché de Mopti']);
    expect(state(a.doc).links).toHaveLength(1);
    destroyAll(a, b);
  });
});

describe('liveness', () => {
  it('a client alone on a map hears its own presence back', async () => {
    // y-websocket closes a connection on which nothing arrived for 30 s; presence renewals
    // (every 15 s) echoed by the relay are what keeps a lone participant connected.
    const map = await createMap(relay);
    const alone = connectClient(relay, map.id, map.viewToken);
    await whenSynced(alone);
    let heard = 0;
    alone.ws?.addEventListener('message', () => heard++);
    alone.awareness.setLocalState({ user: { name: 'Seule' } });
    await waitFor(() => heard > 0, 'echo of own presence');
    destroyAll(alone);
  });
});

describe('persistence', () => {
  it('every update the relay has relayed survives kill -9', async () => {
    const dataDir = makeTempDir();
    let r = await startRelay({ dataDir });
    try {
      const map = await createMap(r, 'Survit');
      const writer = connectClient(r, map.id, map.editToken);
      const watcher = connectClient(r, map.id, map.editToken);
      await Promise.all([whenSynced(writer), whenSynced(watcher)]);
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push(addFactor(writer.doc, { label: `Facteur ${i}`, x: i, y: 0 }));
      renameFactor(writer.doc, ids[0]!, 'Le premier');
      addLink(writer.doc, { source: ids[0]!, target: ids[1]!, polarity: '-' });
      // The watcher sees them only after the relay has stored them.
      await waitFor(() => labels(watcher.doc).length === 40 && readSnapshot(watcher.doc, quiet).links.length === 1
        && labels(watcher.doc).includes('Le premier'), 'watcher has every edit');
      const expected = state(watcher.doc);
      writer.destroy();
      watcher.destroy();

      await r.kill('SIGKILL');
      r = await startRelay({ dataDir });
      const fresh = connectClient(r, map.id, map.editToken);
      await whenSynced(fresh);
      expect(state(fresh.doc)).toEqual(expected);
      destroyAll(fresh);
    } finally {
      await r.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000); // two relay starts, up to a minute each on a loaded machine

  it('compaction keeps the content across a restart', async () => {
    const dataDir = makeTempDir();
    let r = await startRelay({ dataDir });
    try {
      const map = await createMap(r, 'Compactée');
      const writer = connectClient(r, map.id, map.editToken);
      const watcher = connectClient(r, map.id, map.editToken);
      await Promise.all([whenSynced(writer), whenSynced(watcher)]);
      const n = COMPACT_AFTER_UPDATES + 100;
      const id = addFactor(writer.doc, { label: 'v0', x: 0, y: 0 });
      for (let i = 1; i < n; i++) moveFactors(writer.doc, [{ id, x: i, y: i }]);
      renameFactor(writer.doc, id, 'Dernier nom');
      await waitFor(() => readSnapshot(watcher.doc, quiet).factors[0]?.x === n - 1
        && labels(watcher.doc)[0] === 'Dernier nom', 'watcher has every move');
      const expected = state(watcher.doc);

      const db = new Database(join(dataDir, DB_FILE), { readonly: true });
      const rows = () => (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE map_id = ?').get(map.id) as { n: number }).n;
      await waitFor(() => rows() < n, 'compaction');
      db.close();
      destroyAll(writer, watcher);

      await r.stop();
      r = await startRelay({ dataDir });
      const fresh = connectClient(r, map.id, map.editToken);
      await whenSynced(fresh);
      expect(state(fresh.doc)).toEqual(expected);
      destroyAll(fresh);
    } finally {
      await r.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000); // two relay starts, up to a minute each on a loaded machine
});
