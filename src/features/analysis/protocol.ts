import type {
  AnalyseOptions, Analysis, AnalysisInput, PathSearchOptions, PathSearchResult,
} from '../../model/analysis';

/** What the app asks of its analysis worker: plain data both ways (structured clone). */
export type Job =
  | { readonly kind: 'analyse'; readonly input: AnalysisInput; readonly opts: AnalyseOptions }
  | {
    readonly kind: 'paths'; readonly input: AnalysisInput;
    readonly from: string; readonly to: string; readonly opts: PathSearchOptions;
  };

export interface JobResults {
  analyse: Analysis;
  paths: PathSearchResult;
}

export type Request = Job & { readonly id: number };

export type Reply =
  | { readonly id: number; readonly ok: true; readonly result: JobResults[Job['kind']] }
  | { readonly id: number; readonly ok: false; readonly error: string };
