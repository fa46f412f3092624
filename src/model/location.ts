/**
 * Map links: `/m/<id>#edit=<token>` or `/m/<id>#view=<token>`. The token rides in the fragment,
 * which browsers never send to a server, so it stays out of every server and proxy log.
 */
export type Access = 'edit' | 'view';

export interface MapLocation {
  readonly mapId: string;
  readonly token: string;
  readonly access: Access;
}

const MAP_PATH = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/;
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** The map id of a map page's path (`/m/<id>`), or null for any other path. */
export function parseMapPath(pathname: string): string | null {
  return MAP_PATH.exec(pathname)?.[1] ?? null;
}

/** The map and rights a link carries, or null when it is not a complete map link. */
export function parseMapLocation(loc: { readonly pathname: string; readonly hash: string }): MapLocation | null {
  const mapId = parseMapPath(loc.pathname);
  if (!mapId) return null;
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const edit = params.get('edit');
  if (edit && TOKEN.test(edit)) return { mapId, token: edit, access: 'edit' };
  const view = params.get('view');
  if (view && TOKEN.test(view)) return { mapId, token: view, access: 'view' };
  return null;
}

/** The link to share: absolute, so it works pasted in a message or encoded in a QR code. */
export function mapLink(origin: string, mapId: string, access: Access, token: string): string {
  return `${origin.replace(/\/+$/, '')}/m/${encodeURIComponent(mapId)}#${access}=${encodeURIComponent(token)}`;
}

/**
 * A map link as Share gives it (absolute or a path, `…/m/<id>#edit=<token>` or `#view=`), read
 * with the same rules as the page's own location; null when it is not a complete map link.
 */
export function parseMapLink(link: string): MapLocation | null {
  let url: URL;
  try {
    url = new URL(link.trim(), 'http://trame.invalid');
  } catch {
    return null;
  }
  return parseMapLocation({ pathname: url.pathname, hash: url.hash });
}

/**
 * ws(s)://host/ws of a relay, from its origin or any URL of it, whatever scheme it was given
 * in: y-websocket appends the map id as the room name. The app and the relay's upstream link
 * both connect through it.
 */
export function relaySocketUrl(url: string): string {
  const u = new URL(url);
  if (u.protocol === 'http:') u.protocol = 'ws:';
  else if (u.protocol === 'https:') u.protocol = 'wss:';
  return `${u.protocol}//${u.host}/ws`;
}
