import { FilePicker } from '../ui/FilePicker';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
// File by file, not the folders' indexes: the home page loads without Yjs, the sockets or React Flow.
import { newId } from '../model/ids';
import { navigate } from '../session/navigation';
import { createMapOnServer, MapApiError } from '../sync/api';
import { forgetMap, listRememberedMaps, rememberMap, type RememberedMap } from '../sync/remembered';
import { LanguageSwitch } from './LanguageSwitch';
import { loadModel } from './loadModel';

/** What Import › Open map file accepts (src/features/import/ImportDialog.tsx). */
const ACCEPT = '.json,.csv,.tsv,.txt,.graphml,.xml,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A map file from the disk (a USB stick) as a new map on the relay, by the importer the map
 * page's Import dialog uses; loaded on the first use with its parsers and its messages.
 * Resolves to the problems to show, in the user's language, or navigates to the new map.
 */
async function openMapFiles(files: readonly File[], t: ReturnType<typeof useTranslation>['t']): Promise<string[] | null> {
  const [, { openAsNewMap }, { issueText }] = await Promise.all([
    loadModel(), import('../features/import/runImport'), import('../features/import/issue-text'), import('../features/import/i18n'),
  ]);
  const out = await openAsNewMap(files);
  if (!out.ok) return out.report.kind === 'failed' ? [t('import.failedNew'), ...out.report.errors.map((i) => issueText(i, t))] : [];
  rememberMap({ id: out.map.id, title: out.map.title, access: 'edit', token: out.map.editToken });
  navigate(out.map.editUrl);
  return null;
}

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
  const [opening, setOpening] = useState(false);
  const [fileProblems, setFileProblems] = useState<string[] | null>(null);

  const openFiles = async (files: readonly File[]) => {
    if (files.length === 0 || opening) return;
    setOpening(true);
    setFileProblems(null);
    try {
      const problems = await openMapFiles(files, t);
      if (problems) setFileProblems(problems);
    } catch (err) {
      setFileProblems([t('home.createFailed', { message: err instanceof Error ? err.message : String(err) })]);
    } finally {
      setOpening(false);
    }
  };

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
      <section className="open-file" aria-labelledby="open-file-hint">
        <FilePicker accept={ACCEPT} busy={opening} testId="home-open-map-file" onFiles={(files) => void openFiles(files)}>
          {t('home.openFile')}
        </FilePicker>
        <p id="open-file-hint" className="muted">{t('home.openFileHint')}</p>
        {opening && <p role="status">{t('home.openingFile')}</p>}
        {fileProblems && fileProblems.length > 0 && (
          <div role="alert" className="error" data-testid="home-open-problems">
            <p>{fileProblems[0]}</p>
            {fileProblems.length > 1 && <ul>{fileProblems.slice(1, 9).map((p, n) => <li key={n}>{p}</li>)}</ul>}
          </div>
        )}
      </section>
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
