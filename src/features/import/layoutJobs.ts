import { JobRunner, webWorkerEndpoint } from '../../model/worker';
import type { layoutJobs } from './layout.worker';

export type LayoutJobs = typeof layoutJobs;

/**
 * A runner on the layout worker: one job at a time, the newest waiting one kept (a second
 * "Ranger" while one runs replaces the one waiting). destroy() stops a long run at once: the
 * worker is terminated, and the next job gets a fresh one.
 */
export function layoutRunner(): JobRunner<LayoutJobs> {
  return new JobRunner<LayoutJobs>(
    () => webWorkerEndpoint(new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })),
    { policy: 'latest' },
  );
}
