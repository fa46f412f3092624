import { useSyncExternalStore } from 'react';
import { parseMapLocation } from '../sync';

export type Route =
  | { name: 'home' }
  | { name: 'map'; mapId: string; token: string | null; access: 'edit' | 'view' };

const LOCAL_MAP_PATH = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/;

/** A map link (`/m/<id>#edit=…` or `#view=…`), a map kept on this device only (`/m/<id>`), or home. */
export function parseRoute(loc: { pathname: string; hash: string }): Route {
  const linked = parseMapLocation(loc);
  if (linked) return { name: 'map', mapId: linked.mapId, token: linked.token, access: linked.access };
  const local = LOCAL_MAP_PATH.exec(loc.pathname);
  if (local?.[1]) return { name: 'map', mapId: local[1], token: null, access: 'edit' };
  return { name: 'home' };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(url: string): void {
  history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export function useLocationKey(): string {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      window.addEventListener('hashchange', cb);
      return () => {
        listeners.delete(cb);
        window.removeEventListener('hashchange', cb);
      };
    },
    () => location.pathname + location.hash,
  );
}
