import { useSyncExternalStore } from 'react';
import type { ConnectionStatus, MapConnection } from '../sync';

const LOCAL_ONLY = () => () => undefined;

/** The relay connection's status, or 'local' for a map kept only on this device. */
export function useConnectionStatus(connection: MapConnection | null): ConnectionStatus | 'local' {
  return useSyncExternalStore(
    connection ? (cb) => connection.onStatus(cb) : LOCAL_ONLY,
    () => connection?.status ?? 'local',
  );
}
