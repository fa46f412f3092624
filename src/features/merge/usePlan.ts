import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { ParsedMap } from '../../model/io/parsed';
import { readMetaState } from '../../model/merge/meta-state';
import { planMerge, type MergeOptions, type PlanResult } from '../../model/merge/plan';

/** Beyond this many factors the mini-map is matched in a worker, with a progress message. */
const INLINE_FACTORS = 300;

export type PlanState = { status: 'idle' } | { status: 'planning' } | { status: 'done'; result: PlanResult };

/**
 * The merge plan of a mini-map against the open map, made again when the mini-map or its name
 * changes (the name decides whether this is a re-merge). Small mini-maps are planned at once;
 * large ones in a worker, against the map read as plain data, so the page stays responsive.
 */
export function usePlan(doc: Y.Doc, mini: ParsedMap | null, options: MergeOptions): PlanState {
  const [state, setState] = useState<PlanState>({ status: 'idle' });
  const { title, sourceMapId, targetMapId } = options;
  useEffect(() => {
    if (!mini) {
      setState({ status: 'idle' });
      return undefined;
    }
    const opts = { title, sourceMapId, targetMapId };
    if (mini.factors.length <= INLINE_FACTORS) {
      setState({ status: 'done', result: planMerge(doc, mini, opts) });
      return undefined;
    }
    setState({ status: 'planning' });
    const worker = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ok: true; result: PlanResult } | { ok: false; error: string }>) => {
      worker.terminate();
      if (e.data.ok) setState({ status: 'done', result: e.data.result });
      // A worker that fails (out of memory) leaves the page to do it, slowly but surely.
      else setState({ status: 'done', result: planMerge(doc, mini, opts) });
    };
    worker.postMessage({ state: readMetaState(doc), mini, options: opts });
    return () => worker.terminate();
  }, [doc, mini, title, sourceMapId, targetMapId]);
  return state;
}
