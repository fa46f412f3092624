import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoriesView } from './store';

/** Story counts on the map, and which links stand out by the stories behind them. */
export function EvidenceControls() {
  const { t } = useTranslation();
  const { filter, showCounts, setFilter, setShowCounts } = useStoriesView();
  // Kept while another mode is chosen, so going back to "at least" restores the number.
  const [min, setMin] = useState(filter.mode === 'atLeast' ? filter.min : 1);
  const changeMin = (value: string) => {
    const n = Math.max(1, Math.min(999, Math.floor(Number(value)) || 1));
    setMin(n);
    setFilter({ mode: 'atLeast', min: n });
  };
  return (
    <fieldset className="evidence-controls">
      <legend>{t('stories.evidence.title')}</legend>
      <label className="check">
        <input type="checkbox" checked={showCounts} onChange={(e) => setShowCounts(e.target.checked)} data-testid="stories-show-counts" />
        {t('stories.evidence.showCounts')}
      </label>
      <label className="check">
        <input type="radio" name="stories-evidence" checked={filter.mode === 'all'} onChange={() => setFilter({ mode: 'all' })}
          data-testid="evidence-all" />
        {t('stories.evidence.all')}
      </label>
      <div className="check">
        <input type="radio" name="stories-evidence" id="stories-evidence-at-least" checked={filter.mode === 'atLeast'}
          onChange={() => setFilter({ mode: 'atLeast', min })} data-testid="evidence-at-least" />
        <label htmlFor="stories-evidence-at-least">{t('stories.evidence.atLeast')}</label>
        <input type="number" min={1} max={999} value={min} className="evidence-min" onChange={(e) => changeMin(e.target.value)}
          aria-label={t('stories.evidence.atLeastN')} data-testid="evidence-min" />
      </div>
      <label className="check">
        <input type="radio" name="stories-evidence" checked={filter.mode === 'uncited'} onChange={() => setFilter({ mode: 'uncited' })}
          data-testid="evidence-uncited" />
        {t('stories.evidence.uncited')}
      </label>
    </fieldset>
  );
}
