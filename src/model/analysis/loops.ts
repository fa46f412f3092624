import type { Polarity } from '../schema';
import { boundedCycles, hasCycleLongerThan } from './cycles';
import { indexGraph, linkBetween, type AnalysisInput, type IndexedGraph } from './graph';
import { checkCount, ShortestFirst } from './shortest';

export type LoopKind = 'reinforcing' | 'balancing' | 'unknown';

/** A feedback loop: factors in causal order, links[i] going from factors[i] to the next. */
export interface Loop {
  readonly id: string;
  readonly factors: readonly string[];
  readonly links: readonly string[];
  readonly kind: LoopKind;
}

export interface LoopSearchOptions {
  /** Longest loop listed, in factors (= links). */
  maxLength?: number;
  /** Most loops listed; past it, the shortest are kept. */
  maxCount?: number;
  /** Edge visits allowed to decide whether loops longer than maxLength exist. */
  longerLoopBudget?: number;
}

export interface LoopSearchResult {
  /** Shortest first, then by id. */
  readonly loops: Loop[];
  /** True when loops were left out: more than maxCount, or longer than maxLength (or maybe). */
  readonly truncated: boolean;
}

export const DEFAULT_MAX_LOOP_LENGTH = 20;
export const DEFAULT_MAX_LOOPS = 5_000;
export const DEFAULT_LONGER_LOOP_BUDGET = 200_000;

/** Sign rule: a loop with an odd number of '-' links counteracts itself. */
export function loopKind(polarities: Iterable<Polarity>): LoopKind {
  let negatives = 0;
  for (const p of polarities) {
    if (p === '?') return 'unknown';
    if (p === '-') negatives++;
  }
  return negatives % 2 === 0 ? 'reinforcing' : 'balancing';
}

/**
 * The id of a loop whatever factor it was read from: rotated so the smallest factor id
 * comes first, joined with '>'. Readable, and stable while the loop's factors exist, so
 * notes keyed by it survive a link being redrawn.
 */
export function canonicalLoopId(factorIds: readonly string[]): string {
  let least = 0;
  factorIds.forEach((id, i) => {
    if (id < (factorIds[least] as string)) least = i;
  });
  return [...factorIds.slice(least), ...factorIds.slice(0, least)].join('>');
}

/**
 * A search whose bound starts far above the length at which loops pass maxCount wades through
 * long loops before the bound comes down (on a 300-factor map: 45 ms from 20, 13 ms from 12).
 * So the start bound climbs: a run that had to drop loops has the shortest maxCount, since
 * every loop it never saw is longer than its start; one that did not drop any is complete up
 * to its start, and the next start is tried.
 */
const FIRST_START = 8;
const START_STEP = 4;

function shortestCycles(g: IndexedGraph, maxLength: number, maxCount: number): ShortestFirst<number[]> {
  for (let start = Math.min(FIRST_START, maxLength); ; start = Math.min(start + START_STEP, maxLength)) {
    const keep = new ShortestFirst<number[]>(start, maxCount);
    boundedCycles(g.out, g.into, start, (cycle) => keep.add([...cycle], cycle.length));
    if (keep.truncated || start === maxLength) return keep;
  }
}

function toLoop(g: IndexedGraph, cycle: readonly number[]): Loop {
  const links = cycle.map((v, i) => linkBetween(g, v, cycle[(i + 1) % cycle.length] as number));
  const factors = cycle.map((v) => g.ids[v] as string);
  return {
    id: canonicalLoopId(factors),
    factors,
    links: links.map((l) => l.id),
    kind: loopKind(links.map((l) => l.polarity)),
  };
}

export function byLengthThenId(a: Loop, b: Loop): number {
  return a.factors.length - b.factors.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every feedback loop of the map, within the bounds. */
export function findLoops(input: AnalysisInput | IndexedGraph, opts: LoopSearchOptions = {}): LoopSearchResult {
  const g = 'out' in input ? input : indexGraph(input);
  const maxLength = checkCount(opts.maxLength ?? DEFAULT_MAX_LOOP_LENGTH, 'maxLength', 2);
  const maxCount = checkCount(opts.maxCount ?? DEFAULT_MAX_LOOPS, 'maxCount', 1);
  const budget = checkCount(opts.longerLoopBudget ?? DEFAULT_LONGER_LOOP_BUDGET, 'longerLoopBudget', 0);
  const found = shortestCycles(g, maxLength, maxCount);
  const loops = found.items().map((c) => toLoop(g, c)).sort(byLengthThenId);
  const truncated = found.truncated || hasCycleLongerThan(g.out, g.into, maxLength, budget) !== false;
  return { loops, truncated };
}
