import { useTranslation } from 'react-i18next';
import { useFocus, type FocusTab } from './focusStore';
import './i18n';
import { NeighbourhoodSection } from './NeighbourhoodSection';
import { PathsSection } from './PathsSection';

const TABS: readonly FocusTab[] = ['neighbourhood', 'paths'];

/** One factor's causes and effects, or every causal path between two factors. */
export default function FocusPanel() {
  const { t } = useTranslation();
  const tab = useFocus((s) => s.tab);
  const set = useFocus((s) => s.set);
  return (
    <div className="analysis-panel" data-testid="focus-panel">
      <div className="segmented" role="tablist">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} aria-pressed={tab === k}
            onClick={() => set({ tab: k })} data-testid={`focus-tab-${k}`}>
            {t(`analysis.focus.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'neighbourhood' ? <NeighbourhoodSection /> : <PathsSection />}
    </div>
  );
}
