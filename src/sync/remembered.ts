import type { Access } from './location';

/**
 * The maps this browser has opened, for the home page. Tokens are kept so a map can be
 * reopened without its link; on a shared computer, forgetMap removes one. Data read back is
 * validated: a damaged entry is skipped, never thrown on.
 */
export interface RememberedMap {
  readonly id: string;
  readonly title: string;
  readonly editToken?: string;
  readonly viewToken?: string;
  /** ms since epoch */
  readonly lastOpened: number;
}

export type MapStorage = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'trame.rememberedMaps';
const MAX_REMEMBERED = 100;

function storageOr(s: MapStorage | undefined): MapStorage | null {
  if (s) return s;
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (private mode, file://)
  }
}

function isRemembered(x: unknown): x is RememberedMap {
  const o = x as Record<string, unknown>;
  return typeof o === 'object' && o !== null && typeof o.id === 'string' && typeof o.title === 'string'
    && typeof o.lastOpened === 'number'
    && (o.editToken === undefined || typeof o.editToken === 'string')
    && (o.viewToken === undefined || typeof o.viewToken === 'string')
    && (typeof o.editToken === 'string' || typeof o.viewToken === 'string');
}

/** Most recently opened first. */
export function listRememberedMaps(storage?: MapStorage): RememberedMap[] {
  const s = storageOr(storage);
  if (!s) return [];
  let data: unknown;
  try {
    data = JSON.parse(s.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.filter(isRemembered).sort((a, b) => b.lastOpened - a.lastOpened);
}

function save(s: MapStorage, maps: RememberedMap[]): void {
  try {
    s.setItem(KEY, JSON.stringify(maps.slice(0, MAX_REMEMBERED)));
  } catch {
    // Quota or disabled storage: the list is a convenience, the map itself is unaffected.
  }
}

/** Records an opened map. A view link opened later does not drop an edit token kept before. */
export function rememberMap(
  map: { id: string; title: string; access: Access; token: string },
  storage?: MapStorage,
  now: number = Date.now(),
): void {
  const s = storageOr(storage);
  if (!s) return;
  const all = listRememberedMaps(s);
  const old = all.find((m) => m.id === map.id);
  const entry: RememberedMap = {
    id: map.id,
    title: map.title,
    lastOpened: now,
    ...(old?.editToken ? { editToken: old.editToken } : {}),
    ...(old?.viewToken ? { viewToken: old.viewToken } : {}),
    ...(map.access === 'edit' ? { editToken: map.token } : { viewToken: map.token }),
  };
  save(s, [entry, ...all.filter((m) => m.id !== map.id)]);
}

export function forgetMap(id: string, storage?: MapStorage): void {
  const s = storageOr(storage);
  if (!s) return;
  save(s, listRememberedMaps(s).filter((m) => m.id !== id));
}
