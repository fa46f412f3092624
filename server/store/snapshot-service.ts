import { autoSnapshotName, type AutoReason } from '../../src/model/snapshots';
import { JobRunner } from '../../src/model/worker';
import { workerEndpoint } from '../lib/spawn-worker';
import { describeError, type Logger } from '../log';
import type { MapStore } from './map-store';
import { newMapId } from './secrets';
import type { SnapshotRecord, SnapshotStore } from './snapshot-store';
import type { ExportKind, SnapshotJobs, StateSource } from './snapshot-worker';

/** Jobs waiting for the snapshot thread; past it a request gets 503 rather than pile up. */
export const MAX_WAITING_SNAPSHOT_JOBS = 8;
/** A job the thread has not answered after this fails and the thread is replaced. */
const SNAPSHOT_JOB_TIMEOUT_MS = 60_000;
/** A map edited after its newest snapshot (or creation) is this old gets an automatic one. */
export const DAILY_SNAPSHOT_MS = 24 * 60 * 60 * 1000;
/** How often one map's daily check may touch the store: edits arrive many times a second. */
const DAILY_CHECK_EVERY_MS = 10 * 60 * 1000;

/** Whether a map changed now is due for its daily automatic snapshot. */
export function dueForDaily(now: number, newestSnapshotAt: number | null, mapCreatedAt: number): boolean {
  return now - (newestSnapshotAt ?? mapCreatedAt) >= DAILY_SNAPSHOT_MS;
}

export interface TakeOptions {
  /** A person's name for the snapshot; automatic ones are named by their reason. */
  readonly name?: string;
  readonly author?: string;
  readonly auto?: AutoReason | null;
}

/**
 * What the relay does with snapshots, over a SnapshotStore and one worker thread
 * (snapshot-worker.ts): every step that grows with a map's size runs there, so a snapshot of
 * a large map does not stall the other maps. The store answers in a few milliseconds.
 */
export class SnapshotService {
  private readonly runner = new JobRunner<SnapshotJobs>(
    () => workerEndpoint(new URL('./snapshot-worker.ts', import.meta.url)),
    { maxWaiting: MAX_WAITING_SNAPSHOT_JOBS, timeoutMs: SNAPSHOT_JOB_TIMEOUT_MS },
  );
  private readonly lastDailyCheck = new Map<string, number>();

  constructor(
    private readonly store: MapStore,
    readonly snapshots: SnapshotStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The live map as the relay has stored it: every change is stored before anyone sees it. */
  liveSource(mapId: string): Promise<StateSource> {
    return this.store.loadUpdates(mapId).then((updates) => ({ updates }));
  }

  async take(mapId: string, opts: TakeOptions): Promise<SnapshotRecord> {
    const updates = await this.store.loadUpdates(mapId);
    const c = await this.runner.run('capture', { mapId, updates });
    return this.keep(mapId, c, opts);
  }

  /** Stores a captured state (the worker's answer) as a snapshot. */
  keep(
    mapId: string, c: { state: Uint8Array; factors: number; links: number; language: string }, opts: TakeOptions,
  ): Promise<SnapshotRecord> {
    const auto = opts.auto ?? null;
    return this.snapshots.addSnapshot({
      id: newMapId(), mapId, name: opts.name ?? (auto ? autoSnapshotName(auto, c.language) : ''),
      createdAt: this.now(), author: opts.author ?? '', auto, factors: c.factors, links: c.links,
    }, c.state);
  }

  exportState(state: Uint8Array, kind: ExportKind, opts: { excel?: boolean; raw?: boolean }) {
    return this.runner.run('export', { state, kind, ...opts });
  }

  compare(from: StateSource, to: StateSource) {
    return this.runner.run('compare', { from, to });
  }

  restoreChange(mapId: string, state: Uint8Array) {
    return this.store.loadUpdates(mapId).then((updates) => this.runner.run('restore', { updates, state }));
  }

  /**
   * A peer changed the map: once a day, the map as it now stands is kept as an automatic
   * snapshot. Checked at most every few minutes per map; a failure is logged, never felt.
   */
  mapChanged(mapId: string): void {
    const t = this.now();
    const last = this.lastDailyCheck.get(mapId);
    if (last !== undefined && t - last < DAILY_CHECK_EVERY_MS) return;
    this.lastDailyCheck.set(mapId, t);
    if (this.lastDailyCheck.size > 10_000) this.lastDailyCheck.clear();
    void (async () => {
      const record = await this.store.getMap(mapId);
      if (!record) return;
      if (!dueForDaily(t, await this.snapshots.newestSnapshotAt(mapId), record.createdAt)) return;
      await this.take(mapId, { auto: 'daily' });
    })().catch((e: unknown) => this.log.warn('snapshot', `map ${mapId}: daily snapshot failed: ${describeError(e)}`));
  }

  close(): void {
    this.runner.destroy();
  }
}
