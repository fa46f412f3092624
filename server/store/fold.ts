import { JobRunner } from '../../src/model/worker';
import { workerEndpoint } from '../lib/spawn-worker';
import type { CompactJobs } from './compact-worker';

/**
 * Folds update logs into one update in a worker thread (compact-worker.ts, started on first
 * use): replaying a busy map's log takes tens of milliseconds, which on the event loop would
 * stall every map's traffic. Shared by the SQLite and PostgreSQL stores; each keeps reading and
 * replacing rows on its own connections.
 */
export class LogFolder {
  private runner: JobRunner<CompactJobs> | null = null;

  /** The rows replayed into one update; null when a row does not apply (folding would drop it). */
  fold(rows: Uint8Array[]): Promise<Uint8Array | null> {
    this.runner ??= new JobRunner<CompactJobs>(() => workerEndpoint(new URL('./compact-worker.ts', import.meta.url)));
    return this.runner.run('fold', rows);
  }

  /** Stops the thread; a fold not yet answered rejects (WorkerLost), a later one starts a new thread. */
  async close(): Promise<void> {
    this.runner?.destroy();
    this.runner = null;
  }
}
