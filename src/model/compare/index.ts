/**
 * Comparing two states of a map, or two maps: what was added, removed and changed, and which
 * loops appeared or disappeared. Parameterised by a Matching, so the cycles (snapshots of one
 * map, matched by id) and the merge's "Compare two maps" (matched by label) share it.
 *
 *   const diff = compareMaps(mapStateOf(cycle1Doc), mapStateOf(liveDoc));
 *   const diff = compareMaps(a, b, { matching: myLabelMatching(a, b) });
 */
export { compareMaps, type CompareOptions } from './diff';
export { matchById, matchThemes, themeIdentity } from './match';
export { overlayDoc } from './overlay-doc';
export { overlayOf, type DiffStatus, type Overlay, type OverlayFactor, type OverlayLink } from './overlay';
export {
  compareReport, type ChangedFactorRecord, type ChangedLinkRecord, type CompareReport, type FactorRecord,
  type LinkRecord, type LoopRecord,
} from './report';
export { mapStateOf } from './state';
export {
  FACTOR_FIELDS, isEmptyDiff, LINK_FIELDS, type FactorChange, type FactorField, type LinkChange,
  type LinkField, type LoopChange, type LoopRef, type LoopsDiff, type MapDiff, type MapState, type Matching,
} from './types';
