import { indexGraph, linkBetween, type AnalysisInput, type IndexedGraph } from './graph';
import { checkCount } from './shortest';

export type FocusDirection = 'causes' | 'effects' | 'both';

export interface FocusOptions {
  /** Upstream (what leads to the factor), downstream (what it leads to), or both. */
  direction?: FocusDirection;
  /** Links followed from the factor (default 1; 0 is the factor alone). */
  depth?: number;
}

export interface Neighbourhood {
  readonly factors: Set<string>;
  /** The links followed: the causal chains reaching the factor or leaving it. */
  readonly links: Set<string>;
}

function walk(g: IndexedGraph, start: number, depth: number, upstream: boolean, into: Neighbourhood): void {
  const dist = new Map<number, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const w of (upstream ? g.into : g.out)[v] ?? []) {
        into.links.add(upstream ? linkBetween(g, w, v).id : linkBetween(g, v, w).id);
        if (dist.has(w)) continue;
        dist.set(w, d + 1);
        into.factors.add(g.ids[w] as string);
        next.push(w);
      }
    }
    frontier = next;
  }
}

/**
 * The factors within depth links of a factor, following links forward (effects), backward
 * (causes), or both ways separately: 'both' is causes and effects, not every factor within
 * depth links whatever their direction, which would mix in causes of effects. An unknown
 * factor (a peer deleted it meanwhile) gives empty sets.
 */
export function neighbourhood(input: AnalysisInput | IndexedGraph, factorId: string, opts: FocusOptions = {}): Neighbourhood {
  const g = 'out' in input ? input : indexGraph(input);
  const depth = checkCount(opts.depth ?? 1, 'depth', 0);
  const direction = opts.direction ?? 'both';
  if (direction !== 'causes' && direction !== 'effects' && direction !== 'both') {
    throw new RangeError(`direction must be 'causes', 'effects' or 'both' (got ${String(direction)})`);
  }
  const result: Neighbourhood = { factors: new Set(), links: new Set() };
  const start = g.indexOf.get(factorId);
  if (start === undefined) return result;
  result.factors.add(factorId);
  if (direction !== 'effects') walk(g, start, depth, true, result);
  if (direction !== 'causes') walk(g, start, depth, false, result);
  return result;
}
