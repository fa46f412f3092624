import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactorMetrics } from '../../model/analysis';
import { drivers, leverageCandidates, outcomes } from '../../model/analysis/metrics';
import { factorConsensus } from '../../model/merge/consensus';
import { useOverlayLayer } from '../../session';
import { useConsensus } from '../merge/useConsensus';
import { AnalysisStatus } from './AnalysisStatus';
import { FactorTable } from './FactorTable';
import './i18n';
import { useAnalysis, useAnalysisView, type SizeMetric } from './store';
import { useRevealFactor } from './useRevealFactor';

const LAYER = 'key-factors';
const METRICS: readonly SizeMetric[] = ['none', 'inDegree', 'outDegree', 'betweenness', 'loopCount'];
/** Offered once mini-maps were merged into the map. */
const CONSENSUS: SizeMetric = 'consensus';
/** The factor with the most of the metric is drawn this much larger; none smaller than normal. */
const MAX_EXTRA_SCALE = 1;
/** Callouts stay short so the table shows without scrolling far. */
const CALLOUT = { limit: 3 };

function Callout({ title, hint, factors, testId }: { title: string; hint: string; factors: readonly FactorMetrics[]; testId: string }) {
  const { t } = useTranslation();
  const reveal = useRevealFactor();
  return (
    <section className="callout" data-testid={testId}>
      <h3 title={hint}>{title}</h3>
      <p className="muted small">{hint}</p>
      {factors.length === 0 ? <p className="muted">{t('analysis.factors.noneFound')}</p> : (
        <ul className="chips">
          {factors.map((f) => (
            <li key={f.id}>
              <button type="button" className="chip" onClick={() => reveal(f.id)} title={t('analysis.factors.show', { label: f.label })}>
                {f.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Degrees, betweenness and loop counts; drivers, outcomes and leverage candidates called out. */
export default function KeyFactorsPanel() {
  const { t } = useTranslation();
  const analysis = useAnalysis((s) => s.analysis);
  const sizeBy = useAnalysisView((s) => s.sizeBy);
  const setSizeBy = useAnalysisView((s) => s.setSizeBy);
  const factors = useMemo(() => analysis?.factors ?? [], [analysis]);
  const consensus = useConsensus();
  const metrics = consensus.groups.length > 0 ? [...METRICS, CONSENSUS] : METRICS;

  const layer = useMemo(() => {
    if (sizeBy === 'none' || factors.length === 0) return null;
    if (sizeBy === 'consensus') {
      const share = factorConsensus(consensus);
      return { scale: new Map(factors.map((f) => [f.id, 1 + MAX_EXTRA_SCALE * (share.get(f.id) ?? 0)])) };
    }
    const max = Math.max(...factors.map((f) => f[sizeBy]));
    return { scale: new Map(factors.map((f) => [f.id, max > 0 ? 1 + MAX_EXTRA_SCALE * (f[sizeBy] / max) : 1])) };
  }, [factors, sizeBy, consensus]);
  useOverlayLayer(LAYER, layer);

  return (
    <div className="analysis-panel" data-testid="key-factors-panel">
      <AnalysisStatus />
      {analysis && factors.length === 0 && <p className="analysis-empty">{t('analysis.factors.empty')}</p>}
      {analysis && factors.length > 0 && (
        <>
          <div className="callouts">
            <Callout title={t('analysis.factors.drivers')} hint={t('analysis.factors.driversHint')} factors={drivers(factors, CALLOUT)} testId="drivers" />
            <Callout title={t('analysis.factors.outcomes')} hint={t('analysis.factors.outcomesHint')} factors={outcomes(factors, CALLOUT)} testId="outcomes" />
            <Callout title={t('analysis.factors.leverage')} hint={t('analysis.factors.leverageHint')} factors={leverageCandidates(factors, CALLOUT)} testId="leverage" />
          </div>
          <label className="field">
            {t('analysis.factors.sizeBy')}
            <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeMetric)} data-testid="size-by">
              {metrics.map((m) => (
                <option key={m} value={m}>{m === 'none' ? t('analysis.factors.sizeNone') : t(`analysis.factors.${m}`)}</option>
              ))}
            </select>
          </label>
          <FactorTable factors={factors} />
        </>
      )}
    </div>
  );
}
