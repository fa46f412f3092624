import { JobRunner, JobSuperseded, webWorkerEndpoint, type JobArg, type JobResult } from '../../model/worker';
import type { ANALYSIS_JOBS } from './analysis.worker';
import type { Job } from './protocol';

type AnalysisJobs = typeof ANALYSIS_JOBS;
type Kind = Job['kind'];

/** A job replaced by a newer one before it started, or dropped by destroy(); callers ignore it. */
export { JobSuperseded as Superseded };

function spawn() {
  return webWorkerEndpoint(new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }));
}

/**
 * One worker running one kind of job, latest first (the model's JobRunner, policy 'latest'): a
 * job asked for while another runs waits, and replaces any job already waiting. The running
 * job is never cut short, so on a big map edited without pause results still arrive, each at
 * most one edit behind. A component keeps one for its life; after destroy() (an unmount, or
 * StrictMode's first one) the next run starts a fresh worker.
 */
export class WorkerChannel<K extends Kind> {
  private runner: JobRunner<AnalysisJobs> | null = null;

  run(job: Extract<Job, { kind: K }>): Promise<JobResult<AnalysisJobs, K>> {
    const runner = (this.runner ??= new JobRunner<AnalysisJobs>(spawn, { policy: 'latest' }));
    return runner.run<K>(job.kind as K, job as unknown as JobArg<AnalysisJobs, K>).catch((e: unknown) => {
      // The runner was destroyed under the job: to the caller that is a dropped job, not a failure.
      throw runner !== this.runner ? new JobSuperseded() : e;
    });
  }

  destroy(): void {
    this.runner?.destroy();
    this.runner = null;
  }
}
