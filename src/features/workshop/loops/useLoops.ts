import { useEffect, useRef, useState } from 'react';
import { useSnapshot } from '../../../session';
import type { AnalysisInput, Loop } from '../../../model/analysis';
import { JobRunner, JobSuperseded, webWorkerEndpoint } from '../../../model/worker';
import type { MapSnapshot } from '../../../model';
import type { LOOP_JOBS } from './loops.worker';

export interface FoundLoops {
  /** Shortest first, then by id. */
  readonly loops: readonly Loop[];
  /** Loops were left out: more than the model's bound, or longer than its longest. */
  readonly truncated: boolean;
}

type LoopJobs = typeof LOOP_JOBS;

function spawn() {
  return webWorkerEndpoint(new Worker(new URL('./loops.worker.ts', import.meta.url), { type: 'module' }));
}

/** Only what the search reads: what is posted to the worker. */
function inputOf(snap: Pick<MapSnapshot, 'factors' | 'links'>): AnalysisInput {
  return {
    factors: snap.factors.map((f) => ({ id: f.id, label: f.label })),
    links: snap.links.map((l) => ({ id: l.id, source: l.source, target: l.target, polarity: l.polarity })),
  };
}

/**
 * The map's feedback loops for the pickers, searched in a worker when a picker needs them;
 * null while searching. The search is the model's own (findLoops) with the model's default
 * bounds, the ones the Loops panel's analysis runs with (features/analysis LOOP_BOUNDS), so a
 * picker lists the loops the panel counts: the pickers once searched loops of at most 12
 * factors, on the main thread, and counted 85 where the panel said 116.
 */
export function useLoops(): FoundLoops | null {
  const snap = useSnapshot();
  const runner = useRef<JobRunner<LoopJobs> | null>(null);
  const [result, setResult] = useState<{ links: unknown; found: FoundLoops } | null>(null);
  // Made and stopped by an effect (declared first, so it runs first): StrictMode's second mount gets a fresh one.
  useEffect(() => {
    const r = new JobRunner<LoopJobs>(spawn, { policy: 'latest' });
    runner.current = r;
    return () => {
      r.destroy();
      runner.current = null;
    };
  }, []);
  useEffect(() => {
    let alive = true;
    const links = snap.links;
    const input = inputOf(snap);
    const search = runner.current?.run('loops', input) ?? Promise.reject(new Error('no runner'));
    search.then(
      (found) => alive && setResult({ links, found }),
      async (e: unknown) => {
        if (!alive || e instanceof JobSuperseded) return;
        // No worker (it failed to start or crashed): the same search here, rather than no picker.
        const { findLoops } = await import('../../../model/analysis/loops');
        if (alive) setResult({ links, found: findLoops(input) });
      },
    );
    return () => {
      alive = false;
    };
    // Loops depend on links only (and on factors through them).
  }, [snap.links]); // eslint-disable-line react-hooks/exhaustive-deps
  return result && result.links === snap.links ? result.found : null;
}
