/**
 * The Yjs client ids this browser has written a map with: each opening of a map gets a new
 * one, and edits made offline in an earlier session are still this person's. Kept per map on
 * the device, the last MAX_CLIENTS.
 */
const MAX_CLIENTS = 50;
const key = (mapId: string) => `trame.clients.${mapId}`;

export function rememberClient(mapId: string, client: number): ReadonlySet<number> {
  let list: number[] = [];
  try {
    const raw = JSON.parse(localStorage.getItem(key(mapId)) ?? '[]') as unknown;
    if (Array.isArray(raw)) list = raw.filter((x): x is number => Number.isInteger(x));
  } catch {
    // A damaged entry: start again from this session.
  }
  if (!list.includes(client)) list.push(client);
  list = list.slice(-MAX_CLIENTS);
  try {
    localStorage.setItem(key(mapId), JSON.stringify(list));
  } catch {
    // Storage full or refused: this session still knows its own id.
  }
  return new Set(list);
}
