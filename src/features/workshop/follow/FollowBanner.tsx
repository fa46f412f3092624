import { useTranslation } from 'react-i18next';
import { usePresence, useSliceGetter } from '../../../session';
import { useWorkshop, workshopSlice } from '../store';

/** "Following X" with a stop button; a leader's invitation when one is not followed. */
export function FollowBanner() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const following = useWorkshop((s) => s.following);
  const leading = useWorkshop((s) => s.leading);
  const declined = useWorkshop((s) => s.declined);
  const peers = usePresence((s) => s.peers);
  const anonymous = t('presence.anonymous');

  if (leading) {
    return (
      <div className="ws-banner" role="status" data-testid="leading-banner">
        <span>{t('workshop.follow.leading')}</span>
        <button type="button" onClick={() => getWorkshop().setLeading(false)}>{t('workshop.follow.stopLeading')}</button>
      </div>
    );
  }
  const leader = following === null ? undefined : peers.find((p) => p.clientId === following);
  if (leader) {
    return (
      <div className="ws-banner" role="status" data-testid="following-banner" style={{ borderColor: leader.color }}>
        <span className="ws-dot" style={{ background: leader.color }} aria-hidden="true" />
        <span>{t('workshop.follow.following', { name: leader.name || anonymous })}</span>
        <button type="button" onClick={() => getWorkshop().stopFollowing()} data-testid="stop-following">
          {t('workshop.follow.stop')}
        </button>
      </div>
    );
  }
  const asking = peers.find((p) => p.leading && declined.has(p.clientId));
  if (!asking) return null;
  return (
    <div className="ws-banner muted-banner" role="status">
      <span>{t('workshop.follow.leaderAsks', { name: asking.name || anonymous })}</span>
      <button type="button" onClick={() => getWorkshop().follow(asking.clientId)}>{t('workshop.follow.join')}</button>
    </div>
  );
}
