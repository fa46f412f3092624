import { readSnapshot, silent } from '../../src/model';
import type { AnalyseOptions, AnalysisInput } from '../../src/model/analysis';
import { JobBusy, JobRunner, JobTimeout, WorkerLost } from '../../src/model/worker';
import { workerEndpoint } from '../lib/spawn-worker';
import type { Rooms } from '../relay/rooms';
import type { AnalysisJobs } from './analysis-worker';
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

/** One analysis thread, one job at a time, started on first use and replaced after a failure. */
function analysisThread(): JobRunner<AnalysisJobs> {
  return new JobRunner<AnalysisJobs>(
    () => workerEndpoint(new URL('./analysis-worker.ts', import.meta.url)),
    { maxWaiting: MAX_WAITING, timeoutMs: JOB_TIMEOUT_MS },
  );
}

/** Why the thread gave no analysis, as the 503's reason; null for an error of the job itself. */
function unavailable(e: unknown): string | null {
  if (e instanceof JobBusy) return 'busy';
  if (e instanceof JobTimeout) return 'timeout';
  if (e instanceof WorkerLost) return 'worker exited';
  return null;
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
  const thread = analysisThread();
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
      return sendJson(res, 200, await thread.run('analyse', { input: r.value, opts: parsed.opts }));
    } catch (e) {
      const reason = unavailable(e);
      if (reason) return sendJson(res, 503, { error: 'analysis-unavailable', reason });
      throw e;
    }
  });
}
