import type { ParsedMap } from '../../model/io/parsed';
import { prepareMerge } from '../../model/merge/apply';
import type { MergeDecisions } from '../../model/merge/decisions';
import type { MetaState } from '../../model/merge/meta-state';
import { planMerge, type MergeOptions, type MergePlan } from '../../model/merge/plan';
import { serveJobs, webWorkerScope } from '../../model/worker';

/**
 * A large merge worked out off the page's thread: thousands of labels against the map's take
 * seconds of edit distances, and working out the decided merge (links, places, provenance)
 * takes more; the facilitator's screen keeps answering meanwhile. Only the writing, one
 * transaction, is left to the page. Typed for the caller in mergeJobs.ts.
 */
export const mergeJobs = {
  plan: ({ state, mini, options }: { state: MetaState; mini: ParsedMap; options: MergeOptions }) => planMerge(state, mini, options),
  prepare: ({ state, plan, decisions }: { state: MetaState; plan: MergePlan; decisions: MergeDecisions }) =>
    prepareMerge(state, plan, decisions),
};

serveJobs(webWorkerScope(self), mergeJobs);
