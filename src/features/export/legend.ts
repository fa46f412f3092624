import type { TFunction } from 'i18next';
import { POLARITY_COLOUR, POLARITY_SIGN } from '../../ui/polarity';
import { POLARITIES, themeOf, type MapSnapshot, type Theme } from '../../model';
import type { LegendGroup } from './compose';

/**
 * What the legend of an exported image explains: the polarities the map's links use, and the
 * themes its factors have (when the map has a themes root), in the user's language.
 */
export function buildLegend(snap: MapSnapshot, themes: readonly Theme[], t: TFunction): LegendGroup[] {
  const used = new Set(snap.links.map((l) => l.polarity));
  const links: LegendGroup = {
    heading: t('export.legend.links'),
    entries: POLARITIES.filter((p) => used.has(p)).map((p) => ({
      colour: POLARITY_COLOUR[p], sign: POLARITY_SIGN[p], label: t(`polarity.${p}`),
    })),
  };
  const themeIds = new Set(snap.factors.flatMap((f) => {
    const th = themeOf(f.theme, themes);
    return th ? [th.id] : [];
  }));
  const themed: LegendGroup = {
    heading: t('export.legend.themes'),
    entries: themes.filter((th) => themeIds.has(th.id)).map((th) => ({ colour: th.color, label: th.name })),
  };
  return [links, themed].filter((g) => g.entries.length > 0);
}
