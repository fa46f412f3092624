import * as Y from 'yjs';

/**
 * Rebuilds a document from its update log. A row that does not apply is reported and skipped,
 * so one damaged row cannot make a whole map unreadable. Returns how many rows failed.
 */
export function replayUpdates(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown = null): number {
  let failed = 0;
  doc.transact(() => {
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, u, origin);
      } catch {
        failed++;
      }
    }
  }, origin);
  return failed;
}
