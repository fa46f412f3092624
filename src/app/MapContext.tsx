import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { MapReader, MapSnapshot, RootWatcher } from '../model';
import type { MapConnection } from '../sync';

/** Everything a component needs to read and change the open map. */
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

/**
 * Reads one root map (themes, stories, votes…) through the document's single watcher; `read`
 * runs again only after a transaction touched that root. `read` must validate (peer data).
 */
export function useRoot<T>(root: string, read: (doc: Y.Doc) => T): T {
  const { doc, watcher } = useMapSession();
  const cache = useRef<{ version: number; value: T; read: (doc: Y.Doc) => T } | null>(null);
  return useSyncExternalStore(
    (cb) => watcher.subscribe(root, cb),
    () => {
      const version = watcher.version(root);
      const c = cache.current;
      if (c && c.version === version && c.read === read) return c.value;
      const value = read(doc);
      cache.current = { version, value, read };
      return value;
    },
  );
}
