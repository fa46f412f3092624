import type * as Y from 'yjs';
import type { Move } from '../ops';
import { silent } from '../log';
import { readSnapshot } from '../reader';
import { layoutMap, type LayoutOptions } from './layout';
import { applyTidy, planTidy, type TidyMode, type TidyPlan } from './tidy-plan';

/** The layout itself: plain data in, the moves out (whole pixels). */
export function runTidy(plan: TidyPlan, options: LayoutOptions = {}): Move[] {
  const sizes = new Map(plan.factors.flatMap((f) => (f.width && f.height ? [[f.id, { width: f.width, height: f.height }] as const] : [])));
  const pinned = new Map(plan.pinned);
  const laid = layoutMap(plan.factors, plan.links, {
    ...options,
    ...(plan.boxStyle ? { boxStyle: plan.boxStyle } : {}),
    ...(sizes.size > 0 && !options.nodeSize ? {
      nodeSize: (f) => sizes.get(f.id) ?? { width: Number.NaN, height: Number.NaN },
    } : {}),
    ...(pinned.size > 0 ? { pinned } : {}),
  });
  const anchored = pinned.size > 0;
  const dx = anchored ? 0 : plan.origin.x;
  const dy = anchored ? 0 : plan.origin.y;
  return plan.factors.map((f) => {
    const p = laid.get(f.id)!;
    return { id: f.id, x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
  });
}

/**
 * All three at once, on this thread: lays out the given factors (all by default) with the
 * links between them. With `options.pinned` those factors stay put. Returns how many moved.
 */
export function tidyUp(doc: Y.Doc, factorIds?: readonly string[], options: LayoutOptions = {}, mode: TidyMode = 'all'): number {
  const plan = planTidy(readSnapshot(doc, silent), factorIds, mode);
  if (!plan) return 0;
  const extra = options.pinned ? { pinned: [...plan.pinned, ...[...options.pinned].filter(([id]) => plan.factors.some((f) => f.id === id))] } : {};
  return applyTidy(doc, runTidy({ ...plan, ...extra }, { ...options, pinned: undefined }));
}
