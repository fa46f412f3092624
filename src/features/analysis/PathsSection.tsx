import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayLayer, useSession, useSliceGetter, useSnapshot } from '../../session';
import type { PathSearchResult } from '../../model/analysis';
import { Superseded, WorkerChannel } from './channel';
import { FactorSelect } from './FactorSelect';
import { FOCUS_LAYER, focusSlice, useFocus } from './focusStore';
import { useAnalysisInput } from './input';

/** Enough to read in a panel; the shortest are kept. */
export const PATH_BOUNDS = { maxLength: 8, maxCount: 100 } as const;

/** Every causal path from one factor to another, within bounds, shortest first. */
export function PathsSection() {
  const { t } = useTranslation();
  const { factorById } = useSnapshot();
  const input = useAnalysisInput();
  const { from: rawFrom, to: rawTo, pathIndex, set } = useFocus();
  const selected = useSession((s) => s.selectedFactorIds);
  const focus = useSliceGetter(focusSlice);
  const [channel] = useState(() => new WorkerChannel<'paths'>());
  const [result, setResult] = useState<{ key: string; value: PathSearchResult } | null>(null);
  const from = rawFrom && factorById.has(rawFrom) ? rawFrom : null;
  const to = rawTo && factorById.has(rawTo) ? rawTo : null;
  const key = from && to && from !== to ? `${from}\u0000${to}` : null;
  const current = result && result.key === key ? result.value : null;

  useEffect(() => () => channel.destroy(), [channel]);

  // Two factors selected on the canvas become the two ends, unless they already are.
  useEffect(() => {
    const [a, b] = selected;
    if (selected.length !== 2 || !a || !b) return;
    const { from: f, to: t2 } = focus();
    if ((f === a && t2 === b) || (f === b && t2 === a)) return;
    set({ from: a, to: b, pathIndex: null });
  }, [selected, focus, set]);

  useEffect(() => {
    if (!from || !to || !key) return;
    channel.run({ kind: 'paths', input, from, to, opts: PATH_BOUNDS }).then(
      (value) => setResult({ key, value }),
      (e: unknown) => {
        if (!(e instanceof Superseded)) setResult({ key, value: { paths: [], truncated: false } });
      },
    );
  }, [channel, input, from, to, key]);

  const layer = useMemo(() => {
    if (!current || current.paths.length === 0) return null;
    const shown = pathIndex !== null && current.paths[pathIndex] ? [current.paths[pathIndex]] : current.paths;
    return { emphasis: { factors: new Set(shown.flatMap((p) => p.factors)), links: new Set(shown.flatMap((p) => p.links)) } };
  }, [current, pathIndex]);
  useOverlayLayer(FOCUS_LAYER, layer);

  const label = (id: string) => factorById.get(id)?.label ?? '?';
  return (
    <div className="focus-section" data-testid="paths">
      <FactorSelect label={t('analysis.focus.from')} value={from} onChange={(id) => set({ from: id, pathIndex: null })} testId="path-from" />
      <FactorSelect label={t('analysis.focus.to')} value={to} onChange={(id) => set({ to: id, pathIndex: null })} testId="path-to" />
      <button type="button" onClick={() => set({ from: to, to: from, pathIndex: null })} disabled={!from && !to}>
        ⇅ {t('analysis.focus.swap')}
      </button>
      {!key && <p className="muted">{t('analysis.focus.pickTwo')}</p>}
      {key && !current && <p className="analysis-status" role="status"><span className="spinner" aria-hidden="true" />{t('analysis.computing')}</p>}
      {key && current && from && to && (
        <>
          <p role="status" data-testid="path-count">
            {current.paths.length === 0
              ? t('analysis.focus.noPath', { from: label(from), to: label(to) })
              : t('analysis.focus.pathCount', { count: current.paths.length })}
          </p>
          {current.truncated && <p className="analysis-note" role="note">{t('analysis.focus.pathsStopped', PATH_BOUNDS)}</p>}
          {current.paths.length > 1 && (
            <button type="button" aria-pressed={pathIndex === null} onClick={() => set({ pathIndex: null })}>
              {t('analysis.focus.allPaths')}
            </button>
          )}
          <ol className="path-list">
            {current.paths.map((p, i) => (
              <li key={p.links.join()}>
                <button type="button" className="path-choose" aria-pressed={pathIndex === i} data-testid="path-row"
                  onClick={() => set({ pathIndex: pathIndex === i ? null : i })}>
                  <span className="muted small">{t('analysis.focus.steps', { count: p.links.length })}</span>{' '}
                  {p.factors.map(label).join(' → ')}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
