import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createUndoManager, MapReader, RootWatcher } from '../model';
import { connectMap, localDbName, type MapConnection } from '../sync';
import type { MapSession } from './context';
import { createMapStore, type AnySlice } from './store';

export interface OpenMapArgs {
  mapId: string;
  /** null for a map kept only on this device (created while the relay was unreachable). */
  token: string | null;
  canEdit: boolean;
  /**
   * The slices of the map's store (src/app/wiring.ts lists them). Read once when the map
   * opens: a new store is made for every map opened.
   */
  slices: readonly AnySlice[];
}

/**
 * Opens a map: this device's copy first (IndexedDB), so it shows and accepts edits with no
 * network, then the relay. Everything is torn down when the page leaves the map.
 */
export function useOpenMap({ mapId, token, canEdit, slices }: OpenMapArgs): MapSession | null {
  const [session, setSession] = useState<MapSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    let alive = true;
    let opened: MapSession | null = null;
    let connection: MapConnection | null = null;
    let local: IndexeddbPersistence | null = null;
    let awareness: Awareness;
    let ready: Promise<unknown>;
    if (token) {
      connection = connectMap(doc, { mapId, token });
      awareness = connection.awareness;
      ready = connection.whenLocalReady;
    } else {
      local = new IndexeddbPersistence(localDbName(mapId), doc);
      awareness = new Awareness(doc);
      ready = local.whenSynced;
    }
    void ready.then(() => {
      if (!alive) return;
      opened = {
        mapId, doc, canEdit, awareness, connection,
        reader: new MapReader(doc),
        watcher: new RootWatcher(doc),
        undo: createUndoManager(doc),
        store: createMapStore(slices),
      };
      setSession(opened);
    });
    return () => {
      alive = false;
      opened?.reader.destroy();
      opened?.watcher.destroy();
      opened?.undo.destroy();
      if (connection) void connection.destroy();
      else {
        awareness.destroy();
        void local?.destroy();
      }
      doc.destroy();
      setSession(null);
    };
    // The slices are the app's constant list: a new list must not reopen the map.
  }, [mapId, token, canEdit]); // eslint-disable-line react-hooks/exhaustive-deps

  return session;
}
