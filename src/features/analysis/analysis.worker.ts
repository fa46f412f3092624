import { analyse, pathsBetween } from '../../model/analysis';
import type { Job, JobResults, Reply, Request } from './protocol';

function run(job: Job): JobResults[Job['kind']] {
  if (job.kind === 'paths') return pathsBetween(job.input, job.from, job.to, job.opts);
  return analyse(job.input, job.opts);
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(reply: Reply): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id } = e.data;
  try {
    scope.postMessage({ id, ok: true, result: run(e.data) });
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
