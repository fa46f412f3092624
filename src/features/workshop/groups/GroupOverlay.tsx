import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayLayer, useRoot, useSnapshot, type Badge } from '../../../session';
import { GROUPS_ROOT, readGroups } from '../../../model';
import { originFactors } from './origin';

const LAYER = 'workshop-groups';
const SHORT = 14;

/** A badge with the group's name on the factor it started from, or on each factor of its loop. */
export function GroupOverlay() {
  const { t } = useTranslation();
  const groups = useRoot(GROUPS_ROOT, readGroups);
  const snap = useSnapshot();
  const layer = useMemo(() => {
    const factorBadges = new Map<string, Badge[]>();
    for (const g of groups) {
      const text = g.name.length > SHORT ? `${g.name.slice(0, SHORT - 1)}…` : g.name;
      const badge: Badge = { text, tone: 'group', title: t('workshop.groups.badge', { name: g.name }) };
      for (const id of originFactors(g.origin, snap)) factorBadges.set(id, [...(factorBadges.get(id) ?? []), badge]);
    }
    return factorBadges.size > 0 ? { factorBadges } : null;
  }, [groups, snap, t]);
  useOverlayLayer(LAYER, layer);
  return null;
}
