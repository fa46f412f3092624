import { Worker } from 'node:worker_threads';
import { readSnapshot, silent } from '../../src/model';
import type { AnalyseOptions, Analysis, AnalysisInput } from '../../src/model/analysis';
import type { Rooms } from '../relay/rooms';
import type { AnalysisJob, AnalysisReply } from './analysis-worker';
import { denied, sendJson, type Router } from './router';

/** Bounds a caller may ask for: past them one request could hold the analysis thread for minutes. */
export const ANALYSIS_PARAM_RANGE = {
  maxLength: { min: 2, max: 30 },
  maxCount: { min: 1, max: 10_000 },
} as const;
/** Requests waiting for the thread; past it the relay answers 503 rather than pile up work. */
const MAX_WAITING = 8;
/** The loop search is bounded, so this only stops a runaway; the thread is then replaced. */
const JOB_TIMEOUT_MS = 30_000;

class AnalysisUnavailable extends Error {}

function spawnWorker(): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  // Node 20 does not carry tsx's loader hooks over to worker threads: register them there first.
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`,
    { eval: true },
  );
}

interface Pending {
  readonly job: AnalysisJob;
  readonly resolve: (a: Analysis) => void;
  readonly reject: (e: Error) => void;
}

/** One analysis thread, one job at a time, started on first use and restarted after a failure. */
class AnalysisThread {
  private worker: Worker | null = null;
  private current: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly waiting: Pending[] = [];
  private nextId = 1;

  run(input: AnalysisInput, opts: AnalyseOptions): Promise<Analysis> {
    if (this.waiting.length >= MAX_WAITING) return Promise.reject(new AnalysisUnavailable('busy'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { id: this.nextId++, input, opts }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.current = next;
    const worker = this.ensureWorker();
    this.timer = setTimeout(() => this.fail(new AnalysisUnavailable('timeout')), JOB_TIMEOUT_MS);
    worker.postMessage(next.job);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker();
    // An idle analysis thread must not keep the relay from exiting.
    worker.unref();
    worker.on('message', (reply: AnalysisReply) => {
      const cur = this.current;
      if (!cur || reply.id !== cur.job.id) return;
      this.finish();
      if (reply.ok) cur.resolve(reply.analysis);
      else cur.reject(new Error(reply.error));
      this.pump();
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new AnalysisUnavailable('worker exited'));
    });
    this.worker = worker;
    return worker;
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
  }

  /** Drops the thread (a fresh one takes the next job) and fails the job it held. */
  private fail(e: Error): void {
    const cur = this.current;
    const worker = this.worker;
    this.worker = null;
    this.finish();
    if (worker) void worker.terminate();
    cur?.reject(e);
    this.pump();
  }
}

type Parsed = { ok: true; opts: AnalyseOptions } | { ok: false; param: string; message: string };

export function parseAnalysisParams(query: URLSearchParams): Parsed {
  const opts: { maxLength?: number; maxCount?: number } = {};
  for (const name of ['maxLength', 'maxCount'] as const) {
    const raw = query.get(name);
    if (raw === null) continue;
    const { min, max } = ANALYSIS_PARAM_RANGE[name];
    const v = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!(v >= min && v <= max)) {
      return { ok: false, param: name, message: `${name} must be a whole number from ${min} to ${max}` };
    }
    opts[name] = v;
  }
  return { ok: true, opts };
}

/**
 * GET /api/maps/:id/analysis?token=… — the map's feedback loops and key-factor metrics, the
 * same computation the app runs in its Web Worker. Edit or view token.
 */
export function registerAnalysisRoute(router: Router, rooms: Rooms): void {
  const thread = new AnalysisThread();
  router.get('/api/maps/:id/analysis', async ({ res, params, query, token }) => {
    const r = await rooms.withMapDoc(params.id!, token, (doc): AnalysisInput => {
      // Only what the analysis reads: positions and notes need not be copied to the thread.
      const snap = readSnapshot(doc, silent);
      return {
        factors: snap.factors.map((f) => ({ id: f.id, label: f.label })),
        links: snap.links.map((l) => ({ id: l.id, source: l.source, target: l.target, polarity: l.polarity })),
      };
    });
    if (!r.ok) return denied(res, r.reason);
    const parsed = parseAnalysisParams(query);
    if (!parsed.ok) return sendJson(res, 400, { error: 'bad-param', param: parsed.param, message: parsed.message });
    try {
      return sendJson(res, 200, await thread.run(r.value, parsed.opts));
    } catch (e) {
      if (e instanceof AnalysisUnavailable) return sendJson(res, 503, { error: 'analysis-unavailable', reason: e.message });
      throw e;
    }
  });
}
