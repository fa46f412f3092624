import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { MapReader, RootWatcher } from '../model';
import type { MapConnection } from '../sync';
import type { MapStore } from './store';

/**
 * Everything a component needs to read and change the open map. Made by useOpenMap when a map
 * opens and destroyed with it: nothing here outlives the map.
 */
export interface MapSession {
  readonly mapId: string;
  readonly doc: Y.Doc;
  readonly reader: MapReader;
  readonly undo: Y.UndoManager;
  readonly watcher: RootWatcher;
  /** Presence: cursors, selections, live drags, viewports. Exists even with no relay. */
  readonly awareness: Awareness;
  /** The relay connection; null for a map kept only on this device. */
  readonly connection: MapConnection | null;
  readonly canEdit: boolean;
  /** This map's session state (selection, panels, overlays, each feature's slice). */
  readonly store: MapStore;
}

export const MapContext = createContext<MapSession | null>(null);

export function useMapSession(): MapSession {
  const s = useContext(MapContext);
  if (!s) throw new Error('useMapSession outside a MapContext');
  return s;
}
