import { parseMapLocation, parseMapPath } from '../sync/location';

export type Route =
  | { name: 'home' }
  | { name: 'map'; mapId: string; token: string | null; access: 'edit' | 'view' };

/** A map link (`/m/<id>#edit=…` or `#view=…`), a map kept on this device only (`/m/<id>`), or home. */
export function parseRoute(loc: { pathname: string; hash: string }): Route {
  const linked = parseMapLocation(loc);
  if (linked) return { name: 'map', mapId: linked.mapId, token: linked.token, access: linked.access };
  const local = parseMapPath(loc.pathname);
  if (local) return { name: 'map', mapId: local, token: null, access: 'edit' };
  return { name: 'home' };
}
