import { useMemo } from 'react';
import type { Factor } from '../../model';
import type { FactorDecoration } from '../../session';
import { boxStyle } from './pattern';
import { lookOfKey, useThemeLookKey } from './useThemes';

function useThemeBand(factor: Factor) {
  const key = useThemeLookKey(factor.theme);
  return useMemo(() => (key ? boxStyle(lookOfKey(key)) : undefined), [key]);
}

/**
 * The colour of a factor's theme, as a band on the box's left edge; a theme sharing its
 * colour with another adds its pattern over the box (themes/pattern.ts).
 */
export const themeDecoration: FactorDecoration = { id: 'themes', useStyle: useThemeBand };
