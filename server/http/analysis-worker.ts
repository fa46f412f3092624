import { parentPort } from 'node:worker_threads';
import { analyse, type AnalyseOptions, type AnalysisInput } from '../../src/model/analysis';
import { nodeParentPort, serveJobs } from '../../src/model/worker';

/**
 * The relay's analysis thread: loop search on a dense map can take a second, and the relay's
 * own thread must keep relaying every other workshop meanwhile.
 */
export const analysisJobs = {
  analyse: ({ input, opts }: { input: AnalysisInput; opts: AnalyseOptions }) => analyse(input, opts),
};

export type AnalysisJobs = typeof analysisJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), analysisJobs);
