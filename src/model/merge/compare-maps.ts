import { compareMaps, type MapDiff, type MapState } from '../compare';
import type { Factor, Link, Polarity } from '../schema';
import { answersFor, type RememberedAnswer } from './answers';
import { matchFactors, type ConfirmedPair, type FactorMatching } from './match-maps';
import { normaliseLabel } from './normalise';
import { sourceKey } from './provenance';
import { pairKey } from './meta-state';
import { placeAdded, type Position } from './place';

/**
 * "Comparer" (issue 18): this map and another, matched as a merge matches them (labels equal
 * after normalisation, and the near pairs a person confirmed). What is in both, only here,
 * only there, and the loops one has and the other not; built on the comparison of two map
 * states (src/model/compare), with `from` the other map and `to` this one, so "added" reads
 * "only here" and "removed" "only there".
 */
export type Presence = 'both' | 'here' | 'there';

export interface MapComparison {
  readonly matching: FactorMatching;
  readonly diff: MapDiff;
  readonly here: MapState;
  readonly there: MapState;
}

export interface CompareMapsOptions {
  readonly confirmed?: readonly ConfirmedPair[];
  /** Near pairs a person said are different: not offered again. */
  readonly refused?: readonly ConfirmedPair[];
  /** Leave loops out (a very large map): false. */
  readonly loops?: boolean;
}

/**
 * The answers this map remembers about the other map (answers.ts, by its title's source key)
 * as pairs of normalised labels, the other map's first: what compareWithMap takes.
 */
export function rememberedPairs(
  answers: readonly RememberedAnswer[], otherTitle: string, here: readonly Factor[],
): { confirmed: ConfirmedPair[]; refused: ConfirmedPair[] } {
  const label = new Map(here.map((f) => [f.id, normaliseLabel(f.label)]));
  const mine = answersFor(answers, sourceKey(otherTitle), new Set(label.keys()));
  const confirmed: ConfirmedPair[] = [...mine.same].map(([there, id]) => [there, label.get(id)!]);
  const refused: ConfirmedPair[] = [...mine.different].flatMap(([there, ids]) => [...ids].map((id) => [there, label.get(id)!] as const));
  return { confirmed, refused };
}

export function compareWithMap(here: MapState, there: MapState, options: CompareMapsOptions = {}): MapComparison {
  const matching = matchFactors(there.factors, here.factors, options.confirmed ?? [], options.refused ?? []);
  const diff = compareMaps(there, here, {
    matching: { factors: matching.pairs },
    ...(options.loops === false ? { loops: false } : {}),
  });
  return { matching, diff, here, there };
}

export interface ComparedFactor {
  /** Unique in the overlay: this map's id, or `there:<id>` for a factor only the other map has. */
  readonly key: string;
  readonly presence: Presence;
  /** This map's label, or the other's for a factor only there. */
  readonly label: string;
  /** The other map's label, when it differs (a near pair a person confirmed, another spelling). */
  readonly labelThere?: string;
  readonly position: Position;
}

export interface ComparedLink {
  readonly key: string;
  /** Keys of compared factors. */
  readonly source: string;
  readonly target: string;
  readonly presence: Presence;
  readonly polarity: Polarity;
  /** The other map's polarity, when both have the link and they differ. */
  readonly polarityThere?: Polarity;
}

export interface ComparisonOverlay {
  readonly factors: readonly ComparedFactor[];
  readonly links: readonly ComparedLink[];
  readonly counts: Record<Presence, { factors: number; links: number }>;
}

const THERE = 'there:';

/**
 * Both maps drawn on this one: its own factors where they are, and the other map's own factors
 * next to the factors they are linked to here (the other map's positions mean nothing on this
 * canvas), coloured by where they are found.
 */
export function comparisonOverlay(c: MapComparison): ComparisonOverlay {
  const { diff, here, there } = c;
  const thereToHere = new Map(diff.matching.factors);
  const onlyHere = new Set(diff.factors.added.map((f) => f.id));
  const thereLabel = new Map(there.factors.map((f) => [f.id, f.label]));
  const hereToThere = new Map([...thereToHere].map(([t, h]) => [h, t]));
  const factors: ComparedFactor[] = here.factors.map((f) => {
    if (onlyHere.has(f.id)) return { key: f.id, presence: 'here', label: f.label, position: { x: f.x, y: f.y } };
    const other = thereLabel.get(hereToThere.get(f.id) ?? '');
    return {
      key: f.id, presence: 'both', label: f.label, position: { x: f.x, y: f.y },
      ...(other !== undefined && other !== f.label ? { labelThere: other } : {}),
    };
  });
  const keyOfThere = (id: string) => thereToHere.get(id) ?? `${THERE}${id}`;
  const onlyThere: readonly Factor[] = diff.factors.removed;
  const neighbours = new Map<string, string[]>(onlyThere.map((f) => [f.id, []]));
  for (const l of there.links) {
    for (const [a, b] of [[l.source, l.target], [l.target, l.source]] as const) {
      const list = neighbours.get(a);
      if (list) list.push(keyOfThere(b));
    }
  }
  const placed = placeAdded(
    onlyThere.map((f) => ({ id: `${THERE}${f.id}`, neighbours: neighbours.get(f.id) ?? [] })),
    here.factors,
  );
  for (const f of onlyThere) {
    const key = `${THERE}${f.id}`;
    factors.push({ key, presence: 'there', label: f.label, position: placed.get(key)! });
  }

  const onlyHereLinks = new Set(diff.links.added.map((l) => l.id));
  const changed = new Map(diff.links.changed.map((ch) => [ch.to.id, ch.from]));
  const links: ComparedLink[] = here.links.map((l) => {
    const presence: Presence = onlyHereLinks.has(l.id) ? 'here' : 'both';
    const was = changed.get(l.id);
    return {
      key: l.id, source: l.source, target: l.target, presence, polarity: l.polarity,
      ...(was && was.polarity !== l.polarity ? { polarityThere: was.polarity } : {}),
    };
  });
  const seen = new Set(here.links.map((l) => pairKey(l.source, l.target)));
  for (const l of diff.links.removed as readonly Link[]) {
    const source = keyOfThere(l.source);
    const target = keyOfThere(l.target);
    if (source === target || seen.has(pairKey(source, target))) continue;
    seen.add(pairKey(source, target));
    links.push({ key: `${THERE}${l.id}`, source, target, presence: 'there', polarity: l.polarity });
  }
  const count = (p: Presence) => ({
    factors: factors.filter((f) => f.presence === p).length,
    links: links.filter((l) => l.presence === p).length,
  });
  return { factors, links, counts: { both: count('both'), here: count('here'), there: count('there') } };
}
