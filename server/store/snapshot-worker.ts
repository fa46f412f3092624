import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { installModel, metaOf, readSnapshot } from '../../src/model';
import { compareMaps, compareReport, mapStateOf, type CompareReport } from '../../src/model/compare';
import { exportGraphml, exportJsonText, exportLinksCsv } from '../../src/model/io';
import { captureState, openSnapshotState, restoreSnapshot } from '../../src/model/snapshots';
import { nodeParentPort, serveJobs, withTransfer } from '../../src/model/worker';

/**
 * The snapshot work that grows with a whole map, off the relay's event loop (the relay keeps
 * relaying every other workshop meanwhile): rebuilding the document from its log to capture
 * it, opening a stored state to export or compare it, and computing a restore as one change.
 * Started through snapshot-service.ts; plain data in and out.
 */
installModel();

export interface Captured {
  readonly state: Uint8Array;
  readonly factors: number;
  readonly links: number;
  readonly language: string;
}

/** A side of a comparison: a stored state, or the live map as its update log. */
export type StateSource = { readonly state: Uint8Array } | { readonly updates: readonly Uint8Array[] };

export type ExportKind = 'json' | 'csv' | 'graphml';

const unreadable = { ok: false, reason: 'unreadable' } as const;

/** Loop search bounds of a comparison (the app's are the same): loops of up to 8 factors, 500 a side. */
const COMPARE_LOOPS = { maxLength: 8, maxCount: 500 };

/** The log replayed into a document; a row that does not apply is skipped, as on load. */
function docOfUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, u);
      } catch {
        // As replayUpdates: one damaged row does not make the map unreadable.
      }
    }
  });
  return doc;
}

function open(source: StateSource): Y.Doc | null {
  if ('updates' in source) return docOfUpdates(source.updates);
  const opened = openSnapshotState(source.state);
  return opened.ok ? opened.doc : null;
}

function capture(doc: Y.Doc): Captured {
  const c = captureState(doc);
  const language = metaOf(doc).get('language');
  return { ...c, language: typeof language === 'string' ? language : 'fr' };
}

/**
 * The documents of the maps captured last, kept in this thread: a facilitator saves the same
 * map again and again, and rebuilding a large map from its log is most of a capture's cost.
 * A cached document is brought up to date with what its log has that it lacks (Yjs updates
 * commute, and compaction folds rows into an equivalent one), so it equals the rebuilt one.
 * Bounded by count and by size: a very large map is rebuilt each time rather than held.
 */
const MAX_CACHED_MAPS = 4;
const MAX_CACHED_STATE_BYTES = 4 * 1024 * 1024;
const cache = new Map<string, Y.Doc>();

function liveDoc(mapId: string, updates: readonly Uint8Array[]): { doc: Y.Doc; state: Uint8Array } {
  let merged: Uint8Array | null = null;
  try {
    merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[]);
  } catch {
    // A damaged row: rebuilt below, row by row, skipping it.
  }
  let doc = cache.get(mapId);
  cache.delete(mapId);
  // The merged log is the state when it applied whole; else the rebuilt document's encoding.
  let state: Uint8Array | null = null;
  if (doc && merged) {
    try {
      Y.applyUpdate(doc, Y.diffUpdate(merged, Y.encodeStateVector(doc)));
      if (doc.store.pendingStructs === null && doc.store.pendingDs === null) state = merged;
    } catch {
      doc.destroy();
      doc = undefined;
    }
  } else if (doc) {
    doc.destroy();
    doc = undefined;
  }
  doc ??= docOfUpdates(updates);
  state ??= Y.encodeStateAsUpdate(doc);
  if (state.byteLength <= MAX_CACHED_STATE_BYTES) {
    cache.set(mapId, doc);
    for (const [id, old] of cache) {
      if (cache.size <= MAX_CACHED_MAPS) break;
      cache.delete(id);
      old.destroy();
    }
  }
  return { doc, state };
}

export const snapshotJobs = {
  /** The live map's log as one full state, with what it shows. */
  capture({ mapId, updates }: { mapId: string; updates: Uint8Array[] }) {
    const { doc, state } = liveDoc(mapId, updates);
    try {
      const snap = readSnapshot(doc, () => undefined);
      const language = metaOf(doc).get('language');
      const c: Captured = {
        state, factors: snap.factors.length, links: snap.links.length, language: typeof language === 'string' ? language : 'fr',
      };
      return withTransfer(c, [c.state.buffer]);
    } finally {
      if (!cache.has(mapId)) doc.destroy();
    }
  },

  /** A stored state as a file, like the live exports; its title and language name the file. */
  export({ state, kind, excel, raw }: { state: Uint8Array; kind: ExportKind; excel?: boolean; raw?: boolean }) {
    const doc = open({ state });
    if (!doc) return unreadable;
    try {
      const body = kind === 'json' ? exportJsonText(doc) : kind === 'csv' ? exportLinksCsv(doc, { excel, raw }) : exportGraphml(doc);
      const meta = metaOf(doc);
      const title = meta.get('title');
      const language = meta.get('language');
      return {
        ok: true as const, body,
        title: typeof title === 'string' ? title : '', language: typeof language === 'string' ? language : 'fr',
      };
    } finally {
      doc.destroy();
    }
  },

  /** What changed from one side to the other, named by labels (compare/report.ts). */
  compare({ from, to }: { from: StateSource; to: StateSource }) {
    const a = open(from);
    const b = open(to);
    try {
      if (!a || !b) return { ...unreadable, side: !a ? 'from' : 'to' };
      const sa = mapStateOf(a);
      const sb = mapStateOf(b);
      const report: CompareReport = compareReport(sa, sb, compareMaps(sa, sb, { loops: COMPARE_LOOPS }));
      return { ok: true as const, report };
    } finally {
      a?.destroy();
      b?.destroy();
    }
  },

  /**
   * A restore computed on a copy of the live map: the change that makes it what the snapshot
   * shows (restoreSnapshot: one transaction, a forward change), and the live state it
   * replaces, to keep as an automatic snapshot first. The relay applies the change to the
   * room as any peer's change; edits made meanwhile merge with it as concurrent ones.
   */
  restore({ updates, state }: { updates: Uint8Array[]; state: Uint8Array }) {
    const opened = openSnapshotState(state);
    if (!opened.ok) return unreadable;
    const live = docOfUpdates(updates);
    try {
      const before = capture(live);
      const sv = Y.encodeStateVector(live);
      const diff = restoreSnapshot(live, opened.doc);
      const change = Y.encodeStateAsUpdate(live, sv);
      const counts = {
        factors: { added: diff.factors.added.length, removed: diff.factors.removed.length, changed: diff.factors.changed.length },
        links: { added: diff.links.added.length, removed: diff.links.removed.length, changed: diff.links.changed.length },
      };
      return withTransfer({ ok: true as const, before, change, counts }, [before.state.buffer, change.buffer]);
    } finally {
      live.destroy();
      opened.doc.destroy();
    }
  },
};

export type SnapshotJobs = typeof snapshotJobs;

if (parentPort) serveJobs(nodeParentPort(parentPort), snapshotJobs);
