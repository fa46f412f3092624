import { createContext, useContext, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { MapReader, MapSnapshot } from '../model';

/** Everything a component needs to read and change the open map. */
export interface MapSession {
  readonly mapId: string;
  readonly doc: Y.Doc;
  readonly reader: MapReader;
  readonly undo: Y.UndoManager;
  readonly canEdit: boolean;
}

export const MapContext = createContext<MapSession | null>(null);

export function useMapSession(): MapSession {
  const s = useContext(MapContext);
  if (!s) throw new Error('useMapSession outside a MapContext');
  return s;
}

/** The one subscription from React to the document: a validated snapshot per transaction. */
export function useSnapshot(): MapSnapshot {
  const { reader } = useMapSession();
  return useSyncExternalStore(
    (cb) => reader.subscribe(cb),
    () => reader.current,
  );
}
