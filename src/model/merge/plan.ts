import * as Y from 'yjs';
import type { ParsedMap } from '../io/parsed';
import { MAX_LABEL_CHARS } from '../schema';
import { answersFor, type MatchAnswer } from './answers';
import { LabelIndex, type Candidate } from './label-index';
import { readMetaState, type MetaState } from './meta-state';
import { mergeIssue, type MergeIssue } from './messages';
import { normaliseLabel } from './normalise';
import { labelSimilarity } from './similarity';
import { sourceKey, type FactorSource } from './provenance';

/**
 * The review step's data: for each factor of the mini-map, what it is proposed to become in
 * the open map. Nothing is written here; applyMerge writes what a person decided.
 *
 * - `again`: the factor came from this same mini-map at an earlier merge (found by its id in
 *   the mini-map file, or by the label the group gave it then): merging again updates it.
 * - `same`: a factor of the map has the same label after normalisation.
 * - `near`: factors of the map with a similar label, best first, with their score; only a
 *   person's yes merges them. A yes or a no given at an earlier merge of this mini-map is
 *   remembered (answers.ts): a yes comes back as the decision (`remembered: 'same'`), refused
 *   factors are not proposed again (`remembered: 'different'`, and `new` when none is left).
 * - `new`: nothing alike; added.
 * Factors of the mini-map that are the same after normalisation ("Insécurité", "insecurite")
 * are one proposal: they become one factor.
 */
export type MatchKind = 'again' | 'same' | 'near' | 'new';

export interface FactorProposal {
  /** The proposal's id: the key of its first factor in the mini-map. */
  readonly id: string;
  /** Keys of the mini-map factors it stands for (usually one). */
  readonly keys: readonly string[];
  readonly label: string;
  /** Other labels of the mini-map that normalise to the same. */
  readonly variants: readonly string[];
  readonly normalised: string;
  readonly kind: MatchKind;
  /** again and same: the factor(s) it matches (score 100); near: the best near labels. */
  readonly candidates: readonly Candidate[];
  /** again: what this mini-map said about the factor last time. */
  readonly previous?: FactorSource;
  /**
   * What a person answered about this label at an earlier merge of this mini-map: `same`, the
   * first candidate is the factor they confirmed; `different`, they refused some factors, which
   * are left out of the candidates.
   */
  readonly remembered?: MatchAnswer;
  /** `different`: how many of the map's factors a person refused for this label. */
  readonly refusedBefore?: number;
}

export interface MergeSource {
  /** The mini-map's title, recorded in provenance. */
  readonly title: string;
  /** sourceKey(title): the key of its entries in `sources`. */
  readonly key: string;
}

export interface MergePlan {
  readonly source: MergeSource;
  readonly mini: ParsedMap;
  readonly factors: readonly FactorProposal[];
  /** Mini-map key → the proposal it belongs to. */
  readonly proposalOf: ReadonlyMap<string, string>;
  /** How many factors of the map came from this mini-map before (0: a first merge). */
  readonly previousFactors: number;
  readonly notices: readonly MergeIssue[];
}

export interface MergeOptions {
  readonly title: string;
  /** The two maps' ids on the relay, when known: a map merged into itself is refused. */
  readonly sourceMapId?: string;
  readonly targetMapId?: string;
}

export type PlanResult = { ok: true; plan: MergePlan } | { ok: false; errors: MergeIssue[] };

/** Near candidates shown per factor. */
export const NEAR_CANDIDATES = 3;

interface Group {
  keys: string[];
  labels: string[];
  normalised: string;
}

function groupFactors(mini: ParsedMap): Group[] {
  const byKey = new Map<string, Group>();
  const groups: Group[] = [];
  for (const f of mini.factors) {
    const label = f.label.trim().slice(0, MAX_LABEL_CHARS);
    const normalised = normaliseLabel(label);
    const same = normalised === '' ? undefined : byKey.get(normalised);
    if (same) {
      same.keys.push(f.key);
      if (!same.labels.includes(label)) same.labels.push(label);
      continue;
    }
    const g: Group = { keys: [f.key], labels: [label], normalised };
    groups.push(g);
    if (normalised !== '') byKey.set(normalised, g);
  }
  return groups;
}

/** Factors of the map that came from this mini-map, by their key in it and by their label then. */
function previousOf(state: MetaState, key: string) {
  const byKey = new Map<string, { id: string; source: FactorSource }>();
  const byLabel = new Map<string, { id: string; source: FactorSource }>();
  for (const [id, sources] of state.factorSources) {
    const source = sources.get(key);
    if (!source) continue;
    if (source.key !== undefined && !byKey.has(source.key)) byKey.set(source.key, { id, source });
    const n = normaliseLabel(source.label);
    if (n !== '' && !byLabel.has(n)) byLabel.set(n, { id, source });
  }
  return { byKey, byLabel, count: [...state.factorSources.values()].filter((s) => s.has(key)).length };
}

/**
 * A Trame file of this very map (its export, or a copy): every factor has the id and the
 * label of one of the map's. Files from other maps never share ids with it (merged factors
 * get new ids), so this does not catch a mini-map that merely uses the same words.
 */
function isThisMap(state: MetaState, mini: ParsedMap): boolean {
  return mini.keepIds && mini.factors.length > 0 && mini.factors.every((f) => {
    const mine = state.snap.factorById.get(f.key);
    return mine !== undefined && normaliseLabel(mine.label) === normaliseLabel(f.label);
  });
}

const byLabelThenId = (a: Candidate, b: Candidate) => a.label.localeCompare(b.label, 'fr') || (a.id < b.id ? -1 : 1);

/**
 * @param target the open map, or the map as read by readMetaState: plain data, so a plan for a
 *   5,000-factor mini-map can be made in a worker while the page stays responsive
 */
export function planMerge(target: Y.Doc | MetaState, mini: ParsedMap, options: MergeOptions): PlanResult {
  const title = options.title.trim().slice(0, MAX_LABEL_CHARS);
  if (options.sourceMapId !== undefined && options.sourceMapId === options.targetMapId) {
    return { ok: false, errors: [mergeIssue('merge.self')] };
  }
  if (sourceKey(title) === '') return { ok: false, errors: [mergeIssue('merge.noTitle')] };
  if (mini.factors.length === 0) return { ok: false, errors: [mergeIssue('merge.empty')] };
  const groups = groupFactors(mini);
  const unnamed = groups.filter((g) => g.normalised === '');
  if (unnamed.length === groups.length) {
    return { ok: false, errors: [mergeIssue('merge.noLabels', { count: mini.factors.length })] };
  }

  const state = target instanceof Y.Doc ? readMetaState(target) : target;
  if (isThisMap(state, mini)) return { ok: false, errors: [mergeIssue('merge.self')] };
  const key = sourceKey(title);
  const previous = previousOf(state, key);
  const index = new LabelIndex(state.snap.factors);
  const answers = answersFor(state.answers, key, new Set(state.snap.factorById.keys()));
  const claimed = new Set<string>();
  const factors: FactorProposal[] = [];
  const proposalOf = new Map<string, string>();

  for (const g of groups) {
    const id = g.keys[0]!;
    const base = { id, keys: g.keys, label: g.labels[0]!, variants: g.labels.slice(1), normalised: g.normalised };
    for (const k of g.keys) proposalOf.set(k, id);
    const before = g.keys.map((k) => previous.byKey.get(k)).find((p) => p && !claimed.has(p.id))
      ?? (() => {
        const p = previous.byLabel.get(g.normalised);
        return p && !claimed.has(p.id) ? p : undefined;
      })();
    const metaFactor = before ? state.snap.factorById.get(before.id) : undefined;
    if (before && metaFactor) {
      claimed.add(before.id);
      factors.push({
        ...base, kind: 'again', previous: before.source,
        candidates: [{ id: metaFactor.id, label: metaFactor.label, score: 100 }],
      });
      continue;
    }
    const same = index.same(g.normalised).filter((f) => !claimed.has(f.id));
    if (same.length > 0) {
      factors.push({ ...base, kind: 'same', candidates: same.map((f) => ({ id: f.id, label: f.label, score: 100 })).sort(byLabelThenId) });
      continue;
    }
    const refused = answers.different.get(g.normalised);
    const near = index.near(g.normalised, NEAR_CANDIDATES + (refused?.size ?? 0))
      .filter((c) => !refused?.has(c.id));
    const yes = answers.same.get(g.normalised);
    const confirmed = yes === undefined ? undefined : state.snap.factorById.get(yes);
    if (confirmed) {
      const first = { id: confirmed.id, label: confirmed.label, score: labelSimilarity(g.normalised, normaliseLabel(confirmed.label)) };
      const rest = near.filter((c) => c.id !== confirmed.id).slice(0, NEAR_CANDIDATES - 1);
      factors.push({ ...base, kind: 'near', remembered: 'same', candidates: [first, ...rest] });
      continue;
    }
    const shown = near.slice(0, NEAR_CANDIDATES);
    factors.push({
      ...base, kind: shown.length > 0 ? 'near' : 'new', candidates: shown,
      ...(refused ? { remembered: 'different' as const, refusedBefore: refused.size } : {}),
    });
  }

  const notices: MergeIssue[] = [];
  if (previous.count > 0) notices.push(mergeIssue('merge.again', { title, count: previous.count }));
  if (unnamed.length > 0) {
    notices.push(mergeIssue('merge.unnamed', { count: unnamed.length, example: unnamed[0]!.labels[0]! }));
  }
  return {
    ok: true,
    plan: { source: { title, key }, mini, factors, proposalOf, previousFactors: previous.count, notices },
  };
}
