import type { Job, JobResults, Reply } from './protocol';

type Kind = Job['kind'];

interface Waiting<K extends Kind> {
  job: Extract<Job, { kind: K }>;
  resolve: (r: JobResults[K]) => void;
  reject: (e: Error) => void;
}

/** A job replaced by a newer one before it started; callers ignore it. */
export class Superseded extends Error {}

function spawn(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * One worker running one kind of job, latest first: a job asked for while another runs waits,
 * and replaces any job already waiting. The running job is never cut short, so on a big map
 * edited without pause results still arrive, each at most one edit behind.
 */
export class WorkerChannel<K extends Kind> {
  private worker: Worker | null = null;
  private running: (Waiting<K> & { id: number }) | null = null;
  private waiting: Waiting<K> | null = null;
  private nextId = 1;

  run(job: Extract<Job, { kind: K }>): Promise<JobResults[K]> {
    return new Promise((resolve, reject) => {
      this.waiting?.reject(new Superseded());
      this.waiting = { job, resolve, reject };
      this.pump();
    });
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.waiting?.reject(new Superseded());
    this.running?.reject(new Superseded());
    this.waiting = this.running = null;
  }

  private pump(): void {
    if (this.running || !this.waiting) return;
    this.running = { ...this.waiting, id: this.nextId++ };
    this.waiting = null;
    this.ensureWorker().postMessage({ ...this.running.job, id: this.running.id });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawn();
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const cur = this.running;
      if (!cur || e.data.id !== cur.id) return;
      this.running = null;
      if (e.data.ok) cur.resolve(e.data.result as JobResults[K]);
      else cur.reject(new Error(e.data.error));
      this.pump();
    };
    worker.onerror = (e) => {
      // The worker could not load or crashed: the next job gets a fresh one.
      e.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      const cur = this.running;
      this.running = null;
      cur?.reject(new Error(e.message || 'analysis worker failed'));
      this.pump();
    };
    this.worker = worker;
    return worker;
  }
}
