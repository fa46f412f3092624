import { FilePicker } from '../../ui/FilePicker';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadFiles, loadLink, type Loaded } from './source';

/** What a file picker accepts; the content decides the format. */
const ACCEPT = '.json,.csv,.tsv,.txt,.graphml,.xml,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A mini-map (or a map to compare with) from a file, or from another map's link. */
export function PickSource({ onLoaded, testId }: { onLoaded: (l: Loaded) => void; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState('');
  const linkId = useId();
  const run = async (load: () => Promise<Loaded>) => {
    setBusy(true);
    try {
      onLoaded(await load());
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="merge-pick">
      <FilePicker accept={ACCEPT} busy={busy} primary testId={`${testId}-file`} onFiles={(files) => void run(() => loadFiles(files))}>
        {t('merge.pickFile')}
      </FilePicker>
      <p className="muted small">{t('merge.fileHint')}</p>
      <form className="merge-link" onSubmit={(e) => {
        e.preventDefault();
        if (link.trim()) void run(() => loadLink(link));
      }}>
        <label htmlFor={linkId}>{t('merge.orLink')}</label>
        <input id={linkId} type="url" value={link} placeholder={t('merge.linkPlaceholder')} disabled={busy}
          onChange={(e) => setLink(e.target.value)} data-testid={`${testId}-link`} />
        <button type="submit" disabled={busy || link.trim() === ''}>{t('merge.load')}</button>
      </form>
      {busy && <p role="status">{t('merge.loading')}</p>}
    </div>
  );
}
