/**
 * Systems analysis of a map: loops, key factors, focus and paths. Pure functions on plain
 * data (a MapSnapshot or { factors, links }), no Yjs, so the same code runs in the app, in a
 * Web Worker and in the relay's /analysis endpoint.
 */
export { analyse, type Analysis, type AnalyseOptions } from './analyse';
export {
  indexGraph, type AnalysisFactor, type AnalysisInput, type AnalysisLink, type IndexedGraph,
} from './graph';
export {
  byLengthThenId, canonicalLoopId, findLoops, loopKind,
  DEFAULT_LONGER_LOOP_BUDGET, DEFAULT_MAX_LOOP_LENGTH, DEFAULT_MAX_LOOPS,
  type Loop, type LoopKind, type LoopSearchOptions, type LoopSearchResult,
} from './loops';
export {
  drivers, factorMetrics, leverageCandidates, outcomes, type FactorMetrics, type RankOptions,
} from './metrics';
export { neighbourhood, type FocusDirection, type FocusOptions, type Neighbourhood } from './focus';
export {
  pathsBetween, DEFAULT_LONGER_PATH_BUDGET, DEFAULT_MAX_PATH_LENGTH, DEFAULT_MAX_PATHS,
  type Path, type PathSearchOptions, type PathSearchResult,
} from './paths';
