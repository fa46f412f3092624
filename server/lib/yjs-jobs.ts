import { JobRunner, type JobRunnerOptions } from '../../src/model/worker';
import { workerEndpoint } from './spawn-worker';
import type { YjsJobs } from './yjs-worker';

/** A worker thread for whole-document Yjs work (yjs-worker.ts), started on first use. */
export function yjsRunner(opts: JobRunnerOptions = {}): JobRunner<YjsJobs> {
  return new JobRunner<YjsJobs>(() => workerEndpoint(new URL('./yjs-worker.ts', import.meta.url)), opts);
}
