import { analyse, pathsBetween } from '../../model/analysis';
import { serveJobs, webWorkerScope } from '../../model/worker';
import type { AnalyseJob, PathsJob } from './protocol';

/** The analysis panels' jobs, on the model's worker protocol (src/model/worker). */
export const ANALYSIS_JOBS = {
  analyse: (job: AnalyseJob) => analyse(job.input, job.opts),
  paths: (job: PathsJob) => pathsBetween(job.input, job.from, job.to, job.opts),
};

serveJobs(webWorkerScope(self), ANALYSIS_JOBS);
