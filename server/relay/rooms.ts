import type * as Y from 'yjs';
import type { JobRunner } from '../../src/model/worker';
import { yjsRunner } from '../lib/yjs-jobs';
import type { YjsJobs } from '../lib/yjs-worker';
import { MAX_WAITING_DIFFS } from '../limits';
import type { Logger } from '../log';
import type { MapStore } from '../store/map-store';
import { authorize, type Authorization } from './access';
import { storePipeline } from './durability';
import type { Fanout } from './fanout';
import type { DurabilityFactory } from './hooks';
import { Room, type Access } from './room';

/** The maps currently in memory: a map is loaded by its first user and dropped after its last. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly durability: DurabilityFactory;
  /** Sync answers of large maps, for every room (its thread starts on first use). */
  private answersWorker: JobRunner<YjsJobs> | null = null;
  private readonly worker = (): JobRunner<YjsJobs> => (this.answersWorker ??= yjsRunner({ maxWaiting: MAX_WAITING_DIFFS }));

  /** `durability` defaults to storing in `store` and fanning out through `fanout`. */
  constructor(
    readonly store: MapStore,
    fanout: Fanout,
    private readonly log: Logger,
    durability?: DurabilityFactory,
  ) {
    this.durability = durability ?? storePipeline(store, fanout, log);
  }

  /** The room of a map, retained for the caller, who must call room.release() once. */
  acquire(mapId: string): Room {
    let room = this.rooms.get(mapId);
    if (!room) {
      room = new Room(mapId, this.durability, this.log, (r) => {
        if (this.rooms.get(mapId) === r) this.rooms.delete(mapId);
      }, this.worker);
      this.rooms.set(mapId, room);
    }
    room.retain();
    return room;
  }

  authorize(mapId: string, token: string | null): Promise<Authorization> {
    return authorize(this.store, mapId, token);
  }

  /**
   * Read access to the live document of a map for HTTP routes (metadata, exports, analysis):
   * the map is loaded from storage if no one has it open and released afterwards. `fn` must
   * not write to the document; it sees every update the relay has stored so far.
   * Returns the authorization failure instead of calling fn.
   */
  async withMapDoc<T>(
    mapId: string,
    token: string | null,
    fn: (doc: Y.Doc, access: Access) => T | Promise<T>,
  ): Promise<{ ok: true; value: T } | Extract<Authorization, { ok: false }>> {
    const auth = await this.authorize(mapId, token);
    if (!auth.ok) return auth;
    const room = this.acquire(mapId);
    try {
      await room.ready();
      if (room.closed) throw new Error('map could not be loaded');
      return { ok: true, value: await fn(room.doc, auth.access) };
    } finally {
      room.release();
    }
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Peers over every room in memory (debug stats). */
  get peerCount(): number {
    let n = 0;
    for (const r of this.rooms.values()) n += r.peerCount;
    return n;
  }

  async shutdown(code: Parameters<Room['shutdown']>[0]): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => r.shutdown(code)));
    this.answersWorker?.destroy();
  }
}
