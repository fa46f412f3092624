import { useTranslation } from 'react-i18next';
import { newId } from '../model';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate } from './route';

export function Home() {
  const { t } = useTranslation();
  const create = () => navigate(`/m/${newId(16)}`);
  return (
    <div className="home">
      <header className="home-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      <button type="button" className="primary" onClick={create}>
        {t('home.newMap')}
      </button>
    </div>
  );
}
