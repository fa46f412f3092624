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
      {/* A label around the input: the picker opens from the keyboard as from a click. */}
      <label className={`file-button primary${busy ? ' disabled' : ''}`} tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.currentTarget.querySelector('input')?.click();
          }
        }}>
        {t('merge.pickFile')}
        <input type="file" accept={ACCEPT} multiple disabled={busy} data-testid={`${testId}-file`}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void run(() => loadFiles(files));
          }} />
      </label>
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
