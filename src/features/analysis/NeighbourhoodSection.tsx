import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayLayer, useSession, useSnapshot } from '../../session';
import { neighbourhood, type FocusDirection } from '../../model/analysis/focus';
import { FactorSelect } from './FactorSelect';
import { FOCUS_LAYER, MAX_DEPTH, useFocus } from './focusStore';
import { useAnalysisInput } from './input';

const DIRECTIONS: readonly FocusDirection[] = ['causes', 'effects', 'both'];

/** A factor's causes and effects up to N links away; the rest dimmed or hidden. */
export function NeighbourhoodSection() {
  const { t } = useTranslation();
  const { factorById } = useSnapshot();
  const input = useAnalysisInput();
  const { factorId: chosen, direction, depth, hideOthers, set } = useFocus();
  const selected = useSession((s) => s.selectedFactorIds);
  const factorId = chosen && factorById.has(chosen) ? chosen : null;

  // Clicking a factor on the canvas moves the focus to it.
  useEffect(() => {
    if (selected.length === 1 && selected[0]) set({ factorId: selected[0] });
  }, [selected, set]);

  // A plain breadth-first walk: cheap enough to run here on every change.
  const near = useMemo(
    () => (factorId ? neighbourhood(input, factorId, { direction, depth }) : null),
    [input, factorId, direction, depth],
  );

  const layer = useMemo(() => {
    if (!near) return null;
    if (hideOthers) return { hidden: new Set([...factorById.keys()].filter((id) => !near.factors.has(id))) };
    return { emphasis: { factors: near.factors, links: near.links } };
  }, [near, hideOthers, factorById]);
  useOverlayLayer(FOCUS_LAYER, layer);

  return (
    <div className="focus-section" data-testid="neighbourhood">
      <FactorSelect label={t('analysis.focus.factor')} value={factorId} onChange={(id) => set({ factorId: id })} testId="focus-factor" />
      <fieldset className="segmented">
        <legend>{t('analysis.focus.direction')}</legend>
        {DIRECTIONS.map((d) => (
          <button key={d} type="button" aria-pressed={direction === d} onClick={() => set({ direction: d })} data-testid={`focus-${d}`}>
            {t(`analysis.focus.${d}`)}
          </button>
        ))}
      </fieldset>
      <label className="field">
        {t('analysis.focus.depth', { count: depth })}
        <input type="range" min={1} max={MAX_DEPTH} value={depth} aria-label={t('analysis.focus.depthLabel')}
          onChange={(e) => set({ depth: Number(e.target.value) })} data-testid="focus-depth" />
      </label>
      <fieldset className="segmented">
        <legend>{t('analysis.focus.others')}</legend>
        <button type="button" aria-pressed={!hideOthers} onClick={() => set({ hideOthers: false })}>{t('analysis.focus.dim')}</button>
        <button type="button" aria-pressed={hideOthers} onClick={() => set({ hideOthers: true })} data-testid="focus-hide">{t('analysis.focus.hide')}</button>
      </fieldset>
      <p className="muted" role="status">
        {near ? t('analysis.focus.shown', { count: near.factors.size }) : t('analysis.focus.pickFactor')}
      </p>
    </div>
  );
}
