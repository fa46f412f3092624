import { useTranslation } from 'react-i18next';
import type { LoopNote } from '../../model';
import type { Loop } from '../../model/analysis';
import { useAnalysisView, type LoopFilter } from './store';

const FILTERS: readonly LoopFilter[] = ['all', 'reinforcing', 'balancing', 'key'];

export function LoopFilterBar({ loops, notes }: { loops: readonly Loop[]; notes: ReadonlyMap<string, LoopNote> }) {
  const { t } = useTranslation();
  const filter = useAnalysisView((s) => s.loopFilter);
  const setFilter = useAnalysisView((s) => s.setLoopFilter);
  const count = (f: LoopFilter) => {
    if (f === 'all') return loops.length;
    if (f === 'key') return loops.filter((l) => notes.get(l.id)?.key).length;
    return loops.filter((l) => l.kind === f).length;
  };
  return (
    <div className="segmented" role="group" aria-label={t('analysis.loops.filter')}>
      {FILTERS.map((f) => (
        <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`loop-filter-${f}`}>
          {t(`analysis.loops.${f}`)} <span className="count">{count(f)}</span>
        </button>
      ))}
    </div>
  );
}
