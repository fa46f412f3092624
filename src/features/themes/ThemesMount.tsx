import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayLayer, useSnapshot } from '../../session';
import { themeOf } from '../../model';
import './i18n';
import { NO_THEME, useThemeView } from './store';
import './themes.css';
import { swatchStyle } from './pattern';
import { useThemeLooks, useThemes } from './useThemes';

const LAYER = 'themes';

/**
 * Always mounted with the map: hides the factors the theme filter leaves out, and shows the
 * legend on the canvas when asked, and whenever a filter is on so nobody wonders where
 * factors went.
 */
export default function ThemesMount() {
  const { t } = useTranslation();
  const { factors } = useSnapshot();
  const themes = useThemes();
  const looks = useThemeLooks();
  const shown = useThemeView((s) => s.shown);
  const legendOnMap = useThemeView((s) => s.legendOnMap);
  const showAll = useThemeView((s) => s.showAll);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const f of factors) {
      const id = themeOf(f.theme, themes)?.id ?? NO_THEME;
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    return c;
  }, [factors, themes]);

  const layer = useMemo(() => {
    if (shown.size === 0) return null;
    return { hidden: new Set(factors.filter((f) => !shown.has(themeOf(f.theme, themes)?.id ?? NO_THEME)).map((f) => f.id)) };
  }, [factors, themes, shown]);
  useOverlayLayer(LAYER, layer);

  const filtering = shown.size > 0;
  if (!legendOnMap && !filtering) return null;
  const listed = filtering ? themes.filter((th) => shown.has(th.id)) : themes.filter((th) => counts.has(th.id));
  // data-fit-obstacle: fitting the map (ui/flowFrame.ts) keeps factors out from under the legend.
  return (
    <aside className="theme-legend" aria-label={t('themes.legend')} data-testid="theme-legend" data-fit-obstacle="">
      <ul>
        {listed.map((th) => (
          <li key={th.id} data-theme-name={th.name} data-pattern={looks.get(th.id)?.pattern ?? 'solid'}>
            <span className="swatch" style={swatchStyle(looks.get(th.id) ?? { color: th.color, pattern: 'solid' })} aria-hidden="true" />
            {th.name}
          </li>
        ))}
        {filtering && shown.has(NO_THEME) && <li><span className="swatch none" aria-hidden="true" />{t('themes.noTheme')}</li>}
      </ul>
      {filtering && (
        <button type="button" onClick={showAll} data-testid="theme-show-all">{t('themes.showAll')}</button>
      )}
    </aside>
  );
}
