import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import './i18n';
import './merge.css';
import type { MergeDone } from './MergeDialog';
import { useMergeView } from './store';

const MergeDialog = lazy(() => import('./MergeDialog').then((m) => ({ default: m.MergeDialog })));
const CompareDialog = lazy(() => import('./CompareDialog'));

/** Toolbar: "Fusionner une mini-carte" (editors) and "Comparer" (everyone). */
export default function MergeButtons() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const dialog = useMergeView((s) => s.dialog);
  const set = useMergeView((s) => s.set);
  const [done, setDone] = useState<MergeDone | null>(null);
  const close = () => set({ dialog: null });
  return (
    <>
      {canEdit && (
        <button type="button" onClick={() => set({ dialog: 'merge' })} title={t('merge.button')} data-testid="open-merge">
          {t('merge.buttonShort')}
        </button>
      )}
      <button type="button" onClick={() => set({ dialog: 'compare' })} data-testid="open-compare">{t('merge.compareButton')}</button>
      <Suspense fallback={null}>
        {dialog === 'merge' && (
          <MergeDialog onClose={close} onDone={(d) => {
            setDone(d);
            close();
          }} />
        )}
        {dialog === 'compare' && <CompareDialog onClose={close} />}
      </Suspense>
      {done && (
        <p className="merge-done" role="status" data-testid="merge-done">
          {t('merge.done', { ...done })}{' '}
          <button type="button" onClick={() => setDone(null)} aria-label={t('merge.close')}>×</button>
        </p>
      )}
    </>
  );
}
