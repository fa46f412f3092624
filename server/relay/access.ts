import type { MapStore } from '../store/map-store';
import { isMapId, isTokenShaped, tokenMatches } from '../store/secrets';
import type { Access } from './room';

export type Authorization =
  | { readonly ok: true; readonly access: Access }
  | { readonly ok: false; readonly reason: 'unknown-map' | 'unauthorized' };

/** What a token grants on a map. Both hashes are always compared, so timing says nothing. */
export async function authorize(store: MapStore, mapId: string, token: string | null): Promise<Authorization> {
  if (!isMapId(mapId)) return { ok: false, reason: 'unknown-map' };
  const record = await store.getMap(mapId);
  if (!record) return { ok: false, reason: 'unknown-map' };
  if (token === null || !isTokenShaped(token)) return { ok: false, reason: 'unauthorized' };
  const edit = tokenMatches(token, record.editTokenHash);
  const view = tokenMatches(token, record.viewTokenHash);
  if (edit) return { ok: true, access: 'edit' };
  if (view) return { ok: true, access: 'view' };
  return { ok: false, reason: 'unauthorized' };
}
