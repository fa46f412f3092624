import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayLayer, useRoot } from '../../session';
import { LOOPS_ROOT, loopLabels, readLoopNotes, type LoopNote } from '../../model';
import { useFrameFactors } from '../../ui/useFrameFactors';
import type { Loop } from '../../model/analysis';
import { AnalysisStatus } from './AnalysisStatus';
import './i18n';
import { LoopFilterBar } from './LoopFilterBar';
import { LoopRow } from './LoopRow';
import { LOOP_BOUNDS, useAnalysis, useAnalysisView, type LoopFilter } from './store';

const PAGE = 50;
const LAYER = 'loops';

function keep(filter: LoopFilter, loop: Loop, note: LoopNote | undefined): boolean {
  if (filter === 'all') return true;
  if (filter === 'key') return note?.key === true;
  return loop.kind === filter;
}

/** The map's feedback loops, shortest first; choosing one shows it on the canvas. */
export default function LoopsPanel() {
  const { t } = useTranslation();
  const analysis = useAnalysis((s) => s.analysis);
  const notes = useRoot(LOOPS_ROOT, readLoopNotes);
  const { loopId, loopFilter, setLoop } = useAnalysisView();
  const [shown, setShown] = useState(PAGE);
  const loops = useMemo(() => analysis?.loops ?? [], [analysis]);
  const labels = useMemo(() => loopLabels(loops, notes), [loops, notes]);
  const listed = useMemo(() => loops.filter((l) => keep(loopFilter, l, notes.get(l.id))), [loops, loopFilter, notes]);
  const chosen = loops.find((l) => l.id === loopId) ?? null;

  const layer = useMemo(
    () => (chosen ? { emphasis: { factors: new Set(chosen.factors), links: new Set(chosen.links) } } : null),
    [chosen],
  );
  useOverlayLayer(LAYER, layer);
  useFrameFactors(chosen?.id ?? null, chosen?.factors ?? null);
  useEffect(() => setShown(PAGE), [loopFilter]);

  const count = (kind: Loop['kind']) => loops.filter((l) => l.kind === kind).length;
  const summary = t('analysis.loops.summary', { count: loops.length, r: count('reinforcing'), b: count('balancing'), u: count('unknown') });
  // The counts flash when they change (a polarity, a new link): the panel answers the edit.
  const firstSummary = useRef<string | null>(null);
  if (analysis && firstSummary.current === null) firstSummary.current = summary;
  return (
    <div className="analysis-panel" data-testid="loops-panel">
      <AnalysisStatus />
      {analysis && (
        <>
          <p key={summary} className={`muted${summary !== firstSummary.current ? ' loops-summary-changed' : ''}`} data-testid="loops-summary">
            {summary}
          </p>
          {analysis.loopsTruncated && (
            <p className="analysis-note" role="note" data-testid="loops-truncated">{t('analysis.stoppedEarly', LOOP_BOUNDS)}</p>
          )}
          {loops.length === 0 ? (
            <p className="analysis-empty" data-testid="loops-empty">{t('analysis.loops.none')}</p>
          ) : (
            <>
              <LoopFilterBar loops={loops} notes={notes} />
              {listed.length === 0 && <p className="muted">{t('analysis.loops.noneInFilter')}</p>}
              <ul className="loop-list">
                {listed.slice(0, shown).map((loop) => (
                  <LoopRow key={loop.id} loop={loop} note={notes.get(loop.id)} marker={labels.get(loop.id)}
                    chosen={loop.id === loopId} onChoose={() => setLoop(loop.id === loopId ? null : loop.id)} />
                ))}
              </ul>
              {listed.length > shown && (
                <button type="button" onClick={() => setShown((n) => n + PAGE)}>
                  {t('analysis.loops.more', { count: Math.min(PAGE, listed.length - shown) })}
                </button>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
