import type { Polarity } from '../schema';
import type { FactorProposal, MergePlan } from './plan';

/**
 * What the person reviewing a merge decided. Anything left out takes its default: a match
 * after normalisation is taken, a near match is not (it is added as a new factor until a
 * person says yes), a polarity conflict stays undecided and blocks the merge.
 */
export interface FactorDecision {
  /** The factor of the map it merges into, or null to add it as a new factor. */
  readonly to: string | null;
  /** The label the map keeps (for a new factor: its label). */
  readonly label: string;
}

/** For an element of the map that came from this mini-map and is no longer in it. */
export type WithdrawnAction = 'remove' | 'keep';

export interface MergeDecisions {
  /** By proposal id. */
  readonly factors: ReadonlyMap<string, FactorDecision>;
  /** By the map's link id: the polarity the map keeps where the two disagree. */
  readonly polarities: ReadonlyMap<string, Polarity>;
  /** By the map's factor or link id. */
  readonly withdrawn: ReadonlyMap<string, WithdrawnAction>;
  /**
   * By proposal id: the near matches a person answered in this review, yes or no. The merge
   * remembers them in the document (answers.ts), so the next merge of this mini-map does not
   * ask again; a near match left unanswered is added as new and not remembered.
   */
  readonly answers: ReadonlyMap<string, NearAnswer>;
}

export type NearAnswer = 'yes' | 'no';

export const NO_DECISIONS: MergeDecisions = { factors: new Map(), polarities: new Map(), withdrawn: new Map(), answers: new Map() };

/**
 * The default for one proposal. Merging a mini-map again after a group renamed a factor
 * takes the new name when the map still had the old one (nobody renamed it in the map since).
 */
export function defaultDecision(p: FactorProposal): FactorDecision {
  const target = p.candidates[0];
  if (p.kind === 'again' && target) {
    const follows = p.previous?.added === true && target.label === p.previous.label;
    return { to: target.id, label: follows ? p.label : target.label };
  }
  if (p.kind === 'same' && target) return { to: target.id, label: target.label };
  // A yes given at an earlier merge of this mini-map stands until a person says otherwise.
  if (p.kind === 'near' && p.remembered === 'same' && target) return { to: target.id, label: target.label };
  return { to: null, label: p.label };
}

/** The answer a near proposal shows: given in this review, else remembered from an earlier one. */
export function answerOf(p: FactorProposal, decisions: MergeDecisions): NearAnswer | undefined {
  const given = decisions.answers.get(p.id);
  if (given) return given;
  if (p.remembered === 'same' && p.kind === 'near') return 'yes';
  return undefined;
}

export function decisionFor(plan: MergePlan, decisions: MergeDecisions, proposalId: string): FactorDecision {
  const chosen = decisions.factors.get(proposalId);
  if (chosen) return chosen;
  const p = plan.factors.find((f) => f.id === proposalId);
  return p ? defaultDecision(p) : { to: null, label: proposalId };
}

/** Every proposal's decision, defaults filled in, by proposal id. */
export function allDecisions(plan: MergePlan, decisions: MergeDecisions): Map<string, FactorDecision> {
  return new Map(plan.factors.map((p) => [p.id, decisions.factors.get(p.id) ?? defaultDecision(p)]));
}

/** A copy with one factor decided (the review step's edits). */
export function withFactor(decisions: MergeDecisions, proposalId: string, d: FactorDecision): MergeDecisions {
  return { ...decisions, factors: new Map(decisions.factors).set(proposalId, d) };
}

export function withPolarity(decisions: MergeDecisions, linkId: string, polarity: Polarity): MergeDecisions {
  return { ...decisions, polarities: new Map(decisions.polarities).set(linkId, polarity) };
}

/** A person's yes (merge with `d.to`) or no (a new factor) to a near match. */
export function withAnswer(decisions: MergeDecisions, proposalId: string, answer: NearAnswer, d: FactorDecision): MergeDecisions {
  return { ...withFactor(decisions, proposalId, d), answers: new Map(decisions.answers).set(proposalId, answer) };
}

export function withWithdrawn(decisions: MergeDecisions, id: string, action: WithdrawnAction): MergeDecisions {
  return { ...decisions, withdrawn: new Map(decisions.withdrawn).set(id, action) };
}

/**
 * Every near match confirmed with its best candidate: for "accept all" in the review step,
 * and for tests. The HTTP route never calls this: it takes normalised matches only.
 */
export function acceptNear(plan: MergePlan, decisions: MergeDecisions): MergeDecisions {
  let out = decisions;
  for (const p of plan.factors) {
    const best = p.candidates[0];
    if (p.kind === 'near' && best && !decisions.factors.has(p.id)) out = withAnswer(out, p.id, 'yes', { to: best.id, label: best.label });
  }
  return out;
}

