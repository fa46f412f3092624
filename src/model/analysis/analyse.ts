import { indexGraph, type AnalysisInput } from './graph';
import { findLoops, type Loop, type LoopSearchOptions } from './loops';
import { factorMetrics, type FactorMetrics } from './metrics';

/**
 * The systems analysis of a map, exactly the JSON body of GET /api/maps/<id>/analysis: plain
 * data, so it can equally be computed in a Web Worker and posted back.
 */
export interface Analysis {
  loops: Loop[];
  loopsTruncated: boolean;
  factors: FactorMetrics[];
}

export type AnalyseOptions = LoopSearchOptions;

export function analyse(input: AnalysisInput, opts: AnalyseOptions = {}): Analysis {
  const g = indexGraph(input);
  const { loops, truncated } = findLoops(g, opts);
  return { loops, loopsTruncated: truncated, factors: factorMetrics(g, loops) };
}
