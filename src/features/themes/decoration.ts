import { useMemo } from 'react';
import type { Factor } from '../../model';
import type { FactorDecoration } from '../../session';
import { useThemeColour } from './useThemes';

function useThemeBand(factor: Factor) {
  const colour = useThemeColour(factor.theme);
  return useMemo(() => (colour ? { borderLeft: `8px solid ${colour}` } : undefined), [colour]);
}

/** The colour of a factor's theme, as a band on the box's left edge. */
export const themeDecoration: FactorDecoration = { id: 'themes', useStyle: useThemeBand };
