import { useTranslation } from 'react-i18next';
import { issueText } from './issue-text';
import { useImport, type Issue } from './store';

const SHOWN = 8;

function IssueList({ items }: { items: readonly Issue[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {items.slice(0, SHOWN).map((i, n) => <li key={n}>{issueText(i, t)}</li>)}
      {items.length > SHOWN && <li>{t('import.more', { count: items.length - SHOWN })}</li>}
    </ul>
  );
}

/** The outcome of the last import, until closed: what came in, or why nothing did. */
export function ImportReportView() {
  const { t } = useTranslation();
  const report = useImport((s) => s.report);
  const busy = useImport((s) => s.busy);
  const set = useImport((s) => s.set);
  if (busy) return <div className="import-report" role="status" data-testid="import-busy">{t('import.busy')}</div>;
  if (!report) return null;
  const failed = report.kind === 'failed';
  return (
    <div className={`import-report${failed ? ' failed' : ''}`} role={failed ? 'alert' : 'status'} data-testid="import-report"
      data-outcome={report.kind}>
      <button type="button" className="import-report-close" onClick={() => set({ report: null })} aria-label={t('import.dismiss')}>×</button>
      {failed ? (
        <>
          <p className="import-report-head">{report.newMap ? t('import.failedNew') : t('import.failed')}</p>
          <IssueList items={report.errors} />
        </>
      ) : (
        <>
          <p className="import-report-head">{t('import.done', { factors: report.factors, links: report.links })}</p>
          {report.reused > 0 && <p>{t('import.reused', { count: report.reused })}</p>}
          {report.warnings.length > 0 && (
            <>
              <p>{t('import.warnings')}</p>
              <IssueList items={report.warnings} />
            </>
          )}
        </>
      )}
    </div>
  );
}
