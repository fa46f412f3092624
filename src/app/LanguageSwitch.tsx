import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select
      className="language-switch"
      aria-label={t('toolbar.language')}
      value={i18n.language}
      onChange={(e) => setLanguage(e.target.value as Language)}
    >
      {/* Short in the toolbar; the full name is what a screen reader announces. */}
      {LANGUAGES.map((l) => (
        <option key={l} value={l} aria-label={l === 'fr' ? 'Français' : 'English'}>
          {l.toUpperCase()}
        </option>
      ))}
    </select>
  );
}
