import type { AnalyseOptions, AnalysisInput, PathSearchOptions } from '../../model/analysis';

/** What the app asks of its analysis worker (analysis.worker.ts): plain data (structured clone). */
export type Job =
  | { readonly kind: 'analyse'; readonly input: AnalysisInput; readonly opts: AnalyseOptions }
  | {
    readonly kind: 'paths'; readonly input: AnalysisInput;
    readonly from: string; readonly to: string; readonly opts: PathSearchOptions;
  };

export type AnalyseJob = Extract<Job, { kind: 'analyse' }>;
export type PathsJob = Extract<Job, { kind: 'paths' }>;
