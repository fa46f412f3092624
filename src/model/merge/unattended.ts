import type * as Y from 'yjs';
import type { ParsedMap } from '../io/parsed';
import type { Polarity } from '../schema';
import { applyMerge } from './apply';
import { decideConflicts } from './conflicts';
import { NO_DECISIONS } from './decisions';
import type { MergeIssue } from './messages';
import { planMerge, type MergeOptions, type MergePlan } from './plan';
import { previewMerge } from './preview';

/**
 * A merge with nobody to review it (POST /api/maps/<id>/merge, for analysts who script it):
 * matches after normalisation are taken, near matches are never merged but returned as
 * suggestions (except those a person confirmed, or refused, at an earlier merge of this
 * mini-map in the review step: remembered answers stand), the rest is added, and where the polarities disagree the map keeps its own and
 * the conflict is reported. What a previous merge of the same mini-map brought and the
 * mini-map no longer has is handled as in the review step's defaults.
 */
export interface Suggestion {
  /** The mini-map's label. */
  readonly label: string;
  /** The map's factor it may be. */
  readonly candidate: string;
  readonly score: number;
}

export interface UnattendedConflict {
  readonly cause: string;
  readonly effect: string;
  /** Kept. */
  readonly map: Polarity;
  readonly mini: Polarity;
}

export interface UnattendedAnswer {
  readonly matched: number;
  readonly added: number;
  readonly linksMatched: number;
  readonly linksAdded: number;
  readonly suggestions: readonly Suggestion[];
  readonly conflicts: readonly UnattendedConflict[];
  readonly removedFactors: number;
  readonly removedLinks: number;
  readonly notices: readonly MergeIssue[];
}

export type UnattendedResult = { ok: true; answer: UnattendedAnswer } | { ok: false; errors: MergeIssue[] };

export function mergeUnattended(doc: Y.Doc, mini: ParsedMap, options: MergeOptions): UnattendedResult {
  const planned = planMerge(doc, mini, options);
  if (!planned.ok) return planned;
  return applyUnattended(doc, planned.plan);
}

/**
 * The second half, for a plan made elsewhere (the relay plans a large mini-map in a worker
 * against readMetaState, then applies here): what changed in the map meanwhile is handled as
 * applyMerge handles it (a matched factor deleted since is added anew).
 */
export function applyUnattended(doc: Y.Doc, plan: MergePlan): UnattendedResult {
  const mini = plan.mini;
  const preview = previewMerge(doc, plan, NO_DECISIONS);
  const decisions = decideConflicts(NO_DECISIONS, preview.conflicts, 'map');
  const applied = applyMerge(doc, plan, decisions);
  if (!applied.ok) return applied;
  const { counts } = applied;
  const labels = new Map(mini.factors.map((f) => [f.key, f.label]));
  const labelOf = (key: string) => labels.get(key) ?? key;
  return {
    ok: true,
    answer: {
      matched: counts.matched,
      added: counts.added,
      linksMatched: counts.linksMatched,
      linksAdded: counts.linksAdded,
      suggestions: plan.factors.flatMap((p) =>
        (p.kind === 'near' && p.remembered !== 'same' ? p.candidates.map((c) => ({ label: p.label, candidate: c.label, score: c.score })) : [])),
      conflicts: preview.conflicts.map((c) => ({
        cause: labelOf(c.link.source), effect: labelOf(c.link.target), map: c.metaPolarity!, mini: c.link.polarity,
      })),
      removedFactors: counts.removedFactors,
      removedLinks: counts.removedLinks,
      notices: applied.notices,
    },
  };
}
