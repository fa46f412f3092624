import { useSyncExternalStore } from 'react';
import type { MapSnapshot } from '../model';
import { useMapSession } from './context';

/** The one subscription from React to the document: a validated snapshot per transaction. */
export function useSnapshot(): MapSnapshot {
  const { reader } = useMapSession();
  return useSyncExternalStore(
    (cb) => reader.subscribe(cb),
    () => reader.current,
  );
}
