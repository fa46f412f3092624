import { LabelIndex, type Candidate } from './label-index';
import { normaliseLabel } from './normalise';

/**
 * Which factor of one map is which factor of another, with the merge's matching: for
 * comparing two maps ("Comparer", issue 18), where the comparison (src/model/compare) is told
 * how elements correspond. Labels equal after normalisation match; near labels are offered
 * for a person to confirm, and the pairs a person confirmed (remembered as normalised labels,
 * which survive a re-export with fresh ids) match from then on.
 */
export interface LabelledFactor {
  readonly id: string;
  readonly label: string;
}

export interface NearPair {
  readonly left: string;
  readonly right: string;
  readonly score: number;
}

export interface FactorMatching {
  /** Left id → right id, one to one. */
  readonly pairs: ReadonlyMap<string, string>;
  /** How each pair was made. */
  readonly how: ReadonlyMap<string, 'same' | 'confirmed'>;
  /** Unmatched left factors with the best unmatched right one, best first: for a person to confirm. */
  readonly near: readonly NearPair[];
}

/** A pair a person confirmed, by normalised labels (normaliseLabel). */
export type ConfirmedPair = readonly [left: string, right: string];

/**
 * @param refused pairs a person said are not the same: never offered again as near
 */
export function matchFactors(
  left: readonly LabelledFactor[],
  right: readonly LabelledFactor[],
  confirmed: readonly ConfirmedPair[] = [],
  refused: readonly ConfirmedPair[] = [],
): FactorMatching {
  const pairs = new Map<string, string>();
  const how = new Map<string, 'same' | 'confirmed'>();
  const taken = new Set<string>();
  const leftKey = new Map(left.map((f) => [f.id, normaliseLabel(f.label)]));
  const index = new LabelIndex(right);
  const pair = (l: string, r: string, kind: 'same' | 'confirmed') => {
    pairs.set(l, r);
    how.set(l, kind);
    taken.add(r);
  };

  const wanted = new Map(confirmed.map(([l, r]) => [l, r]));
  for (const f of left) {
    const r = wanted.get(leftKey.get(f.id)!);
    const to = r === undefined ? undefined : index.same(r).find((c) => !taken.has(c.id));
    if (to) pair(f.id, to.id, 'confirmed');
  }
  for (const f of left) {
    if (pairs.has(f.id)) continue;
    const to = index.same(leftKey.get(f.id)!).find((c) => !taken.has(c.id));
    if (to) pair(f.id, to.id, 'same');
  }
  const no = new Set(refused.map(([l, r]) => `${l}\u0000${r}`));
  const near: NearPair[] = [];
  for (const f of left) {
    if (pairs.has(f.id)) continue;
    const key = leftKey.get(f.id)!;
    const best: Candidate | undefined = index.near(key, 5)
      .find((c) => !taken.has(c.id) && !no.has(`${key}\u0000${normaliseLabel(c.label)}`));
    if (best) near.push({ left: f.id, right: best.id, score: best.score });
  }
  near.sort((a, b) => b.score - a.score || (a.left < b.left ? -1 : 1));
  return { pairs, how, near };
}
