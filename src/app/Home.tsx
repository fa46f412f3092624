import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../model';
import { createMapOnServer, forgetMap, listRememberedMaps, MapApiError, rememberMap, type RememberedMap } from '../sync';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate } from '../session';

function linkOf(m: RememberedMap): string {
  if (m.editToken) return `/m/${m.id}#edit=${m.editToken}`;
  if (m.viewToken) return `/m/${m.id}#view=${m.viewToken}`;
  return `/m/${m.id}`;
}

/** Creates a map and lists the maps this browser has opened; there is no server-wide list. */
export function Home() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [maps, setMaps] = useState(() => listRememberedMaps());

  const create = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const created = await createMapOnServer(title.trim());
      rememberMap({ id: created.id, title: title.trim(), access: 'edit', token: created.editToken });
      navigate(created.editUrl);
    } catch (err) {
      if (err instanceof MapApiError) {
        setMessage(t('home.createFailed', { message: err.code }));
        setBusy(false);
        return;
      }
      // No relay (offline, or the app opened from its cache): the map lives on this device.
      const id = newId(16);
      rememberMap({ id, title: title.trim(), access: 'edit', token: '' });
      navigate(`/m/${id}`);
    }
  };

  return (
    <div className="home">
      <header className="home-header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitch />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      <form
        className="new-map"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input aria-label={t('home.newMapTitle')} placeholder={t('home.newMapTitle')} value={title}
          onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        <button type="submit" className="primary" disabled={busy}>{t('home.newMap')}</button>
      </form>
      {message && <p role="alert" className="error">{message}</p>}
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('home.recent')}</h2>
        {maps.length === 0 ? (
          <p className="muted">{t('home.none')}</p>
        ) : (
          <ul className="map-list">
            {maps.map((m) => (
              <li key={m.id}>
                <a href={linkOf(m)} onClick={(e) => { e.preventDefault(); navigate(linkOf(m)); }}>
                  {m.title || t('home.untitled')}
                </a>
                {!m.editToken && m.viewToken && <span className="badge">{t('home.viewOnly')}</span>}
                <span className="muted">{new Date(m.lastOpened).toLocaleDateString()}</span>
                <button type="button" onClick={() => { forgetMap(m.id); setMaps(listRememberedMaps()); }}>
                  {t('home.forget')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
