import type * as Y from 'yjs';
import { compareMaps, mapStateOf, overlayDoc, overlayOf, type DiffStatus } from '../../model/compare';
import { openSnapshotState } from '../../model/snapshots';
import { snapshotState, SnapshotApiError, type SnapshotItem } from './api';
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
  try {
    const toState = mapStateOf(toDoc);
    const diff = compareMaps(mapStateOf(fromDoc), toState, { loops: COMPARE_LOOPS });
    const overlay = overlayOf(toState, diff);
    const factorStatus = new Map<string, DiffStatus>(overlay.factors.map((f) => [f.key, f.status]));
    const linkStatus = new Map<string, DiffStatus>(overlay.links.map((l) => [l.key, l.status]));
    return viewingOf({
      kind: 'compare', doc: overlayDoc(toDoc, overlay), name: `${from.name} → ${to?.name ?? nowName}`,
      factorStatus, linkStatus, diff, fromName: from.name, toName: to?.name ?? nowName,
    });
  } finally {
    fromDoc.destroy();
    if (toDoc !== live) toDoc.destroy();
  }
}
