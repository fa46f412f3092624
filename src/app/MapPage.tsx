import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Canvas } from '../canvas/Canvas';
import { loadUser, MapContext, saveUser, useMapSession, useOpenMap, useSnapshot, type LocalUser } from '../session';
import { NameDialog } from '../presence/NameDialog';
import { PresenceList } from '../presence/PresenceList';
import { useWorkshop } from '../features/workshop/store';
import { bindPresence } from '../presence/bindPresence';
import { rememberMap } from '../sync';
import { ErrorToast } from './ErrorToast';
import { MOUNTS } from './mounts';
import { ShareDialog } from './ShareDialog';
import { PanelButtons, SidePanel } from './SidePanel';
import { SyncStatus } from './SyncStatus';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './useShortcuts';

interface Props {
  mapId: string;
  token: string | null;
  canEdit: boolean;
}

function MapScreen({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const { mapId, awareness, canEdit } = useMapSession();
  const title = useSnapshot().meta.title;
  const [user, setUser] = useState<LocalUser | null>(() => loadUser());
  const [editingMe, setEditingMe] = useState(false);
  const [sharing, setSharing] = useState(false);
  const following = useWorkshop((s) => s.following);
  useShortcuts();

  useEffect(() => bindPresence(awareness), [awareness]);
  useEffect(() => {
    if (user?.name) awareness.setLocalStateField('user', { name: user.name, color: user.color });
  }, [awareness, user]);
  useEffect(() => {
    rememberMap({ id: mapId, title, access: canEdit ? 'edit' : 'view', token: token ?? '' });
  }, [mapId, title, canEdit, token]);

  const askName = !user?.name || editingMe;
  return (
    <div className="map-page">
      <Toolbar>
        {MOUNTS.filter((m) => m.place === 'toolbar').map(({ id, component: C }) => <C key={id} />)}
        <button type="button" onClick={() => setSharing(true)} data-testid="share">{t('share.button')}</button>
        <SyncStatus />
        {user?.name && (
          <PresenceList me={user} onEditMe={() => setEditingMe(true)} following={following}
            onPeer={(id) => (following === id ? useWorkshop.getState().stopFollowing() : useWorkshop.getState().follow(id))} />
        )}
      </Toolbar>
      <main className="map-main">
        <Canvas />
        {MOUNTS.filter((m) => m.place === 'canvas').map(({ id, component: C }) => <C key={id} />)}
        <SidePanel />
        <nav className="panel-rail" aria-label={t('toolbar.panels')}>
          <PanelButtons />
        </nav>
      </main>
      <ErrorToast />
      {sharing && <ShareDialog mapId={mapId} token={token} canEdit={canEdit} onClose={() => setSharing(false)} />}
      {askName && (
        <NameDialog
          user={user}
          onSave={(u) => {
            setUser(saveUser(u));
            setEditingMe(false);
          }}
          onCancel={user?.name ? () => setEditingMe(false) : undefined}
        />
      )}
    </div>
  );
}

export function MapPage({ mapId, token, canEdit }: Props) {
  const { t } = useTranslation();
  const session = useOpenMap({ mapId, token, canEdit });
  if (!session) return <div className="loading" role="status">{t('app.name')}…</div>;
  return (
    <MapContext.Provider value={session}>
      <ReactFlowProvider>
        <MapScreen token={token} />
      </ReactFlowProvider>
    </MapContext.Provider>
  );
}
