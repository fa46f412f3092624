import {
  isJobReply, isWorkerReady, JobBusy, JobFailed, JobSuperseded, JobTimeout, WorkerLost,
  type JobArg, type JobRequest, type JobResult, type Jobs, type Transfer,
} from './protocol';
import type { WorkerEndpoint } from './ports';

export interface JobRunnerOptions {
  /**
   * 'queue' (the default): jobs run in order; past `maxWaiting` a new job is refused with
   * JobBusy. 'latest': a new job replaces the one waiting (which rejects with JobSuperseded),
   * for results that only matter for the newest input (analysis of a map being edited).
   */
  readonly policy?: 'queue' | 'latest';
  /** Jobs waiting behind the running one ('queue' only). */
  readonly maxWaiting?: number;
  /**
   * Past this a job fails with JobTimeout and its worker is replaced; 0 for none. Counted from
   * when the worker is ready (a fresh thread first loads its modules), or from the post to one
   * already serving.
   */
  readonly timeoutMs?: number;
}

interface Pending {
  readonly kind: string;
  readonly arg: unknown;
  readonly transfer: Transfer;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
}

/**
 * Runs jobs in one worker, one at a time: started on first use, replaced after a crash or a
 * timeout (the job it held fails; the next one gets a fresh worker). A running job is never
 * cut short by a newer one, so a map edited without pause still gets results, each at most
 * one edit behind.
 */
export class JobRunner<J extends Jobs> {
  private endpoint: WorkerEndpoint | null = null;
  private ready = false;
  private running: (Pending & { id: number }) | null = null;
  private waiting: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private destroyed = false;
  private readonly policy: 'queue' | 'latest';
  private readonly maxWaiting: number;
  private readonly timeoutMs: number;

  constructor(private readonly spawn: () => WorkerEndpoint, opts: JobRunnerOptions = {}) {
    this.policy = opts.policy ?? 'queue';
    this.maxWaiting = opts.maxWaiting ?? Infinity;
    this.timeoutMs = opts.timeoutMs ?? 0;
  }

  /** Jobs not yet answered, the running one included. */
  get load(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  run<K extends keyof J & string>(kind: K, arg: JobArg<J, K>, transfer: Transfer = []): Promise<JobResult<J, K>> {
    return new Promise<JobResult<J, K>>((resolve, reject) => {
      if (this.destroyed) return reject(new WorkerLost('runner destroyed'));
      const job: Pending = { kind, arg, transfer, resolve: resolve as (v: unknown) => void, reject };
      if (this.policy === 'latest') {
        for (const w of this.waiting) w.reject(new JobSuperseded());
        this.waiting = [job];
      } else {
        if (this.waiting.length >= this.maxWaiting && this.running) return reject(new JobBusy());
        this.waiting.push(job);
      }
      this.pump();
    });
  }

  /** Stops the worker; every job not yet answered rejects with WorkerLost. */
  destroy(): void {
    this.destroyed = true;
    this.dropWorker();
    const lost = [...(this.running ? [this.running] : []), ...this.waiting];
    this.running = null;
    this.waiting = [];
    for (const j of lost) j.reject(new WorkerLost('runner destroyed'));
  }

  private pump(): void {
    if (this.running || this.destroyed) return;
    const next = this.waiting.shift();
    if (!next) return;
    const job = { ...next, id: this.nextId++ };
    this.running = job;
    let endpoint: WorkerEndpoint;
    try {
      endpoint = this.ensureWorker();
    } catch (e) {
      return this.lose(e instanceof Error ? e.message : String(e));
    }
    if (this.ready) this.startTimer();
    const request: JobRequest = { rpc: 1, id: job.id, kind: job.kind, arg: job.arg };
    try {
      endpoint.post(request, job.transfer);
    } catch (e) {
      // The argument could not be cloned: this job fails, the worker is fine.
      this.finishRunning();
      job.reject(e instanceof Error ? e : new Error(String(e)));
      this.pump();
    }
  }

  private ensureWorker(): WorkerEndpoint {
    if (this.endpoint) return this.endpoint;
    const endpoint = this.spawn();
    endpoint.listen(
      (message) => {
        if (this.endpoint !== endpoint) return;
        if (isWorkerReady(message)) {
          this.ready = true;
          if (this.running) this.startTimer();
          return;
        }
        if (!isJobReply(message)) return;
        const cur = this.running;
        if (!cur || message.id !== cur.id) return;
        this.finishRunning();
        if (message.ok) cur.resolve(message.result);
        else cur.reject(new JobFailed(message.name, message.message));
        this.pump();
      },
      (reason) => {
        if (this.endpoint === endpoint) this.lose(reason);
      },
    );
    this.endpoint = endpoint;
    this.ready = false;
    return endpoint;
  }

  private startTimer(): void {
    if (this.timeoutMs <= 0 || this.timer) return;
    this.timer = setTimeout(() => this.failRunning(new JobTimeout(this.timeoutMs)), this.timeoutMs);
  }

  private finishRunning(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = null;
  }

  private lose(reason: string): void {
    this.failRunning(new WorkerLost(reason));
  }

  /** Fails the running job and replaces the worker; waiting jobs go to a fresh one. */
  private failRunning(e: Error): void {
    const cur = this.running;
    this.dropWorker();
    this.finishRunning();
    cur?.reject(e);
    this.pump();
  }

  private dropWorker(): void {
    const endpoint = this.endpoint;
    this.endpoint = null;
    this.ready = false;
    if (endpoint) {
      try {
        endpoint.terminate();
      } catch {
        // Already gone.
      }
    }
  }
}
