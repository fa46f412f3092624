import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { useWorkshop } from '../store';
import { useVotes, useVoterId } from './useVotes';

const PANEL = 'workshop-voting';

/**
 * Tells a participant that a vote is open, with one large button to take part: it opens the
 * Vote panel and turns on voting clicks. Not for the person who opened it, not while the panel
 * is open, and once dismissed not again for that round.
 */
export function VoteNotice() {
  const { t } = useTranslation();
  const { rounds } = useVotes();
  const me = useVoterId();
  const panel = useSession((s) => s.panel);
  const setPanel = useSession((s) => s.setPanel);
  const projector = useWorkshop((s) => s.projector);
  const setVoting = useWorkshop((s) => s.setVoting);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const round = [...rounds].reverse().find((r) => r.status === 'open' && r.openedBy !== me && !dismissed.has(r.id));
  if (!round || panel === PANEL || projector) return null;
  const dismiss = () => setDismissed(new Set(dismissed).add(round.id));
  return (
    <div className="ws-vote-notice" role="status" data-testid="vote-notice">
      <span>{t('workshop.voting.noticeOpen')} <strong>{round.title}</strong></span>
      <button type="button" className="primary" data-testid="vote-notice-go"
        onClick={() => {
          setPanel(PANEL);
          setVoting(true);
          dismiss();
        }}>
        {t('workshop.voting.noticeGo')}
      </button>
      <button type="button" onClick={dismiss} aria-label={t('workshop.voting.noticeDismiss')} title={t('workshop.voting.noticeDismiss')}>✕</button>
    </div>
  );
}
