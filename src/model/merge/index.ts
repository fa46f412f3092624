/**
 * Merging mini-maps into a meta-map (issue 18): labels normalised and matched, a plan for a
 * person to review, the decided merge applied in one transaction with provenance, and a
 * mini-map merged again updating what came from it.
 */
export { normaliseLabel, labelTokens, contentTokens } from './normalise';
export { labelSimilarity, NEAR_MIN_SCORE } from './similarity';
export { LabelIndex, type Candidate, type IndexedLabel } from './label-index';
export {
  dropSource, MAX_SOURCES, readFactorSourceMap, readLinkSourceMap, sortedSources, sourceKey, SOURCES_FIELD,
  writeSource, type FactorSource, type LinkSource,
} from './provenance';
export { MERGE_MESSAGES_EN, MERGE_MESSAGES_FR, mergeIssue, mergeMessage, type MergeCode, type MergeIssue } from './messages';
export {
  NEAR_CANDIDATES, planMerge, type FactorProposal, type MatchKind, type MergeOptions, type MergePlan,
  type MergeSource, type PlanResult,
} from './plan';
export {
  acceptNear, allDecisions, answerOf, decisionFor, defaultDecision, NO_DECISIONS, withAnswer, withFactor, withPolarity,
  withWithdrawn, type FactorDecision, type MergeDecisions, type NearAnswer, type WithdrawnAction,
} from './decisions';
export {
  answerKey, answersFor, matchesOf, NO_ANSWERS, readAnswers, rememberAnswers, writeAnswers, type AnswerToRemember,
  type MatchAnswer, type RememberedAnswer, type SourceAnswers,
} from './answers';
export {
  NEW_PREFIX, previewFromState, previewMerge, type LinkKind, type LinkOutcome, type MergeCounts, type MergePreview,
  type WithdrawnElement,
} from './preview';
export { decideConflicts, type ConflictChoice } from './conflicts';
export { applyMerge, prepareMerge, writeMerge, type ApplyResult, type PreparedMerge, type PrepareResult } from './apply';
export { pairKey, readMetaState, type MetaState } from './meta-state';
export {
  matchFactors, type ConfirmedPair, type FactorMatching, type LabelledFactor, type NearPair,
} from './match-maps';
export {
  applyUnattended, mergeUnattended, type Suggestion, type UnattendedAnswer, type UnattendedConflict, type UnattendedResult,
} from './unattended';
export {
  consensusOf, contestedLinks, factorConsensus, groupCount, linksDrawnByAtLeast, type Consensus,
} from './consensus';
export {
  compareWithMap, comparisonOverlay, rememberedPairs, type ComparedFactor, type ComparedLink, type CompareMapsOptions,
  type ComparisonOverlay, type MapComparison, type Presence,
} from './compare-maps';
export {
  comparisonCsv, comparisonRows, tableWords, type ComparisonRow, type RowKind, type TableWords,
} from './compare-table';
