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
            {/* A label around the input: the picker opens from the keyboard as from a click. */}
            <label className={`file-button primary${busy ? ' disabled' : ''}`} tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  e.currentTarget.querySelector('input')?.click();
                }
              }}>
              {t('import.addToMap')}
              <input type="file" accept={ACCEPT} multiple disabled={busy} data-testid="import-file"
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = '';
                  void addFiles(files);
                }} />
            </label>
            <p className="muted">{t('import.addHint')}</p>
          </section>
        )}
        <section className="import-choice">
          <label className={`file-button${busy ? ' disabled' : ''}`} tabIndex={0}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                e.currentTarget.querySelector('input')?.click();
              }
            }}>
            {t('import.openMapFile')}
            <input type="file" accept={ACCEPT} multiple disabled={busy} data-testid="open-map-file"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void openFiles(files);
              }} />
          </label>
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
