import { parentPort } from 'node:worker_threads';
import { analyse, type AnalyseOptions, type Analysis, type AnalysisInput } from '../../src/model/analysis';

/**
 * The relay's analysis thread: loop search on a dense map can take a second, and the relay's
 * own thread must keep relaying every other workshop meanwhile.
 */
export interface AnalysisJob {
  readonly id: number;
  readonly input: AnalysisInput;
  readonly opts: AnalyseOptions;
}

export type AnalysisReply =
  | { readonly id: number; readonly ok: true; readonly analysis: Analysis }
  | { readonly id: number; readonly ok: false; readonly error: string };

parentPort?.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    reply = { id: job.id, ok: true, analysis: analyse(job.input, job.opts) };
  } catch (e) {
    reply = { id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
