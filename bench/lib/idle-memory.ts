import type { WebsocketProvider } from 'y-websocket';
import { close, provider, synced, writeMap } from './clients';
import { memoryMiB, openRoom, startServer, type ServerKind } from './servers';
import { sleep } from './stats';

export interface IdleMemory {
  kind: ServerKind;
  maps: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  /** (after − before) / maps */
  kibPerMap: number;
}

/**
 * Opens `maps` rooms with one client each; every client writes a 30-factor, 55-link map (the
 * size of the Mali fixture) and stays connected, idle. The server's resident memory grows by
 * the rooms, their documents and the sockets: the delta per map is what one open workshop map
 * costs. Connections are paced under trame's per-address limit (300 burst, 50/s).
 */
export async function idleMemory(kind: ServerKind, maps: number): Promise<IdleMemory> {
  const server = await startServer(kind);
  const providers: WebsocketProvider[] = [];
  try {
    const rooms = [];
    for (let i = 0; i < maps; i++) rooms.push(await openRoom(server, `Idle ${i}`));
    await sleep(1500);
    const before = memoryMiB(server.pid).rss;
    for (const [i, r] of rooms.entries()) {
      const p = provider(server.wsUrl, r.room, r.token);
      providers.push(p);
      void synced(p).then(() => writeMap(p.doc, 30, 2, i));
      await sleep(25);
    }
    await Promise.all(providers.map(synced));
    await sleep(3000);
    const after = memoryMiB(server.pid).rss;
    return {
      kind, maps, rssBeforeMiB: before, rssAfterMiB: after,
      kibPerMap: ((after - before) * 1024) / maps,
    };
  } finally {
    close(...providers);
    await server.stop();
  }
}
