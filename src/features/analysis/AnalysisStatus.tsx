import { useTranslation } from 'react-i18next';
import { useAnalysis } from './store';

/** "Computing…" while the worker runs, or what went wrong with a way to try again. */
export function AnalysisStatus() {
  const { t } = useTranslation();
  const status = useAnalysis((s) => s.status);
  const error = useAnalysis((s) => s.error);
  const retry = useAnalysis((s) => s.retry);
  if (status === 'error') {
    return (
      <p className="analysis-status error" role="alert">
        {t('analysis.failed', { message: error ?? '' })}{' '}
        <button type="button" onClick={retry}>{t('analysis.retry')}</button>
      </p>
    );
  }
  return (
    <p className="analysis-status" role="status" aria-live="polite" data-testid="analysis-status" data-status={status}>
      {status === 'computing' || status === 'idle' ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('analysis.computing')}
        </>
      ) : null}
    </p>
  );
}
