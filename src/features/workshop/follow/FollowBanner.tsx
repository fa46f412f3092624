import { useTranslation } from 'react-i18next';
import { usePresence, useSliceGetter, type Peer } from '../../../session';
import { useWorkshop, workshopSlice } from '../store';

/**
 * The follow status in one live region, there from the start so that a screen reader announces
 * what appears in it: "you lead" with a stop button; "you follow X" with a stop button; or a
 * leader's invitation, "X mène l'atelier", with a large "Suivre" and a close button.
 */
export function FollowBanner() {
  const { t } = useTranslation();
  return (
    <div className="ws-follow-status" role="status" aria-live="polite" aria-label={t('workshop.follow.status')}>
      <FollowState />
    </div>
  );
}

function FollowState() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const following = useWorkshop((s) => s.following);
  const leading = useWorkshop((s) => s.leading);
  const dismissed = useWorkshop((s) => s.dismissed);
  const peers = usePresence((s) => s.peers);
  const anonymous = t('presence.anonymous');

  if (leading) {
    return (
      <div className="ws-banner" data-testid="leading-banner">
        <span>{t('workshop.follow.leading')}</span>
        <button type="button" onClick={() => getWorkshop().setLeading(false)}>{t('workshop.follow.stopLeading')}</button>
      </div>
    );
  }
  const leader = following === null ? undefined : peers.find((p) => p.clientId === following);
  if (leader) {
    return (
      <div className="ws-banner" data-testid="following-banner" style={{ borderColor: leader.color }}>
        <span className="ws-dot" style={{ background: leader.color }} aria-hidden="true" />
        <span>{t('workshop.follow.following', { name: leader.name || anonymous })}</span>
        <button type="button" onClick={() => getWorkshop().stopFollowing()} data-testid="stop-following">
          {t('workshop.follow.stop')}
        </button>
      </div>
    );
  }
  const asking = peers.find((p) => p.leading && !dismissed.has(p.clientId));
  return asking ? <LeadNotice leader={asking} name={asking.name || anonymous} /> : null;
}

/** A leader's invitation: nobody's view is taken over unasked; × closes it for this lead. */
function LeadNotice({ leader, name }: { leader: Peer; name: string }) {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  return (
    <div className="ws-lead-notice" data-testid="lead-notice" data-leader={name} style={{ borderColor: leader.color }}>
      <span className="ws-dot" style={{ background: leader.color }} aria-hidden="true" />
      <span className="ws-lead-text">{t('workshop.follow.leaderAsks', { name })}</span>
      <button type="button" className="primary" data-testid="lead-notice-follow"
        title={t('workshop.follow.follow', { name })} onClick={() => getWorkshop().follow(leader.clientId)}>
        {t('workshop.follow.join')}
      </button>
      <button type="button" data-testid="lead-notice-dismiss" aria-label={t('workshop.follow.dismiss', { name })}
        title={t('workshop.follow.dismiss', { name })} onClick={() => getWorkshop().dismiss(leader.clientId)}>
        ×
      </button>
    </div>
  );
}
