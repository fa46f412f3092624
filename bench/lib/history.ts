import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { change, factorsOf, moveFactors, putFactor } from '../../src/model';
import { DB_FILE } from '../../server/store/sqlite-store';
import { close, provider, synced, until } from './clients';
import { openRoom, startServer, type ServerProcess } from './servers';
import { sleep } from './stats';

export interface HistoryLoad {
  factors: number;
  movesPerFactor: number;
  writeSeconds: number;
  /** Rows and bytes of the map's update log in SQLite when the relay restarts. */
  logRows: number;
  logBytes: number;
  /** Size of the whole document as one update. */
  docBytes: number;
  /** First full sync of a fresh client, room already in memory. */
  warmMs: number[];
  /** First full sync of a fresh client right after a relay restart: the room loads from SQLite. */
  coldMs: number[];
}

function logStats(dataDir: string, mapId: string): { rows: number; bytes: number } {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const r = db.prepare('SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS b FROM updates WHERE map_id = ?')
      .get(mapId) as { n: number; b: number };
    return { rows: r.n, bytes: r.b };
  } finally {
    db.close();
  }
}

async function timeFirstSync(server: ServerProcess, room: string, token: string, factors: number): Promise<number> {
  const t0 = performance.now();
  const p = provider(server.wsUrl, room, token);
  try {
    await synced(p);
    await until(() => factorsOf(p.doc).size === factors, 'the whole map', 60_000);
    return performance.now() - t0;
  } finally {
    close(p);
  }
}

/**
 * A map with a long history: `factors` factors each moved `moves` times, every move its own
 * transaction sent through the relay (so the relay stores and compacts it as it would in a
 * workshop). Then the time a fresh client needs for its first full sync, with the room in
 * memory (warm) and right after a relay restart (cold: read and replay from SQLite).
 */
export async function historyLoad(factors: number, moves: number, samples: number): Promise<HistoryLoad> {
  let server = await startServer('trame');
  const dataDir = server.dataDir;
  const providers: WebsocketProvider[] = [];
  try {
    const { room, token } = await openRoom(server, 'Longue histoire');
    if (!token) throw new Error('trame map without token');
    const writer = provider(server.wsUrl, room, token);
    const watcher = provider(server.wsUrl, room, token);
    providers.push(writer, watcher);
    await Promise.all([synced(writer), synced(watcher)]);
    const ids = Array.from({ length: factors }, (_, i) => `h${i}`);
    change(writer.doc, () => ids.forEach((id, i) => putFactor(writer.doc, { id, label: `Facteur ${i}`, x: 0, y: i })));
    const t0 = performance.now();
    for (let round = 1; round <= moves; round++) {
      ids.forEach((id, i) => moveFactors(writer.doc, [{ id, x: round, y: i * 10 + (round % 7) }]));
      // Let the socket drain and the relay keep up rather than queue 60,000 frames at once.
      const seen = round - 2;
      if (seen > 0) await until(() => factorsOf(watcher.doc).get(ids[factors - 1]!)?.get('x') as number >= seen, 'relay', 60_000);
      else await sleep(0);
    }
    await until(() => ids.every((id) => factorsOf(watcher.doc).get(id)?.get('x') === moves), 'every move relayed', 120_000);
    const writeSeconds = (performance.now() - t0) / 1000;
    const docBytes = Y.encodeStateAsUpdate(watcher.doc).byteLength;
    close(...providers.splice(0));

    const warmMs: number[] = [];
    for (let i = 0; i < samples; i++) warmMs.push(await timeFirstSync(server, room, token, factors));
    const coldMs: number[] = [];
    let log = { rows: 0, bytes: 0 };
    for (let i = 0; i < samples; i++) {
      await server.kill('SIGTERM');
      log = logStats(dataDir, room);
      server = await startServer('trame', { dataDir });
      coldMs.push(await timeFirstSync(server, room, token, factors));
    }
    return {
      factors, movesPerFactor: moves, writeSeconds, logRows: log.rows, logBytes: log.bytes, docBytes, warmMs, coldMs,
    };
  } finally {
    close(...providers);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
