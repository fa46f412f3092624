import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, readSnapshot, renameFactor } from '../../src/model';
import { createApp, type App } from '../../server/app';
import { createLogger } from '../../server/log';
import { InProcessFanout } from '../../server/relay/fanout';
import { SqliteMapStore } from '../../server/store/sqlite-store';
import { connectClient, createMap, destroyAll, makeTempDir, waitFor, whenSynced } from '../helpers/relay';

const quiet = () => undefined;
const labels = (doc: Y.Doc) => readSnapshot(doc, quiet).factors.map((f) => f.label).sort();

/**
 * Two relays in one process on one data folder, joined by a Fanout: the shape of a later
 * multi-relay deployment, checked through the same interfaces it will use.
 */
describe('several relays on a shared store', () => {
  const dataDir = makeTempDir();
  const fanout = new InProcessFanout();
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l), (l) => lines.push(l));
  let apps: App[] = [];
  let urls: { url: string; wsUrl: string }[] = [];

  beforeAll(async () => {
    apps = [0, 1].map(() => createApp({ store: new SqliteMapStore(dataDir), distDir: dataDir, log, fanout }));
    urls = await Promise.all(apps.map((a) => new Promise<{ url: string; wsUrl: string }>((res) => {
      a.server.listen(0, '127.0.0.1', () => {
        const { port } = a.server.address() as AddressInfo;
        res({ url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/ws` });
      });
    })));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('clients of different relays edit one map together', async () => {
    const map = await createMap(urls[0]!, 'Partagée');
    const a = connectClient(urls[0]!, map.id, map.editToken);
    const b = connectClient(urls[1]!, map.id, map.editToken);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    expect(readSnapshot(b.doc, quiet).meta.title).toBe('Partagée');

    const f = addFactor(a.doc, { label: 'Par A', x: 0, y: 0 });
    addFactor(b.doc, { label: 'Par B', x: 1, y: 1 });
    await waitFor(() => labels(a.doc).length === 2 && labels(b.doc).length === 2, 'both relays relay');
    renameFactor(b.doc, f, 'Renommé par B');
    await waitFor(() => labels(a.doc).includes('Renommé par B'), 'rename across relays');

    b.awareness.setLocalState({ user: { name: 'Bintou' } });
    await waitFor(() => [...a.awareness.getStates().values()]
      .some((s) => (s as { user?: { name?: string } }).user?.name === 'Bintou'), 'presence across relays');

    // Each relay stored only its own clients' updates; together they hold the whole map.
    destroyAll(a, b);
    await waitFor(() => apps.every((app) => app.rooms.size === 0), 'maps leave memory');
    const fresh = connectClient(urls[1]!, map.id, map.viewToken);
    await whenSynced(fresh);
    expect(labels(fresh.doc)).toEqual(['Par B', 'Renommé par B']);
    destroyAll(fresh);
    expect(lines.join('\n')).not.toContain(map.editToken);
  });
});
