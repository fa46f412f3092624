import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'map'; mapId: string; token: string | null; access: 'edit' | 'view' };

/** `/m/<id>#edit=<token>` or `#view=<token>`: the token stays in the fragment, out of server logs. */
export function parseRoute(loc: { pathname: string; hash: string }): Route {
  const m = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/.exec(loc.pathname);
  if (!m?.[1]) return { name: 'home' };
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const view = params.get('view');
  const edit = params.get('edit');
  if (edit) return { name: 'map', mapId: m[1], token: edit, access: 'edit' };
  if (view) return { name: 'map', mapId: m[1], token: view, access: 'view' };
  return { name: 'map', mapId: m[1], token: null, access: 'edit' };
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
