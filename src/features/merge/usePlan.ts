import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { ParsedMap } from '../../model/io/parsed';
import { readMetaState } from '../../model/merge/meta-state';
import { planMerge, type MergeOptions, type PlanResult } from '../../model/merge/plan';
import type { JobRunner } from '../../model/worker';
import { WORKER_FACTORS, type MergeJobs } from './mergeJobs';

export type PlanState = { status: 'idle' } | { status: 'planning' } | { status: 'done'; result: PlanResult };

/**
 * The merge plan of a mini-map against the open map, made again when the mini-map or its name
 * changes (the name decides whether this is a re-merge). Small mini-maps are planned at once;
 * large ones in the merge worker, against the map read as plain data, so the page stays
 * responsive.
 */
export function usePlan(doc: Y.Doc, mini: ParsedMap | null, options: MergeOptions, runner: () => JobRunner<MergeJobs>): PlanState {
  const [state, setState] = useState<PlanState>({ status: 'idle' });
  const { title, sourceMapId, targetMapId } = options;
  useEffect(() => {
    if (!mini) {
      setState({ status: 'idle' });
      return undefined;
    }
    const opts = { title, sourceMapId, targetMapId };
    if (mini.factors.length <= WORKER_FACTORS) {
      setState({ status: 'done', result: planMerge(doc, mini, opts) });
      return undefined;
    }
    setState({ status: 'planning' });
    let current = true;
    runner().run('plan', { state: readMetaState(doc), mini, options: opts }).then(
      (result) => {
        if (current) setState({ status: 'done', result });
      },
      () => {
        // A worker that fails (out of memory) leaves the page to do it, slowly but surely.
        if (current) setState({ status: 'done', result: planMerge(doc, mini, opts) });
      },
    );
    return () => {
      current = false;
    };
  }, [doc, mini, title, sourceMapId, targetMapId, runner]);
  return state;
}
