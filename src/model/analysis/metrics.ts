import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import type { IndexedGraph } from './graph';
import type { Loop } from './loops';

/** One factor's place in the structure of the map. */
export interface FactorMetrics {
  readonly id: string;
  readonly label: string;
  /** Links into the factor: its direct causes. */
  readonly inDegree: number;
  /** Links out of the factor: its direct effects. */
  readonly outDegree: number;
  /**
   * Share of the shortest causal chains between two other factors that pass through this
   * one, normalised to 0–1 by (n−1)(n−2) so maps of different sizes compare.
   */
  readonly betweenness: number;
  /** Listed loops through the factor (a lower bound when the loop list is truncated). */
  readonly loopCount: number;
}

/**
 * Brandes' algorithm from graphology-metrics (indexed, typed arrays): O(n·m), a few tens of
 * milliseconds on a thousand-factor map. Unweighted on purpose: strength is a workshop's
 * judgement of one link, not a distance.
 */
function betweenness(g: IndexedGraph): Float64Array {
  // Nothing lies between two factors of a map of two; graphology refuses an empty graph.
  if (g.ids.length < 3) return new Float64Array(g.ids.length);
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  g.ids.forEach((id) => graph.addNode(id));
  g.out.forEach((targets, v) => {
    for (const w of targets) graph.addDirectedEdge(g.ids[v] as string, g.ids[w] as string);
  });
  const byId = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  return Float64Array.from(g.ids, (id) => byId[id] ?? 0);
}

export function factorMetrics(g: IndexedGraph, loops: readonly Loop[]): FactorMetrics[] {
  const loopCount = new Map<string, number>();
  for (const loop of loops) {
    for (const id of loop.factors) loopCount.set(id, (loopCount.get(id) ?? 0) + 1);
  }
  const between = betweenness(g);
  return g.ids.map((id, v) => ({
    id,
    label: g.labels[v] as string,
    inDegree: g.into[v]?.length ?? 0,
    outDegree: g.out[v]?.length ?? 0,
    betweenness: between[v] ?? 0,
    loopCount: loopCount.get(id) ?? 0,
  }));
}

export interface RankOptions {
  /** At most this many factors (default 5). */
  limit?: number;
}

function top(ranked: FactorMetrics[], limit = 5): FactorMetrics[] {
  return ranked.slice(0, Math.max(0, limit));
}

const byLabel = (a: FactorMetrics, b: FactorMetrics): number => a.label.localeCompare(b.label);

/**
 * Drivers: factors that cause more than they are caused, by effects minus causes, then the
 * one with fewer causes first: with one effect more each, a factor nothing in the map causes
 * is more plainly a driver than one with several causes.
 */
export function drivers(factors: readonly FactorMetrics[], opts: RankOptions = {}): FactorMetrics[] {
  return top(
    factors
      .filter((f) => f.outDegree > f.inDegree)
      .sort((a, b) => (b.outDegree - b.inDegree) - (a.outDegree - a.inDegree) || a.inDegree - b.inDegree || byLabel(a, b)),
    opts.limit,
  );
}

/** Outcomes: the reverse of drivers, where many causal chains end. */
export function outcomes(factors: readonly FactorMetrics[], opts: RankOptions = {}): FactorMetrics[] {
  return top(
    factors
      .filter((f) => f.inDegree > f.outDegree)
      .sort((a, b) => (b.inDegree - b.outDegree) - (a.inDegree - a.outDegree) || a.outDegree - b.outDegree || byLabel(a, b)),
    opts.limit,
  );
}

/**
 * Leverage candidates: the factors most loops pass through, since acting on one of them
 * touches every dynamic it is part of; betweenness breaks ties.
 */
export function leverageCandidates(factors: readonly FactorMetrics[], opts: RankOptions = {}): FactorMetrics[] {
  return top(
    factors
      .filter((f) => f.loopCount > 0)
      .sort((a, b) => b.loopCount - a.loopCount || b.betweenness - a.betweenness || byLabel(a, b)),
    opts.limit,
  );
}
