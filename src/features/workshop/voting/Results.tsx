import { useTranslation } from 'react-i18next';
import { sessionSlice, useMapSession, useSliceGetter, useSnapshot } from '../../../session';
import type { RoundResult } from '../../../model';
import { loopParts, loopText } from '../loops/loopParts';
import { workshopSlice } from '../store';

/** Counts, most first, as bars; each result can start an action group. */
export function Results({ result }: { result: RoundResult }) {
  const getSession = useSliceGetter(sessionSlice);
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const snap = useSnapshot();
  const top = result.counts[0]?.count ?? 0;
  if (result.counts.length === 0) return <p className="muted">{t('workshop.voting.noDots')}</p>;
  return (
    <>
      <p className="muted">{t('workshop.voting.voters', { voters: result.voters, dots: result.dots })}</p>
      <ol className="ws-results" data-testid="vote-results">
        {result.counts.map(({ target, count }) => {
          const parts = target.kind === 'loop' ? loopParts(target.id, snap) : null;
          const label = target.kind === 'factor'
            ? snap.factorById.get(target.id)?.label ?? '?'
            : parts ? loopText(parts.factors, snap, 18) : '?';
          return (
            <li key={`${target.kind}:${target.id}`} data-testid="vote-result" data-label={label} data-count={count}>
              <div className="ws-result-head">
                <span>{label}</span>
                <strong>{count}</strong>
              </div>
              <div className="ws-bar" style={{ width: `${(100 * count) / Math.max(1, top)}%` }} aria-hidden="true" />
              {canEdit && result.closed && (
                <button type="button" className="ws-link-button" onClick={() => {
                  getWorkshop().setGroupOrigin({ kind: target.kind, id: target.id });
                  getSession().setPanel('workshop-groups');
                }}>{t('workshop.voting.makeGroup')}</button>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
