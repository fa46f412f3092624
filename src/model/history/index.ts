/**
 * Who changed what: a history of recent changes with the person's name, and the notice when a
 * concurrent change replaced one of yours. Read from the document itself (each value carries
 * the Yjs client that wrote it) and named through presence by the caller.
 */
export { plainValue, type HistoryAction, type HistoryEntry, type HistoryKind, type HistoryValue } from './entry';
export { HistoryTracker, MAX_HISTORY_ENTRIES, type HistoryOptions } from './tracker';
export { reapplyReplaced, watchReplaced, type ReplacedChange, type ReplacedOptions } from './replaced';
export { EDITORS_ROOT, signDeletions } from './sign';
export { creatorOf, soleWriterOf, writerOfKey, writersOf } from './writers';
