import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { change, createUndoManager, MapReader, metaOf, RootWatcher, SCHEMA_VERSION } from '../model';
import type { MapSession } from './MapContext';

/**
 * Opens a map: loads it from this device (IndexedDB) first, so it shows and accepts edits with
 * no network, then hands out a session. Everything is torn down when the page leaves the map.
 */
export function useOpenMap(mapId: string, canEdit: boolean): MapSession | null {
  const [session, setSession] = useState<MapSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`trame-map-${mapId}`, doc);
    let alive = true;
    let opened: MapSession | null = null;
    void local.whenSynced.then(() => {
      if (!alive) return;
      if (canEdit && !metaOf(doc).has('schemaVersion')) {
        change(doc, () => metaOf(doc).set('schemaVersion', SCHEMA_VERSION));
      }
      const undo = createUndoManager(doc);
      undo.clear();
      opened = { mapId, doc, reader: new MapReader(doc), watcher: new RootWatcher(doc), undo, canEdit };
      setSession(opened);
    });
    return () => {
      alive = false;
      opened?.reader.destroy();
      opened?.watcher.destroy();
      opened?.undo.destroy();
      void local.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [mapId, canEdit]);

  return session;
}
