import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOOPS_ROOT, readLoopNotes, setPolarity, watchLocalPolarity, type PolarityChange } from '../../model';
import type { Analysis } from '../../model/analysis';
import { useMapSession, useRoot, useSliceGetter } from '../../session';
import { POLARITY_SIGN } from '../../ui/polarity';
import { loopCounts, namedLoopChanges, type LoopCounts } from './loopCounts';
import { analysisSlice, useAnalysis } from './store';

const NOTICE_MS = 8000;
const KINDS = ['reinforcing', 'balancing', 'unknown'] as const;
const SHORT: Record<(typeof KINDS)[number], string> = { reinforcing: 'R', balancing: 'B', unknown: '?' };

interface Shown {
  readonly changes: readonly PolarityChange[];
  /** The analysis on screen when the polarity changed: the loops' counts compare with it. */
  readonly before: Analysis | null;
  readonly at: number;
}

/**
 * "Polarité changée : + → ? · Annuler" after every polarity this user changes, however it was
 * changed, then what it did to the loops once they are counted again (R and B counts, a named
 * loop changing kind). Annuler writes the old polarities back, as a change of its own.
 */
export function PolarityNotice() {
  const { t } = useTranslation();
  const { doc } = useMapSession();
  const [shown, setShown] = useState<Shown | null>(null);
  const [held, setHeld] = useState(false);
  const reverting = useRef(false);
  const analysis = useAnalysis((s) => (s.status === 'ready' ? s.analysis : null));
  const notes = useRoot(LOOPS_ROOT, readLoopNotes);
  const getAnalysis = useSliceGetter(analysisSlice);

  useEffect(() => watchLocalPolarity(doc, (changes) => {
    if (reverting.current) return;
    setShown({ changes, before: getAnalysis().analysis, at: Date.now() });
  }), [doc, getAnalysis]);

  useEffect(() => {
    if (!shown || held) return undefined;
    const timer = setTimeout(() => setShown(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [shown, held]);

  if (!shown) return null;
  const { changes, before } = shown;
  const first = changes[0]!;
  const sameFrom = changes.every((c) => c.from === first.from);
  const what = changes.length === 1
    ? t('analysis.polarityNotice.one', { from: POLARITY_SIGN[first.from], to: POLARITY_SIGN[first.to] })
    : t('analysis.polarityNotice.many', {
      count: changes.length, to: POLARITY_SIGN[first.to], from: sameFrom ? POLARITY_SIGN[first.from] : '…',
    });
  const after = analysis && before && analysis !== before ? analysis : null;
  const undo = () => {
    reverting.current = true;
    try {
      for (const c of changes) setPolarity(doc, c.linkId, c.from);
    } finally {
      reverting.current = false;
    }
    setShown(null);
  };

  return (
    <div className="polarity-notice" role="status" data-testid="polarity-notice"
      onPointerEnter={() => setHeld(true)} onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
      <span>{what}</span>
      {after && before && <LoopDelta before={loopCounts(before)} after={loopCounts(after)} />}
      {after && before && namedLoopChanges(before, after, notes).map((c) => (
        <span key={c.name} className="polarity-notice-named" data-testid="polarity-notice-named">
          {t('analysis.polarityNotice.named', {
            name: c.name, from: t(`analysis.kind.${c.from}`).toLocaleLowerCase(), to: t(`analysis.kind.${c.to}`).toLocaleLowerCase(),
          })}
        </span>
      ))}
      <button type="button" onClick={undo} data-testid="polarity-undo">{t('analysis.polarityNotice.undo')}</button>
    </div>
  );
}

/** "Boucles : 83 R → 82 R, 33 B, 0 ? → 1 ?": each count, with its old value when it moved. */
function LoopDelta({ before, after }: { before: LoopCounts; after: LoopCounts }) {
  const { t } = useTranslation();
  const parts = KINDS.map((k) => (before[k] === after[k]
    ? `${after[k]} ${SHORT[k]}`
    : `${before[k]} ${SHORT[k]} → ${after[k]} ${SHORT[k]}`));
  const moved = KINDS.some((k) => before[k] !== after[k]);
  return (
    <span className={`polarity-notice-loops${moved ? ' moved' : ''}`} data-testid="polarity-notice-loops">
      {t('analysis.polarityNotice.loops', { counts: parts.join(', ') })}
    </span>
  );
}
