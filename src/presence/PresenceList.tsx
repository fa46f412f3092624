import { useTranslation } from 'react-i18next';
import { usePresence } from '../session';

interface Props {
  me: { name: string; color: string };
  onEditMe: () => void;
  /** Whose view this user follows (a feature's state, handed in by the app). */
  following: number | null;
  /** A click on someone: follow them, or stop when already following them. */
  onPeer: (clientId: number) => void;
}

/** Who is on the map: me first (click to change name and colour), then the others. */
export function PresenceList({ me, onEditMe, following, onPeer }: Props) {
  const { t } = useTranslation();
  const peers = usePresence((s) => s.peers);
  return (
    <div className="presence-list" aria-label={t('presence.here', { count: peers.length + 1 })} role="group">
      <button type="button" className="avatar me" style={{ background: me.color }} onClick={onEditMe}
        title={t('presence.editMe')} aria-label={t('presence.editMe')}>
        {(me.name || '?').slice(0, 1).toUpperCase()}
      </button>
      {peers.slice(0, 8).map((p) => (
        // Clicking someone follows their view (the app wires src/features/workshop/follow).
        <button key={p.clientId} type="button" className={`avatar${p.leading ? ' leading' : ''}`} style={{ background: p.color }}
          title={t('workshop.follow.follow', { name: p.name || t('presence.anonymous') })} aria-pressed={following === p.clientId}
          onClick={() => onPeer(p.clientId)}
          data-testid="peer-avatar">
          {(p.name || '?').slice(0, 1).toUpperCase()}
        </button>
      ))}
      {peers.length > 8 && <span className="avatar more">+{peers.length - 8}</span>}
    </div>
  );
}
