import * as Y from 'yjs';
import { compareMaps, mapStateOf, overlayDoc, overlayOf, type DiffStatus } from '../../model/compare';
import { openSnapshotState } from '../../model/snapshots';
import { snapshotState, SnapshotApiError, type SnapshotItem } from './api';
import { pairOf } from './pair';
import type { Viewing } from './store';
import { viewingOf } from './viewed-session';

/** Loop search bounds for a comparison in the browser: enough for a workshop's map. */
const COMPARE_LOOPS = { maxLength: 8, maxCount: 500 };

/** A snapshot's stored state as a document of its own, or SnapshotApiError 'unreadable'. */
export async function openSnapshot(mapId: string, item: SnapshotItem): Promise<Y.Doc> {
  const opened = openSnapshotState(await snapshotState(mapId, item.id));
  if (!opened.ok) throw new SnapshotApiError(422, 'snapshot-unreadable');
  return opened.doc;
}

export async function snapshotViewing(mapId: string, item: SnapshotItem): Promise<Viewing> {
  return viewingOf({ kind: 'snapshot', doc: await openSnapshot(mapId, item), name: item.name, createdAt: item.createdAt });
}

/**
 * Two states as one map: `to` with what `from` had and lost, each element keyed as the
 * overlay keys it, with its status for the colours. `to` null is the live map, read now.
 */
export async function compareViewing(
  mapId: string, from: SnapshotItem, to: SnapshotItem | null, live: Y.Doc, nowName: string,
): Promise<Viewing> {
  const fromDoc = await openSnapshot(mapId, from);
  const toDoc = to ? await openSnapshot(mapId, to) : live;
  const toName = to?.name ?? nowName;
  let kept = false;
  try {
    const toState = mapStateOf(toDoc);
    const fromState = mapStateOf(fromDoc);
    const diff = compareMaps(fromState, toState, { loops: COMPARE_LOOPS });
    // Every factor's name, for the table's links and loops (most of them are unchanged).
    const labels = new Map([...fromState.factors, ...toState.factors].map((f) => [f.id, f.label]));
    const overlay = overlayOf(toState, diff);
    const factorStatus = new Map<string, DiffStatus>(overlay.factors.map((f) => [f.key, f.status]));
    const linkStatus = new Map<string, DiffStatus>(overlay.links.map((l) => [l.key, l.status]));
    const doc = overlayDoc(toDoc, overlay);
    // The two states side by side: the snapshots' own documents (opened for this comparison
    // only), the live map copied as it is now, like the overlay.
    const pair = pairOf(diff, toState, { doc: fromDoc, name: from.name }, { doc: toDoc === live ? copyOf(live) : toDoc, name: toName });
    kept = true;
    return viewingOf({
      kind: 'compare', doc, name: `${from.name} → ${toName}`,
      factorStatus, linkStatus, diff, labels, fromName: from.name, toName, pair,
    });
  } finally {
    if (!kept) {
      fromDoc.destroy();
      if (toDoc !== live) toDoc.destroy();
    }
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
