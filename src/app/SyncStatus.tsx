import { useTranslation } from 'react-i18next';
import { useConnectionStatus, useMapSession } from '../session';

/** Online / reconnecting / offline with edits kept here: the facilitator must never guess. */
export function SyncStatus() {
  const { t } = useTranslation();
  const { connection } = useMapSession();
  const status = useConnectionStatus(connection);
  return (
    <span className={`sync-status ${status}`} role="status" data-testid="sync-status" data-status={status}
      title={t(`sync.${status}Long`)}>
      <span className="dot" aria-hidden="true" />
      {t(`sync.${status}`)}
    </span>
  );
}
