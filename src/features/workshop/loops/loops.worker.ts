// File by file: the analysis index would bring graphology (metrics) into this worker.
import type { AnalysisInput } from '../../../model/analysis/graph';
import { findLoops } from '../../../model/analysis/loops';
import { webWorkerScope } from '../../../model/worker/ports';
import { serveJobs } from '../../../model/worker/serve';

/**
 * The pickers' loop search, off the main thread: the model's findLoops with its default
 * bounds (the Loops panel's), which takes about a second on a 300-factor map.
 */
export const LOOP_JOBS = {
  loops: (input: AnalysisInput) => {
    const { loops, truncated } = findLoops(input);
    return { loops, truncated };
  },
};

serveJobs(webWorkerScope(self), LOOP_JOBS);
