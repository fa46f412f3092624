import type { TFunction } from 'i18next';
import type { GroupOrigin, MapSnapshot } from '../../../model';
import { loopParts, loopText } from '../loops/loopParts';

/** The factors a group's badge goes on: its factor, or every factor of its loop. */
export function originFactors(origin: GroupOrigin | null, snap: Pick<MapSnapshot, 'links' | 'factorById'>): string[] {
  if (!origin) return [];
  if (origin.kind === 'factor') return snap.factorById.has(origin.id) ? [origin.id] : [];
  return loopParts(origin.id, snap)?.factors ?? [];
}

/** "Factor: Drought", "Loop: A → B → A", or that it is gone from the map. */
export function originText(origin: GroupOrigin | null, snap: Pick<MapSnapshot, 'links' | 'factorById'>, t: TFunction): string {
  if (!origin) return t('workshop.groups.originNone');
  if (origin.kind === 'factor') {
    const f = snap.factorById.get(origin.id);
    return f ? t('workshop.groups.originFactor', { label: f.label }) : `${t('workshop.groups.originFactor', { label: '?' })} — ${t('workshop.groups.originGone')}`;
  }
  const parts = loopParts(origin.id, snap);
  return parts
    ? t('workshop.groups.originLoop', { label: loopText(parts.factors, snap, 18) })
    : `${t('workshop.groups.originLoop', { label: '?' })} — ${t('workshop.groups.originGone')}`;
}
