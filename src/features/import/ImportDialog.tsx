import { FilePicker } from '../../ui/FilePicker';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import { useImport } from './store';
import { useImportActions } from './useImportActions';

/** What a file picker accepts; the content decides the format, the extension only helps the picker. */
const ACCEPT = '.json,.csv,.tsv,.txt,.graphml,.xml,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Pick files to add to this map, or a map file to open as a new map. */
export function ImportDialog() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const busy = useImport((s) => s.busy);
  const set = useImport((s) => s.set);
  const { addFiles, openFiles } = useImportActions();
  const box = useRef<HTMLDivElement>(null);
  const close = () => set({ dialogOpen: false });

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('label.file-button')?.focus();
    return () => before?.focus?.();
  }, []);

  return (
    <div className="dialog-backdrop" onClick={close}>
      <div ref={box} className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title"
        data-testid="import-dialog" onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}>
        <h2 id="import-title">{t('import.title')}</h2>
        <p className="muted">{t('import.intro')}</p>
        {canEdit && (
          <section className="import-choice">
            <FilePicker accept={ACCEPT} busy={busy} primary testId="import-file" onFiles={(files) => void addFiles(files)}>
              {t('import.addToMap')}
            </FilePicker>
            <p className="muted">{t('import.addHint')}</p>
          </section>
        )}
        <section className="import-choice">
          <FilePicker accept={ACCEPT} busy={busy} testId="open-map-file" onFiles={(files) => void openFiles(files)}>
            {t('import.openMapFile')}
          </FilePicker>
          <p className="muted">{t('import.openHint')}</p>
        </section>
        {busy && <p role="status">{t('import.busy')}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={close}>{t('import.close')}</button>
        </div>
      </div>
    </div>
  );
}
