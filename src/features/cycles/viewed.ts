import { useEffect, useMemo } from 'react';
import { Awareness } from 'y-protocols/awareness';
import { createUndoManager, MapReader, RootWatcher } from '../../model';
import {
  createMapStore, sessionSlice, sliceOf, useSlice, type AnySlice, type MapSession,
} from '../../session';
import { cyclesSlice } from './store';

/**
 * The session a snapshot or a comparison is shown through: the same canvas and panels as the
 * live map (loops, key factors, export…), on a document connected to nothing and with no
 * editing (canEdit false). Made when the user opens one and destroyed when they go back; the
 * app shows it in place of the live map. Its store knows the live session, so the cycles panel
 * opened inside it still acts on the live map.
 */
export function useViewedSession(live: MapSession, slices: readonly AnySlice[]): MapSession | null {
  const viewing = useSlice(cyclesSlice, (s) => s.viewing);
  const session = useMemo<MapSession | null>(() => {
    if (!viewing) return null;
    const doc = viewing.doc;
    const store = createMapStore(slices);
    sliceOf(store, cyclesSlice).view(null);
    store.setState({ cycles: { ...sliceOf(store, cyclesSlice), live, viewing } });
    sliceOf(store, sessionSlice).setPanel(sliceOf(live.store, sessionSlice).panel);
    return {
      mapId: live.mapId, doc, canEdit: false, connection: null, store,
      awareness: new Awareness(doc),
      reader: new MapReader(doc),
      watcher: new RootWatcher(doc),
      undo: createUndoManager(doc),
    };
  }, [viewing, live, slices]);
  useEffect(() => () => {
    if (!session) return;
    session.reader.destroy();
    session.watcher.destroy();
    session.undo.destroy();
    session.awareness.destroy();
  }, [session]);
  return session;
}
