import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './export.css';
import './fonts.css';
import './i18n';
import { useExport } from './store';

// The dialog, and html-to-image behind it, load on the first export only.
const ExportDialog = lazy(() => import('./ExportDialog'));

/** The toolbar's Export button and Ctrl+E (for viewers too: exporting changes nothing). */
export default function ExportButton() {
  const { t } = useTranslation();
  const open = useExport((s) => s.open);
  const set = useExport((s) => s.set);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        set({ open: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [set]);

  // A dialog left open belongs to the map it was opened on.
  useEffect(() => () => set({ open: false }), [set]);

  return (
    <>
      <button type="button" onClick={() => set({ open: true })} title={t('export.shortcut')} data-testid="open-export">
        {t('export.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      )}
    </>
  );
}
