import type * as Y from 'yjs';
import type { ParsedLink } from '../io/parsed';
import type { Polarity } from '../schema';
import { allDecisions, type FactorDecision, type MergeDecisions, type WithdrawnAction } from './decisions';
import { pairKey, readMetaState, type MetaState } from './meta-state';
import { mergeIssue, type MergeIssue } from './messages';
import type { MergePlan } from './plan';
import type { LinkSource } from './provenance';

/**
 * What a merge would do to the map as it is now, given the person's decisions: which links
 * match, which are added, where the polarities disagree, what came from this mini-map before
 * and is no longer in it. Computed again at each decision (links follow the factor matches)
 * and once more when the merge is applied, against the map as it is then: peers may have
 * edited it during the review.
 */
export type LinkKind = 'added' | 'matched' | 'self' | 'duplicate';

export interface LinkOutcome {
  /** Index in the mini-map's links. */
  readonly index: number;
  readonly link: ParsedLink;
  readonly kind: LinkKind;
  /** matched: the map's link. */
  readonly metaId?: string;
  readonly metaPolarity?: Polarity;
  /** matched, with + in one and − in the other: a person decides. */
  readonly conflict: boolean;
  /**
   * matched again: the link came from this mini-map, nobody changed its polarity in the map,
   * and the group changed theirs: the map follows.
   */
  readonly follows: boolean;
  /** matched: what this mini-map said about the link last time. */
  readonly previous?: LinkSource;
}

export interface WithdrawnElement {
  readonly kind: 'factor' | 'link';
  readonly id: string;
  /** A factor's label, or a link's "cause → effect". */
  readonly label: string;
  /** The merge of this mini-map created it and no other mini-map has it: removed by default. */
  readonly sole: boolean;
  readonly action: WithdrawnAction;
}

export interface MergePreview {
  readonly state: MetaState;
  /** By proposal id, defaults filled in; a match with a factor gone meanwhile is made new. */
  readonly decisions: ReadonlyMap<string, FactorDecision>;
  /** Mini-map factor key → the map's factor id, or `new:<proposal id>`. */
  readonly ends: ReadonlyMap<string, string>;
  readonly links: readonly LinkOutcome[];
  readonly conflicts: readonly LinkOutcome[];
  /** Conflicts without a decision: the merge cannot be applied while any remain. */
  readonly undecided: number;
  readonly withdrawn: readonly WithdrawnElement[];
  readonly counts: MergeCounts;
  readonly notices: readonly MergeIssue[];
  /** Nothing would be added or changed: every factor and link is already there. */
  readonly identical: boolean;
}

export interface MergeCounts {
  /** Factors of the mini-map merged into a factor of the map (proposals). */
  readonly matched: number;
  readonly added: number;
  /** Matched factors whose label the map changes. */
  readonly renamed: number;
  readonly linksMatched: number;
  readonly linksAdded: number;
  readonly conflicts: number;
  readonly selfLinks: number;
  readonly removedFactors: number;
  readonly removedLinks: number;
  /** Matches whose factor was deleted meanwhile, made new factors. */
  readonly targetsGone: number;
}

export const NEW_PREFIX = 'new:';

function opposite(a: Polarity, b: Polarity): boolean {
  return (a === '+' && b === '-') || (a === '-' && b === '+');
}

/**
 * @param state the map as read once for a review (a 5,000-factor map takes a while to read);
 *   pass it again while the map has not changed, read it afresh when it has
 */
export function previewMerge(
  doc: Y.Doc, plan: MergePlan, decisions: MergeDecisions, state: MetaState = readMetaState(doc),
): MergePreview {
  return previewFromState(state, plan, decisions);
}

/** The same, from the map as read into plain data: what the merge worker does. */
export function previewFromState(state: MetaState, plan: MergePlan, decisions: MergeDecisions): MergePreview {
  const { snap } = state;
  const key = plan.source.key;
  const chosen = allDecisions(plan, decisions);
  let targetsGone = 0;
  for (const [id, d] of chosen) {
    if (d.to !== null && !snap.factorById.has(d.to)) {
      chosen.set(id, { to: null, label: d.label });
      targetsGone++;
    }
  }
  const ends = new Map<string, string>();
  for (const p of plan.factors) {
    const to = chosen.get(p.id)!.to ?? `${NEW_PREFIX}${p.id}`;
    for (const k of p.keys) ends.set(k, to);
  }
  const targeted = new Set([...chosen.values()].flatMap((d) => (d.to === null ? [] : [d.to])));
  const renamed = plan.factors.filter((p) => {
    const d = chosen.get(p.id)!;
    return d.to !== null && snap.factorById.get(d.to)?.label !== d.label.trim();
  }).length;

  const links: LinkOutcome[] = [];
  const seen = new Set<string>();
  const matchedLinks = new Set<string>();
  plan.mini.links.forEach((link, index) => {
    const s = ends.get(link.source);
    const t = ends.get(link.target);
    const base = { index, link, conflict: false, follows: false };
    if (s === undefined || t === undefined) return;
    if (s === t) {
      links.push({ ...base, kind: 'self' });
      return;
    }
    const pair = pairKey(s, t);
    if (seen.has(pair)) {
      links.push({ ...base, kind: 'duplicate' });
      return;
    }
    seen.add(pair);
    const metaId = state.linkByPair.get(pair);
    if (metaId === undefined) {
      links.push({ ...base, kind: 'added' });
      return;
    }
    matchedLinks.add(metaId);
    const metaPolarity = state.linkById.get(metaId)!.polarity;
    const sources = state.linkSources.get(metaId);
    const previous = sources?.get(key);
    // What the group said before and says again is no news: the map's polarity stands,
    // whoever set it. Only a change of the group's mind is followed or shown.
    const news = previous === undefined || previous.polarity !== link.polarity;
    const follows = news && previous !== undefined && previous.added === true && sources!.size === 1
      && previous.polarity === metaPolarity;
    links.push({
      ...base, kind: 'matched', metaId, metaPolarity, previous, follows,
      conflict: news && !follows && opposite(metaPolarity, link.polarity),
    });
  });

  const withdrawn: WithdrawnElement[] = [];
  for (const [id, sources] of state.factorSources) {
    const mine = sources.get(key);
    if (!mine || targeted.has(id)) continue;
    const sole = mine.added === true && sources.size === 1;
    const action = decisions.withdrawn.get(id) ?? (sole ? 'remove' : 'keep');
    withdrawn.push({ kind: 'factor', id, label: snap.factorById.get(id)!.label, sole, action });
  }
  const removedFactors = new Set(withdrawn.filter((w) => w.action === 'remove').map((w) => w.id));
  for (const [id, sources] of state.linkSources) {
    const mine = sources.get(key);
    if (!mine || matchedLinks.has(id)) continue;
    const l = state.linkById.get(id)!;
    // Goes with its factor: nothing to decide.
    if (removedFactors.has(l.source) || removedFactors.has(l.target)) continue;
    const sole = mine.added === true && sources.size === 1;
    const action = decisions.withdrawn.get(id) ?? (sole ? 'remove' : 'keep');
    const label = `${snap.factorById.get(l.source)!.label} → ${snap.factorById.get(l.target)!.label}`;
    withdrawn.push({ kind: 'link', id, label, sole, action });
  }

  const conflicts = links.filter((l) => l.conflict);
  const undecided = conflicts.filter((l) => !decisions.polarities.has(l.metaId!)).length;
  const count = (kind: LinkKind) => links.filter((l) => l.kind === kind).length;
  const added = [...chosen.values()].filter((d) => d.to === null).length;
  const counts: MergeCounts = {
    matched: plan.factors.length - added,
    added,
    renamed,
    linksMatched: count('matched'),
    linksAdded: count('added'),
    conflicts: conflicts.length,
    selfLinks: count('self'),
    removedFactors: removedFactors.size,
    removedLinks: withdrawn.filter((w) => w.kind === 'link' && w.action === 'remove').length,
    targetsGone,
  };
  const changesPolarity = links.some((l) => l.follows || (l.conflict && decisions.polarities.get(l.metaId!) !== l.metaPolarity));
  const identical = added === 0 && renamed === 0 && counts.linksAdded === 0 && withdrawn.length === 0 && !changesPolarity;
  const notices: MergeIssue[] = [...plan.notices];
  if (identical) notices.push(mergeIssue('merge.identical', { factors: plan.mini.factors.length, links: plan.mini.links.length }));
  if (conflicts.length > 0) notices.push(mergeIssue('merge.conflicts', { count: conflicts.length }));
  if (counts.selfLinks > 0) notices.push(mergeIssue('merge.selfLinks', { count: counts.selfLinks }));
  if (targetsGone > 0) notices.push(mergeIssue('merge.targetGone', { count: targetsGone }));
  return {
    state, decisions: chosen, ends, links, conflicts, undecided, withdrawn, counts, notices, identical,
  };
}
