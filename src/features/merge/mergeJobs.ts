import { JobRunner, webWorkerEndpoint } from '../../model/worker';
import type { mergeJobs } from './merge.worker';

export type MergeJobs = typeof mergeJobs;

/**
 * Beyond this many factors in the mini-map, planning and preparing the merge go to the worker
 * (with a progress indicator); below, they take a few milliseconds on the page.
 */
export const WORKER_FACTORS = 300;

/**
 * A runner on the merge worker: one job at a time, the newest waiting one kept (typing the
 * mini-map's name plans again: only the last name matters; the merge is prepared once the
 * plan is done). destroy() stops a long run at once (the dialog closed): the worker is
 * terminated.
 */
export function mergeRunner(): JobRunner<MergeJobs> {
  return new JobRunner<MergeJobs>(
    () => webWorkerEndpoint(new Worker(new URL('./merge.worker.ts', import.meta.url), { type: 'module' })),
    { policy: 'latest' },
  );
}
