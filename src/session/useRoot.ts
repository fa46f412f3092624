import { useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useMapSession } from './context';

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
