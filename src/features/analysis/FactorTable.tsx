import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactorMetrics } from '../../model/analysis';
import { useSession } from '../../session';
import { useAnalysisView, type SortKey } from './store';
import { useRevealFactor } from './useRevealFactor';

const NUMERIC: readonly Exclude<SortKey, 'label'>[] = ['inDegree', 'outDegree', 'betweenness', 'loopCount'];

function compare(key: SortKey, a: FactorMetrics, b: FactorMetrics): number {
  return key === 'label' ? a.label.localeCompare(b.label) : a[key] - b[key];
}

/** Every factor with its metrics; a column header sorts, a row shows the factor on the map. */
export function FactorTable({ factors }: { factors: readonly FactorMetrics[] }) {
  const { t, i18n } = useTranslation();
  const { key, descending } = useAnalysisView((s) => s.sort);
  const sortBy = useAnalysisView((s) => s.sortBy);
  const selected = useSession((s) => s.selectedFactorIds);
  const reveal = useRevealFactor();
  const rows = useMemo(
    () => [...factors].sort((a, b) => (descending ? -1 : 1) * compare(key, a, b) || a.label.localeCompare(b.label)),
    [factors, key, descending],
  );
  const fmt = useMemo(() => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }), [i18n.language]);

  const header = (k: SortKey, title?: string) => (
    <th scope="col" aria-sort={key === k ? (descending ? 'descending' : 'ascending') : 'none'} title={title}>
      <button type="button" className="sort" onClick={() => sortBy(k)} data-testid={`sort-${k}`}>
        {k === 'betweenness'
          ? <abbr title={t('analysis.factors.betweenness')}>{t('analysis.factors.betweennessShort')}</abbr>
          : t(`analysis.factors.${k}`)}
        <span aria-hidden="true">{key === k ? (descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );

  return (
    <div className="factor-table-wrap">
      <table className="factor-table" data-testid="factor-table">
        <thead>
          <tr>
            {header('label')}
            {NUMERIC.map((k) => <Fragment key={k}>{header(k, t(`analysis.factors.${k}Hint`))}</Fragment>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id} className={selected.includes(f.id) ? 'selected' : undefined} data-testid="factor-row" data-factor-id={f.id}>
              <th scope="row">
                <button type="button" className="link-like" onClick={() => reveal(f.id)} title={t('analysis.factors.show', { label: f.label })}>
                  {f.label}
                </button>
              </th>
              {NUMERIC.map((k) => <td key={k}>{k === 'betweenness' ? fmt.format(f[k]) : f[k]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
