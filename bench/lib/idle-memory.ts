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
  /**
   * Trame only: JavaScript heap still held per map once every client left and the rooms were
   * dropped (heap after a full GC, minus before the maps were opened, divided by the maps).
   */
  closedHeapKiBPerMap: number | null;
}

interface DebugStats {
  rooms: number;
  heapUsed: number;
}

/** /debug/stats of a relay started with TRAME_DEBUG=1 and --expose-gc (it collects first). */
async function debugStats(url: string): Promise<DebugStats> {
  return (await (await fetch(`${url}/debug/stats`)).json()) as DebugStats;
}

/**
 * Opens `maps` rooms with one client each; every client writes a 30-factor, 55-link map (the
 * size of the Mali fixture) and stays connected, idle. The server's resident memory grows by
 * the rooms, their documents and the sockets: the delta per map is what one open workshop map
 * costs. Connections are paced under trame's per-address limit (300 burst, 50/s).
 */
export async function idleMemory(kind: ServerKind, maps: number): Promise<IdleMemory> {
  const trame = kind === 'trame';
  const server = await startServer(kind, trame ? { env: { TRAME_DEBUG: '1' }, execArgv: ['--expose-gc'] } : {});
  const providers: WebsocketProvider[] = [];
  try {
    const rooms = [];
    for (let i = 0; i < maps; i++) rooms.push(await openRoom(server, `Idle ${i}`));
    await sleep(1500);
    const heapBefore = trame ? (await debugStats(server.url)).heapUsed : 0;
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
    let closedHeapKiBPerMap: number | null = null;
    if (trame) {
      close(...providers.splice(0));
      // Positive sentinel: the relay says every room left memory (at most a minute).
      const deadline = Date.now() + 60_000;
      let stats = await debugStats(server.url);
      while (stats.rooms > 0 && Date.now() < deadline) {
        await sleep(250);
        stats = await debugStats(server.url);
      }
      if (stats.rooms === 0) closedHeapKiBPerMap = (stats.heapUsed - heapBefore) / 1024 / maps;
    }
    return {
      kind, maps, rssBeforeMiB: before, rssAfterMiB: after,
      kibPerMap: ((after - before) * 1024) / maps, closedHeapKiBPerMap,
    };
  } finally {
    close(...providers);
    await server.stop();
  }
}
