import { useTranslation } from 'react-i18next';
import { useMapSession, useSession } from '../../session';
import { change, MAX_LABEL_CHARS, ModelError, removeTheme, renameTheme, setFactorTheme, setThemeColor, type Theme, type ThemeLook } from '../../model';
import { TextDraft } from '../analysis/TextDraft';
import { ColourChoice } from './ColourChoice';
import { swatchStyle } from './pattern';

interface Props {
  theme: Theme;
  /** Its colour and pattern among the map's themes; plain colour if not given. */
  look?: ThemeLook;
  count: number;
}

/** A theme in the legend; on an edit link also renamed, recoloured, given to the selection, deleted. */
export function ThemeRow({ theme, look, count }: Props) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const selected = useSession((s) => s.selectedFactorIds);
  const showError = useSession((s) => s.showError);

  const rename = (name: string) => {
    try {
      renameTheme(doc, theme.id, name);
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      showError(e.code === 'duplicate-theme' ? t('themes.duplicate', { name: name.trim() }) : t('themes.emptyName'));
    }
  };
  // One transaction: one undo step for the whole selection.
  const assign = () => {
    try {
      change(doc, () => selected.forEach((id) => setFactorTheme(doc, id, theme.id)));
    } catch (e) {
      // A peer deleted the theme meanwhile: the row goes with the next render.
      if (!(e instanceof ModelError)) throw e;
    }
  };

  return (
    <li className="theme-row" data-testid="theme-row" data-theme-name={theme.name} data-pattern={look?.pattern ?? 'solid'}>
      <ColourSlot theme={theme} look={look ?? { color: theme.color, pattern: 'solid' }} editable={canEdit} onChange={(c) => setThemeColor(doc, theme.id, c)} />
      {canEdit ? (
        <TextDraft value={theme.name} label={t('themes.name')} maxLength={MAX_LABEL_CHARS} onCommit={rename} testId="theme-name" />
      ) : (
        <span className="theme-name">{theme.name}</span>
      )}
      <span className="muted small">{t('themes.factors', { count })}</span>
      {canEdit && (
        <span className="theme-actions">
          <button type="button" onClick={assign} disabled={selected.length === 0}
            title={t('themes.assignHint', { count: selected.length })} data-testid="theme-assign">
            {t('themes.assign')}
          </button>
          <button type="button" onClick={() => removeTheme(doc, theme.id)} aria-label={t('themes.remove', { name: theme.name })}
            title={t('themes.remove', { name: theme.name })} data-testid="theme-remove">
            ✕
          </button>
        </span>
      )}
    </li>
  );
}

function ColourSlot({ theme, look, editable, onChange }: { theme: Theme; look: ThemeLook; editable: boolean; onChange: (c: string) => void }) {
  if (!editable) return <span className="swatch" style={swatchStyle(look)} aria-hidden="true" />;
  return <ColourChoice name={theme.name} colour={theme.color} look={look} onChange={onChange} />;
}
