import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePresence, useSession } from '../../../session';
import { useWorkshop } from '../store';
import { openerName } from './opener';
import { useVotes, useVoterId } from './useVotes';

const PANEL = 'workshop-voting';

/**
 * Tells a participant that a vote is open, who opened it and with how many dots, with one
 * large button to take part: it opens the Vote panel and turns on voting clicks. Not for the
 * person who opened it, not while the panel is open, and once dismissed not again for that
 * round. In a live region that is there from the start, so a screen reader announces it.
 */
export function VoteNotice() {
  const { t } = useTranslation();
  return (
    <div className="ws-vote-status" role="status" aria-live="polite" aria-label={t('workshop.voting.title')}>
      <RoundNotice />
    </div>
  );
}

function RoundNotice() {
  const { t } = useTranslation();
  const { rounds } = useVotes();
  const me = useVoterId();
  const peers = usePresence((s) => s.peers);
  const panel = useSession((s) => s.panel);
  const setPanel = useSession((s) => s.setPanel);
  const projector = useWorkshop((s) => s.projector);
  const setVoting = useWorkshop((s) => s.setVoting);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const round = [...rounds].reverse().find((r) => r.status === 'open' && r.openedBy !== me && !dismissed.has(r.id));
  if (!round || panel === PANEL || projector) return null;
  const dismiss = () => setDismissed(new Set(dismissed).add(round.id));
  const name = openerName(round.openedBy, peers);
  const count = round.dotsPerPerson;
  return (
    <div className="ws-vote-notice" data-testid="vote-notice" data-opener={name ?? ''}>
      <span className="ws-vote-text">
        <span data-testid="vote-notice-lead">{name ? t('workshop.voting.noticeBy', { name, count }) : t('workshop.voting.noticeOpen', { count })}</span>
        <strong>{round.title}</strong>
      </span>
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
