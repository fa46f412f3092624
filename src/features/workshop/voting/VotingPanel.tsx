import { useTranslation } from 'react-i18next';
import { useMapSession, useSliceGetter } from '../../../session';
import { closeRound, removeRound, reopenRound } from '../../../model';
import '../i18n';
import { useWorkshop, workshopSlice } from '../store';
import '../workshop.css';
import { OpenRoundForm } from './OpenRoundForm';
import { Results } from './Results';
import { TargetList } from './TargetList';
import { useVoterId, useVotes } from './useVotes';

/** Dot voting: open a round, place one's dots, watch the counts, close, keep the results. */
export default function VotingPanel() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const { rounds, current } = useVotes();
  const voting = useWorkshop((s) => s.voting);
  const onMap = useWorkshop((s) => s.dotsOnMap);
  const me = useVoterId();
  const open = current?.round.status === 'open';

  return (
    <div className="ws-panel" data-testid="voting-panel">
      {!current && <p className="muted">{t('workshop.voting.intro')}</p>}
      {!canEdit && <p className="muted">{t('workshop.voting.viewer')}</p>}
      {canEdit && !open && <OpenRoundForm />}
      {current && (
        <section className="ws-round" data-testid="round" data-status={current.round.status}>
          <h3>{current.round.title}</h3>
          <p className={`ws-status ${current.round.status}`}>
            {open ? t('workshop.voting.statusOpen') : t('workshop.voting.statusClosed')}
            {' · '}{t('workshop.voting.count', { count: current.round.dotsPerPerson })}
          </p>
          {open && canEdit && (
            <>
              <p className="ws-left" data-testid="dots-left" data-left={current.left}>
                <span aria-hidden="true">{'●'.repeat(current.left)}{'○'.repeat(current.round.dotsPerPerson - current.left)} </span>
                {t('workshop.voting.left', { count: current.left, total: current.round.dotsPerPerson })}
              </p>
              <label className="ws-choice">
                <input type="checkbox" checked={voting} onChange={(e) => getWorkshop().setVoting(e.target.checked)}
                  data-testid="voting-mode" />
                {t('workshop.voting.mode')}
              </label>
              {voting && <p className="muted ws-small">{t('workshop.voting.modeHint')}</p>}
            </>
          )}
          <label className="ws-choice">
            <input type="checkbox" checked={onMap} onChange={(e) => getWorkshop().setDotsOnMap(e.target.checked)} />
            {t('workshop.voting.onMap')}
          </label>
          {open && canEdit ? <TargetList state={current} /> : current.result && (
            <>
              <h3>{t('workshop.voting.results')}</h3>
              <Results result={current.result} />
            </>
          )}
          {canEdit && (
            <div className="ws-actions">
              {open ? (
                <button type="button" className="primary" data-testid="close-round" onClick={() => {
                  if (window.confirm(t('workshop.voting.confirmClose'))) closeRound(doc, current.round.id, { closedBy: me });
                }}>{t('workshop.voting.close')}</button>
              ) : (
                <button type="button" onClick={() => reopenRound(doc, current.round.id)}>{t('workshop.voting.reopen')}</button>
              )}
              <button type="button" onClick={() => {
                if (window.confirm(t('workshop.voting.confirmRemove'))) removeRound(doc, current.round.id);
              }}>{t('workshop.voting.remove')}</button>
            </div>
          )}
        </section>
      )}
      {rounds.length > 1 && (
        <label className="ws-field">
          {t('workshop.voting.rounds')}
          <select value={current?.round.id ?? ''} onChange={(e) => getWorkshop().setRound(e.target.value || null)}>
            {[...rounds].reverse().map((r) => (
              <option key={r.id} value={r.id}>
                {`${r.title} — ${r.status === 'open' ? t('workshop.voting.statusOpen') : t('workshop.voting.statusClosed')}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
