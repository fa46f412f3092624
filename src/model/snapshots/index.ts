/**
 * Snapshots of a map for action-research cycles: a named copy of the whole document state,
 * opened read-only, compared (../compare) and restored as a forward change.
 */
export {
  AUTO_REASONS, autoSnapshotName, captureState, cleanSnapshotName, MAX_SNAPSHOT_NAME_CHARS,
  type AutoReason, type CapturedState, type SnapshotInfo,
} from './snapshot';
export { openSnapshotState, type OpenedSnapshot } from './open';
export { restoreSnapshot } from './restore';
export { mirrorMap } from './mirror';
