import { useTranslation } from 'react-i18next';
import { useWorkshop } from '../features/workshop/store';
import { usePresence } from './store';

interface Props {
  me: { name: string; color: string };
  onEditMe: () => void;
}

/** Who is on the map: me first (click to change name and colour), then the others. */
export function PresenceList({ me, onEditMe }: Props) {
  const { t } = useTranslation();
  const peers = usePresence((s) => s.peers);
  const following = useWorkshop((s) => s.following);
  return (
    <div className="presence-list" aria-label={t('presence.here', { count: peers.length + 1 })} role="group">
      <button type="button" className="avatar me" style={{ background: me.color }} onClick={onEditMe}
        title={t('presence.editMe')} aria-label={t('presence.editMe')}>
        {(me.name || '?').slice(0, 1).toUpperCase()}
      </button>
      {peers.slice(0, 8).map((p) => (
        // Clicking someone follows their view (src/features/workshop/follow); again, stops.
        <button key={p.clientId} type="button" className={`avatar${p.leading ? ' leading' : ''}`} style={{ background: p.color }}
          title={t('workshop.follow.follow', { name: p.name || t('presence.anonymous') })} aria-pressed={following === p.clientId}
          onClick={() => (following === p.clientId ? useWorkshop.getState().stopFollowing() : useWorkshop.getState().follow(p.clientId))}
          data-testid="peer-avatar">
          {(p.name || '?').slice(0, 1).toUpperCase()}
        </button>
      ))}
      {peers.length > 8 && <span className="avatar more">+{peers.length - 8}</span>}
    </div>
  );
}
