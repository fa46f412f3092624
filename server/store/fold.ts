import { Worker } from 'node:worker_threads';

interface FoldJob {
  resolve(folded: Uint8Array | null): void;
  reject(e: unknown): void;
}

interface FoldReply {
  job: number;
  ok: boolean;
  folded?: Uint8Array | null;
  name?: string;
  message?: string;
}

/**
 * Folds update logs into one update in a worker thread (compact-worker.mjs, started on first
 * use): replaying a busy map's log takes tens of milliseconds, which on the event loop would
 * stall every map's traffic. Shared by the SQLite and PostgreSQL stores; each keeps reading and
 * replacing rows on its own connections.
 */
export class LogFolder {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, FoldJob>();
  private lastJob = 0;

  /** The rows replayed into one update; null when a row does not apply (folding would drop it). */
  fold(rows: Uint8Array[]): Promise<Uint8Array | null> {
    const worker = this.start();
    const job = ++this.lastJob;
    return new Promise((resolve, reject) => {
      this.jobs.set(job, { resolve, reject });
      worker.postMessage({ job, rows });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./compact-worker.mjs', import.meta.url));
    // A compaction in progress must not keep the process alive at exit.
    worker.unref();
    worker.on('message', (m: FoldReply) => {
      const job = this.jobs.get(m.job);
      this.jobs.delete(m.job);
      if (m.ok) job?.resolve(m.folded ?? null);
      else job?.reject(Object.assign(new Error(m.message), { name: m.name }));
    });
    const lost = (e: unknown) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.jobs.values()) job.reject(e);
      this.jobs.clear();
    };
    worker.on('error', lost);
    worker.on('exit', () => lost(new Error('compaction worker exited')));
    this.worker = worker;
    return worker;
  }
}
