import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSession, useSnapshot } from '../../session';
import { addTheme, change, MAX_LABEL_CHARS, ModelError, setFactorTheme, themeOf } from '../../model';
import './i18n';
import { NO_THEME, useThemeView } from './store';
import { ThemeRow } from './ThemeRow';
import { swatchStyle } from './pattern';
import { useThemeLooks, useThemes } from './useThemes';

function AddTheme() {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    try {
      addTheme(doc, name);
      setName('');
      setError(null);
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      setError(e.code === 'duplicate-theme' ? t('themes.duplicate', { name: name.trim() }) : t('themes.emptyName'));
    }
  };
  return (
    <form className="add-theme" onSubmit={(e) => { e.preventDefault(); add(); }}>
      <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('themes.newName')}
        placeholder={t('themes.newPlaceholder')} maxLength={MAX_LABEL_CHARS} data-testid="theme-new-name" />
      <button type="submit" className="primary" data-testid="theme-add">{t('themes.add')}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

/** Named colour groups of factors: the legend, editing, assigning, and the filter. */
export default function ThemesPanel() {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const { factors } = useSnapshot();
  const themes = useThemes();
  const looks = useThemeLooks();
  const selected = useSession((s) => s.selectedFactorIds);
  const { shown, legendOnMap, toggleShown, showAll, setLegendOnMap } = useThemeView();
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const f of factors) {
      const id = themeOf(f.theme, themes)?.id ?? NO_THEME;
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    return c;
  }, [factors, themes]);
  const unassign = () => change(doc, () => selected.forEach((id) => setFactorTheme(doc, id, undefined)));

  return (
    <div className="themes-panel" data-testid="themes-panel">
      <p className="muted small">{t('themes.intro')}</p>
      {canEdit && <AddTheme />}
      {themes.length === 0 ? <p className="muted">{t('themes.none')}</p> : (
        <ul className="theme-list">
          {themes.map((th) => <ThemeRow key={th.id} theme={th} look={looks.get(th.id)} count={counts.get(th.id) ?? 0} />)}
        </ul>
      )}
      {canEdit && themes.length > 0 && (
        selected.length === 0 ? <p className="muted small">{t('themes.selectFirst')}</p> : (
          <button type="button" onClick={unassign} data-testid="theme-unassign">{t('themes.clearSelection')}</button>
        )
      )}
      {themes.length > 0 && (
        <fieldset className="theme-filter">
          <legend>{t('themes.filter')}</legend>
          {[...themes.map((th) => ({ id: th.id, name: th.name, color: th.color })), { id: NO_THEME, name: t('themes.noTheme'), color: '' }]
            .map((o) => (
              <label key={o.id || 'none'} className="check">
                <input type="checkbox" checked={shown.has(o.id)} onChange={() => toggleShown(o.id)} data-testid="theme-filter" data-theme-name={o.name} />
                <span className={`swatch${o.color ? '' : ' none'}`} aria-hidden="true"
                  style={o.color ? swatchStyle(looks.get(o.id) ?? { color: o.color, pattern: 'solid' }) : undefined} />
                {o.name} <span className="muted small">({counts.get(o.id) ?? 0})</span>
              </label>
            ))}
          <button type="button" onClick={showAll} disabled={shown.size === 0}>{t('themes.showAll')}</button>
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={legendOnMap} onChange={(e) => setLegendOnMap(e.target.checked)} data-testid="theme-legend-toggle" />
        {t('themes.legendOnMap')}
      </label>
    </div>
  );
}
