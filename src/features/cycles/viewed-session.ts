import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { createUndoManager, MapReader, RootWatcher } from '../../model';
import { createMapStore, sessionSlice, sliceOf, type AnySlice, type MapSession } from '../../session';
import { cyclesSlice, type Viewing } from './store';

/**
 * A read-only session on a document of its own (a snapshot, a comparison): canEdit false, no
 * connection, a store of its own whose cycles slice knows the live session (the cycles panel
 * opened inside it still acts on the live map), opening on the panel the live map had open.
 */
export function viewedSession(doc: Y.Doc, live: MapSession, slices: readonly AnySlice[]): MapSession {
  const store = createMapStore(slices);
  store.setState({ cycles: { ...sliceOf(store, cyclesSlice), live } });
  sliceOf(store, sessionSlice).setPanel(sliceOf(live.store, sessionSlice).panel);
  return {
    mapId: live.mapId, doc, canEdit: false, connection: null, store,
    awareness: new Awareness(doc),
    reader: new MapReader(doc),
    watcher: new RootWatcher(doc),
    undo: createUndoManager(doc),
  };
}

export function closeViewedSession(s: MapSession): void {
  s.reader.destroy();
  s.watcher.destroy();
  s.undo.destroy();
  s.awareness.destroy();
}

/** A Viewing, with the way to make and end the session it is shown through (see viewed.ts). */
export function viewingOf(v: Omit<Viewing, 'open' | 'close'>): Viewing {
  return { ...v, open: (live, slices) => viewedSession(v.doc, live, slices), close: closeViewedSession };
}
