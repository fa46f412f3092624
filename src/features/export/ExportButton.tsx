import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import './export.css';
import './fonts.css';
import './i18n';
import { useExport } from './store';

// The dialog, and html-to-image behind it, load on the first export only.
const ExportDialog = lazy(() => import('./ExportDialog'));

/** The toolbar's Export button (Ctrl+E is in the shortcut registry, see index.ts). */
export default function ExportButton() {
  const { t } = useTranslation();
  const open = useExport((s) => s.open);
  const set = useExport((s) => s.set);

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
