import { useTranslation } from 'react-i18next';
import { usePresence } from './store';

interface Props {
  me: { name: string; color: string };
  onEditMe: () => void;
}

/** Who is on the map: me first (click to change name and colour), then the others. */
export function PresenceList({ me, onEditMe }: Props) {
  const { t } = useTranslation();
  const peers = usePresence((s) => s.peers);
  return (
    <div className="presence-list" aria-label={t('presence.here', { count: peers.length + 1 })} role="group">
      <button type="button" className="avatar me" style={{ background: me.color }} onClick={onEditMe}
        title={t('presence.editMe')} aria-label={t('presence.editMe')}>
        {(me.name || '?').slice(0, 1).toUpperCase()}
      </button>
      {peers.slice(0, 8).map((p) => (
        <span key={p.clientId} className="avatar" style={{ background: p.color }} title={p.name || t('presence.anonymous')} data-testid="peer-avatar">
          {(p.name || '?').slice(0, 1).toUpperCase()}
        </span>
      ))}
      {peers.length > 8 && <span className="avatar more">+{peers.length - 8}</span>}
    </div>
  );
}
